"""Rows of the co-operation table from a chunk of the spine (engage.evidence.dtc.rows): one query per table for the
whole chunk (engage.evidence.dtc.queries), bodies and plan stages cached across chunks, and what an engagement's rows
share (its date, stage, matters, attendees, actions, words) worked out once for all its bodies, so the cost grows
with the rows and never per row."""

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from engage.common.dates import LONDON
from engage.evidence.dtc.queries import DetailQueries, responses_query
from engage.evidence.dtc.text import (
    DtcRow,
    action_text,
    label,
    person_name,
    representation_outcome,
    representation_summary,
)
from engage.extensions import db
from engage.models import Category, Plan, PlanStage
from engage.models.representation import respondent_reference
from engage.redaction.queries import PublicTexts
from engage.vocab import Agreement, Channel, ConsultationStage, EngagementKind, InvitationMethod, StageRole

__all__ = ["CATEGORY_PRIORITY", "RowBuilder", "person_name"]

CATEGORY_PRIORITY = ("dtc-prescribed-body", "neighbouring-authority", "specific-consultation-body")
SUMMARY_CHARS = 600


@dataclass(slots=True)
class Body:
    name: str
    category: str
    category_name: str


NO_BODY = Body("", "", "")


@dataclass(slots=True)
class Meeting:
    """What every row of one engagement shares, whichever body the row is for."""

    id: int
    day: date
    after_submission: bool
    values: dict[str, Any]


