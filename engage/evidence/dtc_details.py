"""Rows of the co-operation table from a chunk of the spine (engage.evidence.dtc): one query per table for the whole
chunk, bodies and plan stages cached across chunks, so the cost grows with the rows and never per row."""

import gc
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, Text, any_, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased

from engage.evidence.dtc_text import DtcRow, label, person_name, representation_outcome, representation_summary
from engage.extensions import db
from engage.models import (
    Action,
    Authority,
    Category,
    Consultation,
    Engagement,
    Invitation,
    Part,
    Plan,
    PlanStage,
    Register,
    Representation,
    Respondent,
    Stakeholder,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    register_membership,
    stakeholder_category,
)
from engage.models.consultation import STAGE_NAMES
from engage.models.engagement import LONDON
from engage.models.representation import respondent_reference

CATEGORY_PRIORITY = ("dtc-prescribed-body", "neighbouring-authority", "specific-consultation-body")
SUMMARY_CHARS = 600


@dataclass
class Body:
    name: str
    category: str
    category_name: str


class RowBuilder:
    def __init__(self, base_url: str = ""):
        self.base_url = base_url.rstrip("/")
        self.bodies: dict[int, Body] = {}
        self.responded: dict[tuple[int, int], int] = {}
        self.consultations_loaded: set[int] = set()
        self.stage_names: dict[tuple[int | None, str], tuple[str, str]] = {}
        self.outcomes: dict[tuple, str] = {}  # representation outcome by its answers: a handful of distinct texts
        self.channels: dict[str, str] = {}
        connection = db.session.connection()
        self.execute = connection.execute  # Core queries: no ORM processing per row
        self.postgres = connection.dialect.name == "postgresql"
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
            self.submission[plan_id] = next((s.starts_on for s in stages if s.slug == "submission"), None)
        plans = list(db.session.scalars(select(Plan.id)))
        self.default_plan = plans[0] if len(plans) == 1 else None

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def build(self, chunk) -> list[DtcRow]:
        """The chunk's rows. The cyclic garbage collector is paused meanwhile: building makes many small objects
        and no cycles, and its passes over them cost a fifth of the export."""
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._build(chunk)
        finally:
            if paused:
                gc.enable()

    def _build(self, chunk) -> list[DtcRow]:
        by_source: dict[int, list] = defaultdict(list)
        for row in chunk:
            by_source[row.source].append(row)
        self._load_bodies({row.body_id for row in chunk if row.body_id is not None})
        engagements = self._engagements([row.record_id for row in by_source[0]])
        invitations = self._invitations([row.record_id for row in by_source[1]])
        representations = self._representations([row.record_id for row in by_source[2]])
        built = []
        for row in chunk:
            if row.source == 0:
                built.append(self._engagement_row(engagements[row.record_id], row.body_id))
            elif row.source == 1:
                built.append(self._invitation_row(invitations[row.record_id], row.body_id))
            else:
                built.append(self._representation_row(representations[row.record_id], row.body_id))
        return built

    # Bodies and stages -------------------------------------------------------------------------------------------

    def _load_bodies(self, ids: set[int]) -> None:
        missing = list(ids - self.bodies.keys())
        if not missing:
            return
        categories: dict[int, list[str]] = defaultdict(list)
        query = (
            select(stakeholder_category.c.stakeholder_id, Category.slug)
            .join(Category, Category.id == stakeholder_category.c.category_id)
            .where(self.id_in(stakeholder_category.c.stakeholder_id, missing))
        )
        for stakeholder_id, slug in self.execute(query):
            categories[stakeholder_id].append(slug)
        registers: dict[int, str] = {}
        query = (
            select(register_membership.c.stakeholder_id, Register.name)
            .join(Register, Register.id == register_membership.c.register_id)
            .where(self.id_in(register_membership.c.stakeholder_id, missing))
            .order_by(Register.position.desc())
        )
        for stakeholder_id, name in self.execute(query):
            registers[stakeholder_id] = f"{name} (register)"
        columns = (Stakeholder.id, Stakeholder.kind, Stakeholder.first_name, Stakeholder.last_name)
        query = select(*columns, Stakeholder.organisation_name).where(self.id_in(Stakeholder.id, missing))
        for stakeholder_id, kind, first, last, organisation in self.execute(query):
            slugs = categories[stakeholder_id]
            slug = next((s for s in CATEGORY_PRIORITY if s in slugs), slugs[0] if slugs else "")
            name = person_name(first, last, organisation, kind)
            self.bodies[stakeholder_id] = Body(
                name, slug, self.categories.get(slug) or registers.get(stakeholder_id, "")
            )

    def _stage(self, plan_id: int | None, slug: str) -> tuple[str, str]:
        key = (plan_id, slug)
        if key not in self.stage_names:
            self.stage_names[key] = self._find_stage(plan_id, slug)
        return self.stage_names[key]

    def _find_stage(self, plan_id: int | None, slug: str) -> tuple[str, str]:
        for stage in self.plan_stages.get(plan_id or self.default_plan or 0, []):
            if stage.slug == slug:
                return slug, stage.name
        return slug, STAGE_NAMES.get(slug, label(slug))

    def _after_submission(self, plan_id: int | None, day: date) -> bool:
        submitted = self.submission.get(plan_id or self.default_plan)
        return bool(submitted and day > submitted)

    def _stage_on(self, plan_id: int | None, day: date) -> PlanStage | None:
        current = None
        for stage in self.plan_stages.get(plan_id or self.default_plan or 0, []):
            if stage.starts_on and stage.starts_on <= day:
                current = stage
        return current

    # Engagements -------------------------------------------------------------------------------------------------

    def _engagements(self, ids: list[int]) -> dict[int, dict]:
        if not ids:
            return {}
        columns = [c for c in Engagement.__table__.c if c.key not in ("created_at", "updated_at", "reminded_at")]
        query = select(*columns, Authority.code.label("authority")).join(
            Authority, Authority.id == Engagement.lead_authority_id
        )
        found = {
            row.id: {**row._mapping, "matters": [], "attendees": [], "actions": []} for row in self._in(query, ids)
        }
        query = (
            select(engagement_matter.c.engagement_id, StrategicMatter.slug, StrategicMatter.name)
            .join(StrategicMatter, StrategicMatter.id == engagement_matter.c.matter_id)
            .order_by(StrategicMatter.name)
        )
        for engagement_id, slug, name in self._in(query, ids, engagement_matter.c.engagement_id):
            found[engagement_id]["matters"].append((slug, name))
        org = aliased(Stakeholder)
        query = (
            select(engagement_stakeholder.c.engagement_id, Stakeholder.kind, Stakeholder.first_name)
            .add_columns(Stakeholder.last_name, Stakeholder.organisation_name, org.organisation_name.label("org"))
            .join(Stakeholder, Stakeholder.id == engagement_stakeholder.c.stakeholder_id)
            .outerjoin(org, org.id == Stakeholder.organisation_id)
            .order_by(Stakeholder.sort_name, Stakeholder.id)
        )
        for engagement_id, kind, first, last, own_org, linked_org in self._in(
            query, ids, engagement_stakeholder.c.engagement_id
        ):
            found[engagement_id]["attendees"].append(person_name(first, last, linked_org or own_org, kind))
        query = (
            select(Action.engagement_id, Action.description, Authority.code, Action.due_on, Action.status)
            .join(Authority, Authority.id == Action.owner_authority_id)
            .order_by(Action.due_on, Action.id)
        )
        for engagement_id, description, owner, due_on, status in self._in(query, ids, Action.engagement_id):
            due = due_on.isoformat() if due_on else None
            found[engagement_id]["actions"].append(
                {"description": description, "owner": owner, "due_on": due, "status": status}
            )
        return found

    def _in(self, query, ids: list[int], column=None):
        column = column if column is not None else query.selected_columns[0]
        return self.execute(query.where(self.id_in(column, ids))).all()  # fetchall: far cheaper than row by row

    def id_in(self, column, ids: list[int]):
        """`column IN (ids)`; on PostgreSQL `= ANY(array)`, one parameter however many ids (thousands of bound
        parameters cost more to render and parse than the query takes to run)."""
        if self.postgres:
            return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
        return column.in_(ids)

    def _engagement_row(self, e: dict, body_id: int) -> DtcRow:
        day = e["starts_at"].astimezone(LONDON).date()
        stage = self.stages.get(e["plan_stage_id"]) or self._stage_on(e["plan_id"], day)
        body = self.bodies[body_id]
        record_url = self.url(f"/engagements/{e['id']}")
        agreement = e["agreement"] or "n-a"
        outcome = e["outcome"] or ""
        if agreement != "n-a":
            outcome = f"{label(agreement)}. {outcome}".strip() if outcome else label(agreement)
        return DtcRow(
            ref=f"E{e['id']}-S{body_id}",
            source="engagements",
            date=day,
            body=body.name,
            body_id=body_id,
            body_category=body.category,
            body_category_name=body.category_name,
            matters=[slug for slug, _ in e["matters"]],
            matter_names=[name for _, name in e["matters"]],
            plan_stage=stage.slug if stage else "",
            plan_stage_name=stage.name if stage else "",
            form=e["kind"],
            form_label=label(e["kind"]),
            level=e["level"],
            attendees=e["attendees"],
            summary=e["summary"] or e["title"],
            outcome=outcome,
            agreement=agreement,
            actions=e["actions"],
            influence_on_plan=e["influence_on_plan"] or "",
            evidence_url=e["evidence_url"] or record_url,
            record_url=record_url,
            after_submission=self._after_submission(e["plan_id"], day),
            title=e["title"],
        )

    # Invitations -------------------------------------------------------------------------------------------------

    def _invitations(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        query = select(
            Invitation.id,
            Invitation.stakeholder_id,
            Invitation.consultation_id,
            Invitation.method,
            Invitation.sent_at,
            Invitation.created_at,
            Consultation.title,
            Consultation.stage,
            Consultation.plan_id,
        ).join(Consultation, Consultation.id == Invitation.consultation_id)
        found = {row.id: row for row in self._in(query, ids)}
        self._load_responses({row.consultation_id for row in found.values()} - self.consultations_loaded)
        return found

    def _load_responses(self, consultations: set[int]) -> None:
        """Which bodies responded to each consultation (its first respondent), once per consultation."""
        if not consultations:
            return
        linked = aliased(Stakeholder)
        body_id = func.coalesce(linked.organisation_id, linked.id)
        query = (
            select(Respondent.consultation_id, body_id, func.min(Respondent.id))
            .join(linked, linked.id == Respondent.stakeholder_id)
            .where(Respondent.consultation_id.in_(consultations))
            .group_by(Respondent.consultation_id, body_id)
        )
        for consultation_id, body, respondent_id in self.execute(query):
            self.responded[(consultation_id, body)] = respondent_id
        self.consultations_loaded |= consultations

    def _invitation_row(self, i, body_id: int) -> DtcRow:
        at: datetime = i.sent_at or i.created_at
        day = at.astimezone(LONDON).date()
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
            matters=[],
            matter_names=[],
            plan_stage=slug,
            plan_stage_name=stage_name,
            form="invitation",
            form_label=f"Invitation to comment ({label(i.method).lower()})",
            level=None,
            attendees=[],
            summary=f"Invited to comment on ‘{i.title}’",
            outcome=outcome,
            agreement="n-a" if respondent_id else "no-response",
            actions=[],
            influence_on_plan="",
            evidence_url=record_url,
            record_url=record_url,
            after_submission=self._after_submission(i.plan_id, day),
            title=i.title,
        )

    # Representations ---------------------------------------------------------------------------------------------

    def _representations(self, ids: list[int]) -> dict[int, Any]:
        if not ids:
            return {}
        query = (
            select(
                Representation.id,
                Representation.respondent_id,
                Representation.number,
                Representation.received_at,
                Representation.channel,
                Representation.late,
                Representation.nature,
                Representation.legally_compliant,
                Representation.sound,
                Representation.dtc_compliant,
                cast(Representation.unsound_tests, Text).label("unsound_tests"),
                Representation.comment,
                Representation.modification,
                Representation.status,
                Part.ref.label("part"),
                Respondent.first_name,
                Respondent.last_name,
                Respondent.organisation,
                Consultation.title,
                Consultation.stage,
                Consultation.plan_id,
            )
            .join(Respondent, Respondent.id == Representation.respondent_id)
            .join(Consultation, Consultation.id == Representation.consultation_id)
            .outerjoin(Part, Part.id == Representation.part_id)
        )
        return {row.id: row for row in self._in(query, ids)}

    def _representation_row(self, r, body_id: int | None) -> DtcRow:
        day = r.received_at.astimezone(LONDON).date()
        slug, stage_name = self._stage(r.plan_id, r.stage)
        body = self.bodies.get(body_id) if body_id is not None else None
        body = body or Body(person_name(r.first_name, r.last_name, r.organisation), "", "")
        reference = f"{respondent_reference(r.respondent_id)}-{r.number}"
        record_url = self.url(f"/consultations/representations/{reference}")
        return DtcRow(
            ref=reference,
            source="representations",
            date=day,
            body=body.name,
            body_id=body_id,
            body_category=body.category,
            body_category_name=body.category_name,
            matters=[],
            matter_names=[],
            plan_stage=slug,
            plan_stage_name=stage_name,
            form="representation",
            form_label=self.channels.get(r.channel) or self._channel(r.channel),
            level=None,
            attendees=[],
            summary=representation_summary(r, SUMMARY_CHARS),
            outcome=self._outcome(r),
            agreement="n-a",
            actions=[],
            influence_on_plan="",
            evidence_url=record_url,
            record_url=record_url,
            after_submission=self._after_submission(r.plan_id, day),
            title=r.title,
        )

    def _channel(self, channel: str) -> str:
        self.channels[channel] = f"Representation ({label(channel).lower()})"
        return self.channels[channel]

    def _outcome(self, r) -> str:
        key = (r.legally_compliant, r.sound, r.dtc_compliant, r.unsound_tests, r.late, r.status)
        outcome = self.outcomes.get(key)
        if outcome is None:
            outcome = self.outcomes[key] = representation_outcome(r)
        return outcome
