"""Planned engagements generated from the communications strategy.

Dates come from python-dateutil rules; weekends and English bank holidays (the `holidays` package, England
subdivision) move to the next working day. Each occurrence is keyed by the date the rule gave (`scheduled_on`),
so regenerating adds only what is missing and never duplicates, changes or deletes an engagement.
"""

from datetime import date, datetime, timedelta

import holidays
from dateutil.rrule import MONTHLY, WEEKLY, rrule
from sqlalchemy import select

from engage.common import audit
from engage.common.dates import LONDON
from engage.engagements.rules import current_plan, plan_window
from engage.extensions import db
from engage.models import Engagement, Plan, StrategyEntry

DEFAULT_HORIZON = timedelta(days=2 * 366)
RULES = {"weekly": (WEEKLY, 1), "monthly": (MONTHLY, 1), "quarterly": (MONTHLY, 3)}


def working_day(day: date, bank_holidays) -> date:
    while day.weekday() >= 5 or day in bank_holidays:
        day += timedelta(days=1)
    return day


def english_bank_holidays(first: date, last: date):
    return holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 2))


def rule_dates(entry: StrategyEntry, plan: Plan | None) -> list[date]:
    """The dates the cadence gives, before moving off weekends and bank holidays."""
    last = entry.ends_on or _plan_end(plan) or entry.starts_on + DEFAULT_HORIZON
    last = min(last, entry.starts_on + DEFAULT_HORIZON)
    if entry.cadence == "one-off":
        return [entry.starts_on]
    if entry.cadence == "per-stage":
        stages = entry.stages or (plan.stages if plan else [])
        return sorted(s.starts_on for s in stages if s.starts_on and entry.starts_on <= s.starts_on <= last)
    frequency, interval = RULES.get(entry.cadence, (MONTHLY, 1))
    start = datetime.combine(entry.starts_on, datetime.min.time())
    until = datetime.combine(last, datetime.min.time())
    return [moment.date() for moment in rrule(frequency, interval=interval, dtstart=start, until=until)]


def _plan_end(plan: Plan | None) -> date | None:
    if plan is None or not plan.stages:
        return None
    starts = [s.starts_on for s in plan.stages if s.starts_on]
    return plan_window(plan)[1] or (max(starts) if starts else None)


def occurrences(entry: StrategyEntry, plan: Plan | None) -> list[tuple[date, date]]:
    """(scheduled_on, the working day it is held on) for every occurrence in the plan's stages the entry covers."""
    dates = rule_dates(entry, plan)
    if not dates:
        return []
    bank_holidays = english_bank_holidays(dates[0], dates[-1])
    covered = {stage.id for stage in entry.stages}
    first, last = plan_window(plan) if plan else (None, None)
    found = []
    for scheduled in dates:
        day = working_day(scheduled, bank_holidays)
        if (first and day < first) or (last and day > last):
            continue
        stage = plan.stage_on(day) if plan else None
        if covered and entry.cadence != "per-stage" and (stage is None or stage.id not in covered):
            continue
        found.append((scheduled, day))
    return found


def _engagement_for(entry: StrategyEntry, plan: Plan | None, scheduled: date, day: date) -> Engagement:
    starts_at = datetime.combine(day, entry.time_of_day, LONDON)
    return Engagement(
        plan=plan,
        title=entry.title,
        kind=entry.kind,
        status="planned",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=entry.duration_minutes or 60),
        lead_authority_id=entry.lead_authority_id,
        level=entry.level,
        plan_stage=plan.stage_on(day) if plan else None,
        summary=entry.key_messages,
        stakeholders=list(entry.stakeholders),
        matters=list(entry.matters),
        strategy_entry=entry,
        scheduled_on=scheduled,
        agreement="n-a",
    )


def generate(entry: StrategyEntry, *, user=None, commit: bool = True) -> list[Engagement]:
    """Add the planned engagements the entry calls for that do not exist yet; returns those added."""
    plan = entry.plan or current_plan()
    existing = set(db.session.scalars(select(Engagement.scheduled_on).where(Engagement.strategy_entry_id == entry.id)))
    added = [
        _engagement_for(entry, plan, scheduled, day)
        for scheduled, day in occurrences(entry, plan)
        if scheduled not in existing
    ]
    db.session.add_all(added)
    db.session.flush()
    if added:
        audit.record("schedule", "strategy_entry", entry.id, f"{len(added)} engagements planned", user=user)
    if commit:
        db.session.commit()
    return added


def generate_all(*, user=None) -> int:
    entries = db.session.scalars(select(StrategyEntry).order_by(StrategyEntry.id))
    count = sum(len(generate(entry, user=user, commit=False)) for entry in entries)
    db.session.commit()
    return count
