"""The audit trail as the API reads it: who did what to which record, and what changed."""

from typing import Any

from pydantic import AliasPath, Field

from engage.common.schemas import LondonDateTime, Output


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