@contextmanager
def gc_paused():
    """The cyclic garbage collector paused: building rows makes many small objects and no cycles, and its passes
    over them cost a fifth of the export. Reference counting still frees everything."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class RowBuilder:
    def __init__(self, base_url: str = ""):
        self.base_url = base_url.rstrip("/")
        self.bodies: dict[int, Body] = {}
        self.responded: dict[tuple[int, int], int] = {}
        self.consultations_loaded: set[int] = set()
        self.stage_names: dict[tuple[int | None, str], tuple[str, str]] = {}
        self.labels: dict[str, str] = {}
        self.public_texts = PublicTexts()  # the loaded representations' texts as published (redacted)
        self.queries = DetailQueries(db.session.connection())  # Core queries: no ORM processing per row
        self.categories = {c.slug: c.name for c in db.session.scalars(select(Category))}
        self._load_plans()

    def _load_plans(self) -> None:
        self.stages: dict[int, PlanStage] = {}
        self.plan_stages: dict[int, list[PlanStage]] = defaultdict(list)
        self.submission: dict[int | None, date | None] = {}
        for stage in db.session.scalars(select(PlanStage).order_by(PlanStage.plan_id, PlanStage.position)):
            self.stages[stage.id] = stage
            self.plan_stages[stage.plan_id].append(stage)
        for plan_id, stages in self.plan_stages.items():
            self.submission[plan_id] = next((s.begins_on for s in stages if s.role == StageRole.SUBMISSION), None)
        plans = list(db.session.scalars(select(Plan.id)))
        self.default_plan = plans[0] if len(plans) == 1 else None
        self.submission[None] = self.submission.get(self.default_plan)

    def build(self, chunk) -> list[DtcRow]:
        return self.make(chunk, self.load(chunk))

    def load(self, chunk) -> dict[int, dict]:
        """The details of the chunk's records, by source (0 engagements, 1 invitations, 2 representations) and id."""
        by_source: dict[int, list] = defaultdict(list)
        for source, record_id, _ in chunk:
            by_source[source].append(record_id)
        with gc_paused():
            self._load_bodies({body_id for _, _, body_id in chunk if body_id is not None})
            return {
                0: self._engagements(by_source[0]),
                1: self._invitations(by_source[1]),
                2: self._representations(by_source[2]),
            }

    def make(self, chunk, details: dict[int, dict]) -> list[DtcRow]:
        """The chunk's rows, from its details (`load`)."""
        makers = {0: self._engagement_row, 1: self._invitation_row, 2: self._representation_row}
        with gc_paused():
            return [
                makers[source](found, body_id)
                for source, record_id, body_id in chunk
                if (found := details[source].get(record_id)) is not None  # deleted since the spine was read
            ]

    # Bodies and stages -------------------------------------------------------------------------------------------

    def _load_bodies(self, ids: set[int]) -> None:
        missing = list(ids - self.bodies.keys())
        if not missing:
            return
        categories: dict[int, list[str]] = defaultdict(list)
        for stakeholder_id, slug in self.queries.run("body_categories", missing):
            categories[stakeholder_id].append(slug)
        registers = {s: f"{name} (register)" for s, name in self.queries.run("body_registers", missing)}
        for stakeholder_id, kind, first, last, organisation in self.queries.run("bodies", missing):
            slugs = categories[stakeholder_id]
            slug = next((s for s in CATEGORY_PRIORITY if s in slugs), slugs[0] if slugs else "")
            name = person_name(first, last, organisation, kind)
            self.bodies[stakeholder_id] = Body(
                name, slug, self.categories.get(slug) or registers.get(stakeholder_id, "")
            )

    def _stage(self, plan_id: int | None, slug: str) -> tuple[str, str]:
        key = (plan_id, slug)
        found = self.stage_names.get(key)
        if found is None:
            found = self.stage_names[key] = self._find_stage(plan_id, slug)
        return found

    def _find_stage(self, plan_id: int | None, slug: str) -> tuple[str, str]:
        for stage in self.plan_stages.get(plan_id or self.default_plan or 0, []):
            if stage.slug == slug:
                return slug, stage.name
        return slug, ConsultationStage.label_of(slug, label(slug))

    def _after_submission(self, plan_id: int | None, day: date) -> bool:
        submitted = self.submission.get(plan_id or self.default_plan)
        return bool(submitted and day > submitted)

    def _stage_on(self, plan_id: int | None, day: date) -> PlanStage | None:
        current = None
        for stage in self.plan_stages.get(plan_id or self.default_plan or 0, []):
            if stage.starts_on and stage.starts_on <= day:
                current = stage
        return current

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    # Engagements -------------------------------------------------------------------------------------------------

    def _engagements(self, ids: list[int]) -> dict[int, Meeting]:
        if not ids:
            return {}
        matters: dict[int, list] = defaultdict(list)
        for engagement_id, slug, name in self.queries.run("engagement_matters", ids):
            matters[engagement_id].append((slug, name))
        people: dict[int, list[tuple]] = defaultdict(list)
        for engagement_id, *person in self.queries.run("engagement_attendees", ids):
            people[engagement_id].append(person)
        attendees = {engagement_id: self._attendees(found) for engagement_id, found in people.items()}
        actions: dict[int, list[dict]] = defaultdict(list)
        for engagement_id, description, owner, due_on, status in self.queries.run("engagement_actions", ids):
            due = due_on.isoformat() if due_on else None
            actions[engagement_id].append({"description": description, "owner": owner, "due_on": due, "status": status})
        found = {}
        for row in self.queries.run("engagements", ids):
            found[row[0]] = self._meeting(row, matters[row[0]], attendees.get(row[0], []), actions[row[0]])
        return found

    @staticmethod
    def _attendees(people: list[tuple]) -> list[str]:
        """Names in (sort name, id) order; an officer's name with their organisation's."""
        people.sort(key=lambda person: (person[0] or "", person[1]))
        return [person_name(first, last, org or own_org, kind) for _, _, kind, first, last, own_org, org in people]

    def _meeting(self, row, matters: list, attendees: list[str], actions: list[dict]) -> Meeting:
        engagement_id, starts_at, plan_id, stage_id, title, kind, level, summary, outcome, agreement, *more = row
        influence, evidence_url, library_reference = more
        day = starts_at.astimezone(LONDON).date()
        stage = self.stages.get(stage_id) or self._stage_on(plan_id, day)
        record_url = self.url(f"/engagements/{engagement_id}")
        agreement = agreement or "n-a"
        outcome = outcome or ""
        if agreement != "n-a":
            words = Agreement.label_of(agreement)
            outcome = f"{words}. {outcome}".strip() if outcome else words
        values = {
            "plan_stage": stage.slug if stage else "",
            "plan_stage_name": stage.name if stage else "",
            "form": kind,
            "form_label": EngagementKind.label_of(kind),
            "level": level,
            "summary": summary or title,
            "outcome": outcome,
            "agreement": agreement,
            "evidence_url": evidence_url or "",  # a published document, never a signed-in page
            "record_url": record_url,
            "title": title,
            "matters": [slug for slug, _ in matters],
            "matter_names": [name for _, name in matters],
            "attendees": attendees,
            "actions": actions,
            "action_lines": [action_text(action) for action in actions],
            "influence_on_plan": influence or "",
            "examination_library_reference": library_reference or "",
        }
        return Meeting(engagement_id, day, self._after_submission(plan_id, day), values)

    def _engagement_row(self, meeting: Meeting, body_id: int) -> DtcRow:
        body = self.bodies[body_id]
        return DtcRow(
            ref=f"E{meeting.id}-S{body_id}",
            source="engagements",
            date=meeting.day,
            body=body.name,
            body_id=body_id,
            body_category=body.category,
            body_category_name=body.category_name,
            after_submission=meeting.after_submission,
            **meeting.values,
        )

    # Invitations -------------------------------------------------------------------------------------------------

    def _invitations(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        found = {row.id: row for row in self.queries.run("invitations", ids)}
        self._load_responses({row.consultation_id for row in found.values()} - self.consultations_loaded)
        return found

    def _load_responses(self, consultations: set[int]) -> None:
        """Which bodies responded to each consultation (its first respondent), once per consultation."""
        if not consultations:
            return
        for consultation_id, body, respondent_id in self.queries.execute(responses_query(consultations)):
            self.responded[(consultation_id, body)] = respondent_id
        self.consultations_loaded |= consultations

    def _invitation_row(self, i, body_id: int) -> DtcRow:
        day = i.at.astimezone(LONDON).date()
        slug, stage_name = self._stage(i.plan_id, i.stage)
        body = self.bodies[body_id]
        respondent_id = self.responded.get((i.consultation_id, body_id))
        outcome = f"Responded ({respondent_reference(respondent_id)})" if respondent_id else "No response received"
        record_url = self.url(f"/consultations/{i.consultation_id}/invitations")
        return DtcRow(
            ref=f"I{i.id}",
            source="invitations",
            date=day,
            body=body.name,
            body_id=body_id,
            body_category=body.category,
            body_category_name=body.category_name,
            plan_stage=slug,
            plan_stage_name=stage_name,
            form="invitation",
            form_label=f"Invitation to comment ({InvitationMethod.label_of(i.method).lower()})",
            summary=f"Invited to comment on ‘{i.title}’",
            outcome=outcome,
            agreement="n-a" if respondent_id else "no-response",
            evidence_url="",  # only an engagement can link a published document
            record_url=record_url,
            after_submission=self._after_submission(i.plan_id, day),
            title=i.title,
        )

    # Representations ---------------------------------------------------------------------------------------------

    def _representations(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        self.public_texts = PublicTexts(representation_ids=ids)
        return {row.id: row for row in self.queries.run("representations", ids)}

    def _representation_row(self, r, body_id: int | None) -> DtcRow:
        representation_id, respondent_id, number, received_at, channel, *said = r[:10]
        first, last, organisation, stage, plan_id = r[10:15]
        said[3] = self.public_texts.text(representation_id, "comment", said[3])
        said[4] = self.public_texts.text(representation_id, "modification", said[4])
        day = received_at.astimezone(LONDON).date()
        slug, stage_name = self._stage(plan_id, stage)
        body = self.bodies.get(body_id, NO_BODY) if body_id is not None else NO_BODY
        reference = f"{respondent_reference(respondent_id)}-{number}"
        record_url = self.url(f"/consultations/representations/{reference}")
        return DtcRow(
            ref=reference,
            source="representations",
            date=day,
            body=body.name or person_name(first, last, organisation),
            body_id=body_id,
            body_category=body.category,
            body_category_name=body.category_name,
            plan_stage=slug,
            plan_stage_name=stage_name,
            form="representation",
            form_label=self._form_label(channel),
            summary=representation_summary(*said, SUMMARY_CHARS),
            outcome=representation_outcome(*r[15:]),
            evidence_url="",  # only an engagement can link a published document
            record_url=record_url,
            after_submission=self._after_submission(plan_id, day),
            title=said[2],
        )

    def _form_label(self, channel: str) -> str:
        key = f"representation:{channel}"
        text = self.labels.get(key)
        if text is None:
            text = self.labels[key] = f"Representation ({Channel.label_of(channel).lower()})"
        return text
