"""Engagements and their follow-up actions, as the API reads and writes them (shared/API.md)."""

from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from flask import has_request_context, request, url_for
from pydantic import AfterValidator, AliasPath, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from engage.common.schemas import (
    DateTimeText,
    Ids,
    Input,
    LondonDateTime,
    NullableDateText,
    NullableDateTimeText,
    Output,
    RowIds,
    Slugs,
    Text,
    Texts,
    objects,
    one_of,
)
from engage.engagements.links import evidence_link_problem, reference_problem
from engage.models.engagement import LONDON
from engage.vocab import ActionStatus, Agreement, EngagementKind, EngagementStatus, Level

AUTHORITY_CODE = "Authority code, e.g. WBC"
PLAN_STAGE = "Slug of the plan stage, e.g. reg-18"
EVIDENCE_URL = (
    "The published evidence document (minutes, a letter): an http or https address, never a page of Engage that "
    "needs signing in"
)
LIBRARY_REFERENCE = "The evidence document's number in the examination library, e.g. EL-12 or SD/4.2"


def _evidence_link(value: str) -> str:
    problem = evidence_link_problem(value, extra_hosts=[request.host] if has_request_context() else [])
    if problem:
        raise PydanticCustomError("field_message", "{message}", {"message": problem})
    return value


def _library_reference(value: str) -> str:
    problem = reference_problem(value)
    if problem:
        raise PydanticCustomError("field_message", "{message}", {"message": problem})
    return value


EvidenceLink = Annotated[Text, AfterValidator(_evidence_link)]
LibraryReference = Annotated[Text, AfterValidator(_library_reference)]


class Action(Output):
    """A follow-up action agreed at an engagement, owned by an authority."""

    id: int
    engagement: int | None = Field(validation_alias="engagement_id", description="The engagement it follows from")
    description: str
    owner: str = Field(validation_alias=AliasPath("owner_authority", "code"), description=AUTHORITY_CODE)
    due_on: date | None
    status: Literal[ActionStatus.values()]
    overdue: bool = Field(description="Open and past its due date")

    @classmethod
    def of(cls, record: Any, today: date | None = None) -> Self:
        return super().of(record, overdue=record.is_overdue(today or datetime.now(LONDON).date()))


class EvidenceDocument(Output):
    """Minutes, a letter or other evidence uploaded for an engagement."""

    filename: str
    content_type: str
    size: int = Field(description="In bytes")
    url: str = Field(description="Where to download it (signed in)")


class Engagement(Output):
    """A contact with stakeholders, planned or held: a meeting, briefing, call, letter and so on."""

    id: int
    title: str
    kind: Literal[EngagementKind.values()]
    status: Literal[EngagementStatus.values()]
    starts_at: LondonDateTime
    ends_at: LondonDateTime | None
    lead_authority: str = Field(validation_alias=AliasPath("lead_authority", "code"), description=AUTHORITY_CODE)
    level: Literal[Level.values()]
    plan_stage: str | None = Field(None, validation_alias=AliasPath("plan_stage", "slug"), description=PLAN_STAGE)
    stakeholders: RowIds = Field(description="Stakeholder ids")
    matters: Slugs = Field(description="Strategic matter slugs")
    summary: str
    outcome: str
    agreement: Literal[Agreement.values()]
    influence_on_plan: str
    evidence_url: str = Field(description=EVIDENCE_URL)
    examination_library_reference: str = Field(description=LIBRARY_REFERENCE)
    incomplete_reason: str = Field(description="Why a held engagement has no attendees or no strategic matter")
    evidence_documents: list[EvidenceDocument]
    strategy_entry_id: int | None
    after_submission: bool = Field(description="Held after the plan's submission date")
    actions: list[Action]
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any) -> Self:
        today = datetime.now(LONDON).date()
        documents = [
            EvidenceDocument.of(
                document,
                url=url_for("engagements.document", engagement_id=record.id, document_id=document.id, _external=True),
            )
            for document in record.documents
        ]
        actions = [Action.of(action, today) for action in record.actions]
        return super().of(record, evidence_documents=documents, actions=actions)


class ActionInput(Input):
    """A follow-up action to add."""

    output = Action
    required = ("description", "owner")

    description: Text = None
    owner: Text = Field(None, description=AUTHORITY_CODE)
    due_on: NullableDateText = None
    status: one_of(ActionStatus.values(), default="open") = None


def _new_actions(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Actions sent back with their id (from a fetched engagement) are already there: only the others are added."""
    return [action for action in actions if "id" not in action]


class EngagementInput(Input):
    """A new engagement. A held engagement needs an outcome, and attendees and a strategic matter unless
    `incomplete_reason` says why not; the end must be after the start; the date must be
    within the plan's stages; stakeholders must exist. `plan_stage` is worked out from the date when not given."""

    output = Engagement
    required = ("starts_at", "lead_authority")

    title: Text | None = None
    kind: one_of(EngagementKind.values()) = None
    status: one_of(EngagementStatus.values()) = None
    starts_at: DateTimeText = None
    ends_at: NullableDateTimeText = None
    lead_authority: Text = Field(None, description=AUTHORITY_CODE)
    level: one_of(Level.values()) = None
    plan_stage: Text | None = Field(None, description=PLAN_STAGE)
    stakeholders: Ids = Field(None, description="Stakeholder ids")
    matters: Texts = Field(None, description="Strategic matter slugs")
    summary: Text | None = None
    outcome: Text | None = None
    agreement: one_of(Agreement.values()) = None
    influence_on_plan: Text | None = None
    evidence_url: EvidenceLink | None = Field(None, description=EVIDENCE_URL)
    examination_library_reference: LibraryReference | None = Field(None, description=LIBRARY_REFERENCE)
    incomplete_reason: Text | None = Field(
        None, description="Why a held engagement has no attendees or no strategic matter (a press release, say)"
    )
    actions: Annotated[
        list[ActionInput],
        BeforeValidator(_new_actions),
        objects('[{"description": "…", "owner": "WBC"}]'),
    ] = Field(None, description="Follow-up actions to add (those with an id are already there and are left alone)")


class EngagementUpdate(EngagementInput):
    """The fields of an engagement to change: only those sent change, and `actions` without an id are added."""

    required = ()


class ActionStatusInput(Input):
    """Mark a follow-up action open, done or cancelled."""

    required = ("status",)

    status: one_of(ActionStatus.values()) = None
