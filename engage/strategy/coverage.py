"""Coverage gaps: audiences in the strategy not engaged within their cadence.

An audience counts as engaged by a held engagement made from its strategy entry, or one attended by any of its
named stakeholders, or (for a register) by anyone on that register.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from engage.common.dates import LONDON
from engage.extensions import db
from engage.models import Engagement, StrategyEntry, engagement_stakeholder, register_membership
from engage.models.engagement import strategy_entry_stakeholder

PERIODS = {"weekly": 7, "monthly": 31, "quarterly": 92}
GRACE_DAYS = 3


@dataclass
class Gap:
    entry: StrategyEntry
    last_engaged: date | None
    due_since: date


def last_engaged(entry: StrategyEntry) -> date | None:
    attendee = select(engagement_stakeholder.c.engagement_id).where(
        engagement_stakeholder.c.stakeholder_id.in_(
            select(strategy_entry_stakeholder.c.stakeholder_id).where(
                strategy_entry_stakeholder.c.strategy_entry_id == entry.id
            )
        )
    )
    conditions = [Engagement.strategy_entry_id == entry.id, Engagement.id.in_(attendee)]
    if entry.register_id:
        members = select(register_membership.c.stakeholder_id).where(
            register_membership.c.register_id == entry.register_id
        )
        conditions.append(
            Engagement.id.in_(
                select(engagement_stakeholder.c.engagement_id).where(
                    engagement_stakeholder.c.stakeholder_id.in_(members)
                )
            )
        )
    latest = db.session.scalar(
        select(func.max(Engagement.starts_at)).where(Engagement.status == "held", or_(*conditions))
    )
    return latest.astimezone(LONDON).date() if latest else None


def _due_since(entry: StrategyEntry, today: date, plan) -> date | None:
    """The day by which the audience should have been engaged again, or None when nothing is due."""
    if entry.starts_on > today or (entry.ends_on and entry.ends_on < today) or entry.cadence == "one-off":
        return None
    stage = plan.stage_on(today) if plan else None
    if entry.stages and (stage is None or stage.id not in {s.id for s in entry.stages}):
        return None
    if entry.cadence == "per-stage":
        return stage.starts_on if stage else None
    return max(entry.starts_on, today - timedelta(days=PERIODS.get(entry.cadence, 31) + GRACE_DAYS))


def coverage_gaps(today: date | None = None, authority_id: int | None = None) -> list[Gap]:
    today = today or datetime.now(LONDON).date()
    query = select(StrategyEntry).order_by(StrategyEntry.title)
    if authority_id:
        query = query.where(StrategyEntry.lead_authority_id == authority_id)
    gaps = []
    for entry in db.session.scalars(query):
        due = _due_since(entry, today, entry.plan)
        if due is None or due > today:
            continue
        last = last_engaged(entry)
        if last is None or last < due:
            if entry.cadence != "per-stage" and last is None and (today - entry.starts_on).days <= GRACE_DAYS:
                continue
            gaps.append(Gap(entry=entry, last_engaged=last, due_since=due))
    return gaps
