"""The plan's timeline: stage dates in order, and consultation stages dated by their consultations.

A consultation belongs to one of its plan's consultation stages (role `consultation` or `publication`); that stage's
actual start and end are the first opening and the last closing of its published consultations, written whenever a
consultation is, so the timeline and the consultations never disagree.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from engage.common.dates import LONDON, format_date
from engage.extensions import db
from engage.models import Consultation, Plan, PlanStage

PAIRS = (("starts_on", "ends_on", "predicted"), ("actual_starts_on", "actual_ends_on", "actual"))


def check_timeline(stages: list[tuple[PlanStage, dict[str, Any]]], changed=frozenset()) -> dict[str, list[str]]:
    """Errors keyed `<slug>.<field>`: a stage ending before it starts, or two stages starting out of order (said on
    the stage that was changed, of the two)."""
    errors: dict[str, list[str]] = {}
    for start_field, end_field, kind in PAIRS:
        previous: tuple[PlanStage, str, date] | None = None
        for stage, values in stages:
            start, end = values.get(start_field), values.get(end_field)
            name = values.get("name") or stage.name
            if start and end and end < start:
                errors[f"{stage.slug}.{end_field}"] = [f"The {kind} end of the {name} must be on or after its start"]
            if start and previous and start < previous[2]:
                before, before_name, before_start = previous
                if before.slug in changed and stage.slug not in changed:
                    errors[f"{before.slug}.{start_field}"] = [
                        f"The {kind} start of the {before_name} must be on or before the start of the {name}, "
                        f"{format_date(start)}"
                    ]
                else:
                    errors[f"{stage.slug}.{start_field}"] = [
                        f"The {kind} start of the {name} must be on or after the start of the {before_name}, "
                        f"{format_date(before_start)}"
                    ]
            if start:
                previous = (stage, name, start)
    return errors


def consulting_stage(plan: Plan | None, slug: str) -> PlanStage | None:
    """The plan's consultation stage with this slug, or None."""
    return next((s for s in plan.stages if s.slug == slug and s.is_consultation), None) if plan else None


def overlapping(plan_id: int, stage: str, opens_at: datetime, closes_at: datetime, *, other_than: int | None):
    """The first other consultation on the same stage of the plan whose dates overlap these, or None."""
    query = select(Consultation).where(
        Consultation.plan_id == plan_id,
        Consultation.stage == stage,
        Consultation.opens_at < closes_at,
        Consultation.closes_at > opens_at,
    )
    if other_than is not None:
        query = query.where(Consultation.id != other_than)
    return db.session.scalars(query.order_by(Consultation.opens_at).limit(1)).first()


def sync_consultation_dates(plan: Plan | None, *slugs: str) -> None:
    """Set the actual dates of these consultation stages from their published consultations (the caller commits)."""
    for slug in dict.fromkeys(slugs):
        stage = consulting_stage(plan, slug)
        if stage is None:
            continue
        db.session.flush()
        opens, closes = db.session.execute(
            select(func.min(Consultation.opens_at), func.max(Consultation.closes_at)).where(
                Consultation.plan_id == plan.id, Consultation.stage == slug, Consultation.published.is_(True)
            )
        ).one()
        stage.actual_starts_on = _day(opens)
        stage.actual_ends_on = _day(closes)


def _day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # an aggregate read back without the column's type
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()
