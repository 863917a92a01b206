"""The body × strategic matter matrix: for each co-operation body and matter, the latest agreement status and the
date of the last held engagement, with gaps and late engagement shown.

- Bodies: those in the table's scope (engage.evidence.dtc.rows; people in an organisation count under it). With
  `scope=all`, only bodies with at least one held engagement, or the matrix would list every resident.
- A body *cares about* a matter when it was ever on an engagement about it (planned, held or cancelled: it was
  at least meant to be engaged), or when its body kind or category is mapped to the matter in
  engage/evidence/dtc/interests.json (data, edited without touching code).
- A *gap*: a body cares about a matter but no held engagement about it matches the filters.
- *Only after submission*: every held engagement in the cell came after the plan was submitted.
The table's filters apply (period, stage, body, category, register, lead authority, level, matter).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from engage.common import audit
from engage.common.dates import LONDON
from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.details import CATEGORY_PRIORITY, person_name
from engage.extensions import db
from engage.models import (
    BodyKind,
    Category,
    Engagement,
    Stakeholder,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    stakeholder_category,
)
from engage.models.stakeholder import stakeholder_body_kind
from engage.vocab import StageRole

INTERESTS_FILE = Path(__file__).with_name("interests.json")
MAX_BODIES = 500


@dataclass
class Cell:
    agreement: str = ""
    last_date: date | None = None
    engagements: int = 0
    before_submission: int = 0
    cares: bool = False

    @property
    def gap(self) -> bool:
        return self.cares and not self.engagements

    @property
    def only_after_submission(self) -> bool:
        return self.engagements > 0 and self.before_submission == 0


@dataclass
class BodyRow:
    id: int
    name: str
    category: str
    cells: dict[int, Cell] = field(default_factory=dict)

    @property
    def gaps(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.gap)


@dataclass
class Matrix:
    matters: list[StrategicMatter]
    bodies: list[BodyRow]
    truncated: bool = False

    @property
    def gaps(self) -> int:
        return sum(body.gaps for body in self.bodies)


def interests() -> dict[str, list[str]]:
    data = json.loads(INTERESTS_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def build(filters: dtc.DtcFilters) -> Matrix:
    matters = list(db.session.scalars(select(StrategicMatter).order_by(StrategicMatter.name)))
    if filters.matter:
        matters = [m for m in matters if m.slug == filters.matter]
    cells = _held_cells(filters) if filters.wants("engagements") else {}
    bodies = _bodies(filters, {body_id for body_id, _ in cells})
    truncated = len(bodies) > MAX_BODIES
    bodies = bodies[:MAX_BODIES]
    cares = _cares(body.id for body in bodies)
    for body in bodies:
        for matter in matters:
            cell = cells.get((body.id, matter.id)) or Cell()
            cell.cares = matter.id in cares.get(body.id, set())
            body.cells[matter.id] = cell
    return Matrix(matters=matters, bodies=bodies, truncated=truncated)


def _held_cells(filters: dtc.DtcFilters) -> dict[tuple[int, int], Cell]:
    """Latest agreement, last date and counts per (body, matter) from the held engagements the filters match."""
    rows = dtc.engagement_spine(filters).subquery()
    query = (
        select(rows.c.body_id, engagement_matter.c.matter_id, rows.c.at, Engagement.agreement, Engagement.plan_id)
        .join(engagement_matter, engagement_matter.c.engagement_id == rows.c.record_id)
        .join(Engagement, Engagement.id == rows.c.record_id)
        .order_by(rows.c.at, rows.c.record_id)
    )
    submitted = _submission_dates()
    cells: dict[tuple[int, int], Cell] = defaultdict(Cell)
    for body_id, matter_id, at, agreement, plan_id in db.session.execute(query.execution_options(yield_per=5000)):
        cell = cells[(body_id, matter_id)]
        day = at.astimezone(LONDON).date()
        cell.engagements += 1
        cell.last_date = day
        if agreement and agreement != "n-a":
            cell.agreement = agreement
        submission = submitted.get(plan_id) or submitted.get(None)
        if not submission or day <= submission:
            cell.before_submission += 1
    return cells


def _submission_dates() -> dict[int | None, date]:
    """Each plan's submission date: the start (actual, else predicted) of its stage whose role is `submission`."""
    from engage.models import PlanStage

    starts = func.coalesce(PlanStage.actual_starts_on, PlanStage.starts_on)
    dates = {
        plan_id: starts_on
        for plan_id, starts_on in db.session.execute(
            select(PlanStage.plan_id, starts).where(PlanStage.role == StageRole.SUBMISSION)
        )
        if starts_on
    }
    if len(dates) == 1:
        dates[None] = next(iter(dates.values()))
    return dates


