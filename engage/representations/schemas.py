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
from engage.vocab import Answer, Channel, Nature, NotifyEvent, RepresentationStatus, SoundnessTest

KEYED_CHANNELS = tuple(channel for channel in Channel.values() if channel != "online")


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
    channel: Literal[Channel.values()]
    received_at: LondonDateTime
    late: bool
    respondent: Person
    agent: Annotated[Person | None, _or(None)] = Field(None, validation_alias=AliasPath("respondent", "agent"))
    part: str | None = Field(None, validation_alias=AliasPath("part", "ref"), description="Part reference")
    nature: Literal[Nature.values()]
    legally_compliant: Literal[Answer.values()]
    sound: Literal[Answer.values()]
    dtc_compliant: Literal[Answer.values()]
    unsound_tests: Annotated[list[Literal[SoundnessTest.values()]], _or([])]
    comment: str
    modification: str
    wishes_to_be_heard: bool
    heard_reason: str
    notify: Annotated[list[Literal[NotifyEvent.values()]], _or([])]
    answers: Annotated[dict[str, Any], _or({})] = Field(description="Questionnaire answers by question id")
    campaign: int | None = Field(validation_alias="campaign_id")
    campaign_name: str | None = Field(
        None, validation_alias=AliasPath("campaign", "name"), description="The campaign's name (null when in none)"
    )
    stakeholder: int | None = Field(
        validation_alias=AliasPath("respondent", "stakeholder_id"),
        description="The stakeholder the respondent is linked to",
    )
    status: Literal[RepresentationStatus.values()]
    attachments: list[Attachment] = Field(description="Files sent with it (read only)")


class RespondentCandidate(Output):
    """A respondent already on record who may be the same person."""

    respondent_reference: str = Field(validation_alias="reference", description="e.g. R-00123")
    name: str
    organisation: str
    email: str
    postcode: str
    representations: int = Field(description="How many representations they have made so far")

    @classmethod
    def of(cls, record, **values):
        return super().of(record, representations=len(record.representations), **values)


class KeyedRepresentation(Representation):
    """A representation just keyed in, with the respondents on record who may be the same person when the request
    neither named one (`respondent_reference`) nor said whether to ask (`new_respondent`)."""

    possible_same_respondents: list[RespondentCandidate] = Field(
        default_factory=list,
        description="Respondents already on record with the same email address, or the same name and postcode: the"
        " officer may add later letters to one of them with `respondent_reference`",
    )


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


class RepresentationFields(Input):
    """What a representation says, as an officer keys it in or corrects it."""

    part: Text | None = Field(None, description="Part reference")
    nature: one_of(Nature.values()) | None = None
    legally_compliant: one_of(Answer.values()) | None = None
    sound: one_of(Answer.values()) | None = None
    dtc_compliant: one_of(Answer.values()) | None = None
    unsound_tests: texts_of(SoundnessTest.values()) = None
    comment: Text | None = None
    modification: Text | None = None
    wishes_to_be_heard: Flag = None
    heard_reason: Text | None = None
    notify: texts_of(NotifyEvent.values()) = None


class RepresentationInput(RepresentationFields):
    """An email, post or in-person representation keyed in by an officer. It gets a reference like online ones;
    received from the closing time on, it is late."""

    output = KeyedRepresentation
    required = ("channel", "received_at", "respondent")

    channel: one_of(KEYED_CHANNELS) = None
    received_at: DateTimeText = None
    stakeholder: Id | None = Field(None, description="Record number of a stakeholder to link")
    respondent: Annotated[PersonInput | None, PERSON] = None
    agent: Annotated[PersonInput | None, PERSON] = None
    respondent_reference: Text | None = Field(
        None,
        description="Add it to this respondent already on record in the consultation (e.g. R-00123): the same"
        " person's representations share one respondent reference",
    )
    new_respondent: Flag = Field(
        None,
        description="true: a new respondent even though someone on record has the same email address, or the same"
        " name and postcode. false: ask first, answering 409 with the candidates when there are any. Left out: a new"
        " respondent, as before, with the candidates in `possible_same_respondents`",
    )


class RepresentationChanges(RepresentationFields):
    """Corrections to a representation as it was recorded. Only the fields sent change (in `respondent` and `agent`,
    only the details sent; `agent: null` takes the agent away); they are checked as when it was recorded. The
    respondent's and agent's details are corrected for all the respondent's representations. An online
    representation keeps its channel and the time it was sent. `reason` is kept in the audit trail with each change
    before and after."""

    output = KeyedRepresentation
    required = ("reason",)

    reason: Text = Field(None, description="Why it is corrected: kept in the audit trail")
    channel: one_of(Channel.values()) = None
    received_at: DateTimeText = None
    answers: dict[str, Any] | None = Field(None, description="Questionnaire answers by question id")
    respondent: Annotated[PersonInput | None, PERSON] = None
    agent: Annotated[PersonInput | None, PERSON] = None


class SamePersonProblem(Output):
    """application/problem+json, status 409: respondents already on record in the consultation may be the same
    person. Nothing was written: send the representation again with `respondent_reference` (one of the candidates'),
    or with `new_respondent: true`."""

    type: str
    title: str
    status: int
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages by field name")
    candidates: list[RespondentCandidate]


class WithdrawalInput(Input):
    """Withdraw a representation because the respondent asked, before the consultation closes."""

    required = ("reason",)

    reason: Text = Field(None, description="Why, as the respondent put it: kept in the audit trail")


class ReinstatementInput(Input):
    """Undo a withdrawal. After the consultation closes, only a representation withdrawn by mistake."""

    required = ("reason",)

    reason: Text = Field(None, description="Why: kept in the audit trail")
    by_mistake: Flag = Field(None, description="It was withdrawn by mistake", json_schema_extra={"default": False})


class StakeholderLinkInput(Input):
    """The stakeholder on the registers the respondent is, or null to take the link away."""

    required = ("stakeholder",)

    stakeholder: Id | None = Field(None, description="Stakeholder id, or null")


class RepresentationUploadInput(Input):
    """The form fields sent with an agent's spreadsheet (multipart/form-data, the file in the field `file`): how and
    when it arrived, and the agent (`agent_first_name`, `agent_email` and so on, gathered here as `agent`)."""

    required = ("channel", "received_at", "agent")

    channel: one_of(KEYED_CHANNELS) = None
    received_at: DateTimeText = None
    agent: Annotated[PersonInput | None, PERSON] = None


class RepresentationUpload(Output):
    """What an agent's spreadsheet made: a representation per row, each client one respondent."""

    filename: str
    respondents: list[str] = Field(description="The clients' respondent references, in the spreadsheet's order")
    representations: list[Representation]
