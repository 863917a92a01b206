"""Representations as the API reads and keys them in (shared/API.md): the respondent, their agent, the answers."""

from typing import Annotated, Any, Literal

from pydantic import AliasPath, BeforeValidator, Field

from engage.common.schemas import (
    DateTimeText,
    Flag,
    Id,
    Input,
    LondonDateTime,
    Output,
    Text,
    an_object,
    one_of,
    texts_of,
)
from engage.models import (
    LEGAL_ANSWERS,
    NATURES,
    NOTIFY_CHOICES,
    REPRESENTATION_CHANNELS,
    SOUNDNESS_TESTS,
)
from engage.models.representation import REPRESENTATION_STATUSES

KEYED_CHANNELS = tuple(channel for channel in REPRESENTATION_CHANNELS if channel != "online")


def _or(empty: Any) -> BeforeValidator:
    """A stored null or empty value as `empty` (an empty agent as null, missing lists as [])."""
    return BeforeValidator(lambda value: value or empty)


class Person(Output):
    """A respondent or an agent: name and contact details ("" when not given)."""

    title: str = ""
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    job_title: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""


class Attachment(Output):
    """A file sent with a representation: its name, type and size, never the content."""

    id: int
    filename: str
    content_type: str = Field(description="Found from the content, e.g. application/pdf")
    size: int = Field(description="In bytes")


class Representation(Output):
    """What one respondent said about one part of the plan in one consultation."""

    reference: str = Field(description="Respondent reference and number, e.g. R-00123-2")
    respondent_reference: str = Field(validation_alias=AliasPath("respondent", "reference"), description="e.g. R-00123")
    consultation: int = Field(validation_alias="consultation_id")
    channel: Literal[REPRESENTATION_CHANNELS]
    received_at: LondonDateTime
    late: bool
    respondent: Person
    agent: Annotated[Person | None, _or(None)] = Field(None, validation_alias=AliasPath("respondent", "agent"))
    part: str | None = Field(None, validation_alias=AliasPath("part", "ref"), description="Part reference")
    nature: Literal[NATURES]
    legally_compliant: Literal[LEGAL_ANSWERS]
    sound: Literal[LEGAL_ANSWERS]
    dtc_compliant: Literal[LEGAL_ANSWERS]
    unsound_tests: Annotated[list[Literal[SOUNDNESS_TESTS]], _or([])]
    comment: str
    modification: str
    wishes_to_be_heard: bool
    heard_reason: str
    notify: Annotated[list[Literal[NOTIFY_CHOICES]], _or([])]
    answers: Annotated[dict[str, Any], _or({})] = Field(description="Questionnaire answers by question id")
    campaign: int | None = Field(validation_alias="campaign_id")
    status: Literal[REPRESENTATION_STATUSES]
    attachments: list[Attachment] = Field(description="Files sent with it (read only)")


class PersonInput(Input):
    """A respondent's or an agent's name and contact details."""

    title: Text | None = None
    first_name: Text | None = None
    last_name: Text | None = None
    organisation: Text | None = None
    job_title: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    address: Text | None = None
    postcode: Text | None = None


PERSON = an_object("title, first_name, last_name")


class RepresentationInput(Input):
    """An email, post or in-person representation keyed in by an officer. It gets a reference like online ones;
    received from the closing time on, it is late."""

    output = Representation
    required = ("channel", "received_at", "respondent")

    channel: one_of(KEYED_CHANNELS) = None
    received_at: DateTimeText = None
    part: Text | None = Field(None, description="Part reference")
    nature: one_of(NATURES) | None = None
    legally_compliant: one_of(LEGAL_ANSWERS) | None = None
    sound: one_of(LEGAL_ANSWERS) | None = None
    dtc_compliant: one_of(LEGAL_ANSWERS) | None = None
    unsound_tests: texts_of(SOUNDNESS_TESTS) = None
    comment: Text | None = None
    modification: Text | None = None
    wishes_to_be_heard: Flag = None
    heard_reason: Text | None = None
    notify: texts_of(NOTIFY_CHOICES) = None
    stakeholder: Id | None = Field(None, description="Record number of a stakeholder to link")
    respondent: Annotated[PersonInput | None, PERSON] = None
    agent: Annotated[PersonInput | None, PERSON] = None
