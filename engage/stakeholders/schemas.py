"""Stakeholders and the registers they are on, as the API reads and writes them (shared/API.md)."""

from typing import Any, Literal, Self

from pydantic import AliasPath, Field

from engage.common.schemas import Flag, Id, Input, LondonDateTime, Output, Slugs, Text, Texts, one_of
from engage.stakeholders.services import TEXT_FIELDS
from engage.vocab import PreferredChannel, StakeholderKind

AUTHORITY_CODE = "Authority code, e.g. WBC"


class Register(Output):
    """A register of stakeholders, with how many are on it."""

    id: int
    slug: str = Field(examples=["members-forum"])
    name: str
    stakeholder_count: int = Field(ge=0)

    @classmethod
    def of(cls, row: tuple[Any, int]) -> Self:
        register, count = row
        return super().of(register, stakeholder_count=count)


class Stakeholder(Output):
    """A person or organisation on the registers. For an organisation, `organisation` is its own name; for a person,
    the body they work for."""

    id: int
    kind: Literal[StakeholderKind.values()]
    title: str
    first_name: str
    last_name: str
    name: str = Field(description="Display name: the person's names or the organisation's name")
    job_title: str
    organisation: str
    organisation_id: int | None
    email: str
    phone: str
    address: str
    postcode: str
    authority: str | None = Field(None, validation_alias=AliasPath("authority", "code"), description=AUTHORITY_CODE)
    registers: Slugs
    categories: Slugs
    body_kinds: Slugs
    party: str
    ward: str
    constituency: str
    preferred_channel: Literal[PreferredChannel.values()]
    accessibility_needs: str
    language: str
    agent_id: int | None
    do_not_contact: bool
    consent_to_notifications: bool
    notes: str
    erased_at: LondonDateTime | None
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any) -> Self:
        shown = record.organisation_name if record.kind == "organisation" else record.organisation_label
        return super().of(record, organisation=shown)


def _limited(field: str, **documented: Any) -> Any:
    return Field(None, json_schema_extra={"maxLength": TEXT_FIELDS[field]}, **documented)


class StakeholderInput(Input):
    """A new stakeholder, or the fields to change (only those sent change). A person needs a first or last name; an
    organisation needs `organisation`."""

    output = Stakeholder

    kind: one_of(StakeholderKind.values(), default="person") = None
    title: Text | None = _limited("title")
    first_name: Text | None = _limited("first_name")
    last_name: Text | None = _limited("last_name")
    job_title: Text | None = _limited("job_title")
    organisation: Text | None = Field(
        None,
        description="Organisation name (for an organisation, its own name)",
        json_schema_extra={"maxLength": 300},
    )
    organisation_id: Id | None = Field(None, description="Record number of the organisation a person belongs to")
    email: Text | None = Field(None, json_schema_extra={"format": "email"})
    phone: Text | None = _limited("phone")
    address: Text | None = _limited("address")
    postcode: Text | None = None
    authority: Text | None = Field(None, description=AUTHORITY_CODE)
    registers: Texts = Field(None, description="Register slugs, e.g. general-consultees")
    categories: Texts = Field(None, description="Category slugs, e.g. specific-consultation-body")
    body_kinds: Texts = None
    party: Text | None = _limited("party")
    ward: Text | None = _limited("ward")
    constituency: Text | None = _limited("constituency")
    preferred_channel: one_of(PreferredChannel.values(), default="email") = None
    accessibility_needs: Text | None = _limited("accessibility_needs")
    language: Text | None = _limited("language")
    agent_id: Id | None = Field(None, description="Record number of the stakeholder's agent")
    do_not_contact: Flag = None
    consent_to_notifications: Flag = None
    notes: Text | None = _limited("notes")