def _bodies(filters: dtc.DtcFilters, engaged: set[int]) -> list[BodyRow]:
    conditions = dtc.body_conditions(Stakeholder.id, filters)
    query = select(Stakeholder).where(Stakeholder.erased_at.is_(None), *conditions)
    if filters.scope == "all":
        query = query.where(Stakeholder.id.in_(engaged or {0}))
    else:
        query = query.where(Stakeholder.organisation_id.is_(None))
    bodies = list(db.session.scalars(query.order_by(Stakeholder.sort_name, Stakeholder.id).limit(MAX_BODIES + 1)))
    categories: dict[int, list[str]] = defaultdict(list)
    names = {c.slug: c.name for c in db.session.scalars(select(Category))}
    category_query = (
        select(stakeholder_category.c.stakeholder_id, Category.slug)
        .join(Category, Category.id == stakeholder_category.c.category_id)
        .where(stakeholder_category.c.stakeholder_id.in_([b.id for b in bodies]))
    )
    for stakeholder_id, slug in db.session.execute(category_query):
        categories[stakeholder_id].append(slug)
    rows = []
    for body in bodies:
        slugs = categories[body.id]
        slug = next((s for s in CATEGORY_PRIORITY if s in slugs), slugs[0] if slugs else "")
        name = person_name(body.first_name, body.last_name, body.organisation_name, body.kind)
        rows.append(BodyRow(id=body.id, name=name, category=names.get(slug, "")))
    return rows


def _cares(body_ids) -> dict[int, set[int]]:
    """Matter ids each body cares about: ever on an engagement about it, or mapped from its kind or category."""
    ids = list(body_ids)
    cares: dict[int, set[int]] = defaultdict(set)
    if not ids:
        return cares
    attendee = aliased(Stakeholder)
    body_id = func.coalesce(attendee.organisation_id, attendee.id)
    query = (
        select(body_id, engagement_matter.c.matter_id)
        .select_from(engagement_stakeholder)
        .join(attendee, attendee.id == engagement_stakeholder.c.stakeholder_id)
        .join(engagement_matter, engagement_matter.c.engagement_id == engagement_stakeholder.c.engagement_id)
        .where(body_id.in_(ids))
        .distinct()
    )
    for body, matter_id in db.session.execute(query):
        cares[body].add(matter_id)
    mapping = interests()
    matter_ids = {m.slug: m.id for m in db.session.scalars(select(StrategicMatter))}
    kinds = select(stakeholder_body_kind.c.stakeholder_id, BodyKind.slug).join(
        BodyKind, BodyKind.id == stakeholder_body_kind.c.body_kind_id
    )
    categories = select(stakeholder_category.c.stakeholder_id, "category:" + Category.slug).join(
        Category, Category.id == stakeholder_category.c.category_id
    )
    for query, column in (
        (kinds, stakeholder_body_kind.c.stakeholder_id),
        (categories, stakeholder_category.c.stakeholder_id),
    ):
        for body, key in db.session.execute(query.where(column.in_(ids))):
            cares[body].update(matter_ids[slug] for slug in mapping.get(key, []) if slug in matter_ids)
    return cares


def record_export(filters: dtc.DtcFilters, grid: Matrix, file_format: str, user=None) -> None:
    """Audit a download of the matrix (with `scope=all` it names people): who, which filters, how many bodies."""
    audit.record(
        "export",
        "dtc_matrix",
        None,
        f"Downloaded the bodies and strategic matters matrix ({len(grid.bodies):,} bodies) as {file_format.upper()}",
        user=user,
        changes={"filters": filters.as_args(), "bodies": len(grid.bodies), "format": file_format},
    )
    db.session.commit()
