"""What administrators read and change through the API: the audit trail (who did what to which record, and what
changed) and officer accounts."""

from typing import Any, Literal

from pydantic import AliasPath, Field

from engage.common.schemas import Input, LondonDateTime, Output, Text, one_of
from engage.vocab import Role


class AuditEvent(Output):
    """One change recorded in the audit trail."""

    id: int
    at: LondonDateTime
    user: int | None = Field(validation_alias="user_id", description="The user's id; null for the system")
    user_email: str | None = Field(validation_alias=AliasPath("user", "email"), default=None)
    action: str = Field(examples=["create", "update", "withdraw"])
    entity_type: str = Field(examples=["stakeholder", "consultation"])
    entity_id: int | None
    summary: str
    changes: dict[str, Any] = Field(description="Field: [before, after], or other details of the change")


class User(Output):
    """An officer account: who can sign in, with which role, for which authority."""

    id: int
    email: str
    name: str
    role: Literal[Role.values()]
    authority: str | None = Field(
        validation_alias=AliasPath("authority", "code"), default=None, description="Authority code"
    )
    active: bool = Field(description="False once deactivated: cannot sign in, and its API tokens are revoked")
    two_factor: bool = Field(description="Whether signing in asks for a code from an authenticator app")
    must_change_password: bool = Field(description="Still has the temporary password it was given")
    created_at: LondonDateTime
    last_signed_in_at: LondonDateTime | None


class NewUser(User):
    """The account just added, with the temporary password to hand over to its user."""

    temporary_password: str | None = Field(
        description="Shown once, in this answer only: it is not stored, so an answer replayed for the same"
        " Idempotency-Key has null here (the user can then reset their password from the sign-in page). They must"
        " change it when they first sign in."
    )


class UserInput(Input):
    """A new officer account."""

    output = User
    required = ("email", "role", "authority")

    email: Text = Field(None, description="Their email address; no other account may have it, in any case")
    name: Text = Field(None, description="Full name, 200 characters or fewer; the email's first part when not given")
    role: one_of(Role.values()) = None
    authority: Text = Field(None, description="Code of a partner authority or the county, e.g. WBC")


class UserChanges(Input):
    """Changes to an officer account: only the fields sent change. The email address cannot change."""

    output = User

    name: Text = Field(None, description="Full name, 200 characters or fewer")
    role: one_of(Role.values()) = None
    authority: Text = Field(None, description="Code of a partner authority or the county, e.g. WBC")
