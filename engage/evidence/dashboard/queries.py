"""The numbers behind the dashboard charts, for a period (Europe/London dates, both ends included) and the other
filters the dashboard offers (engage.evidence.dashboard.filters).

Each dataset is plain lists, so the chart and the table that follows it show the same figures."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from engage.common.dates import LONDON
from engage.common.validation import parse_day
from engage.extensions import db
from engage.models import (
    Action,
    Authority,
    Consultation,
    Engagement,
    Register,
    Representation,
    Respondent,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    register_membership,
)
from engage.representations.counts import Counts, counts
from engage.vocab import ActionStatus

if TYPE_CHECKING:
    from engage.evidence.dashboard.filters import DashboardFilters

MAX_MONTHS = 60
MAX_CONSULTATIONS = 6
NO_REGISTER = "Not on a register"


@dataclass
class Period:
    start: date
    end: date
    errors: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args, today: date) -> "Period":
        first = (today.replace(day=1) - timedelta(days=330)).replace(day=1)
        period = cls(first, today)
        for name, label in (("from", "Start date"), ("to", "End date")):
            raw = (args.get(name) or "").strip()
            if not raw:
                continue
            day = parse_day(raw)
            if day is None:
                period.errors[name] = [f"{label} must be a real date, like 2026-03-01"]
            elif name == "from":
                period.start = day
            else:
                period.end = day
        if not period.errors and period.end < period.start:
            period.errors["to"] = ["End date must be the same as or after the start date"]
        return period

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time(0), LONDON),
            datetime.combine(self.end + timedelta(days=1), time(0), LONDON),
        )

    def engagements(self) -> list:
        """Conditions on Engagement: held or planned (not cancelled) within the period."""
        start, end = self.bounds
        return [Engagement.starts_at >= start, Engagement.starts_at < end, Engagement.status != "cancelled"]

    def months(self) -> list[date]:
        months, month = [], self.start.replace(day=1)
        while month <= self.end and len(months) < MAX_MONTHS:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months


def _month(moment: datetime) -> date:
    return moment.astimezone(LONDON).date().replace(day=1)


def engagements_by_register(filters: "DashboardFilters") -> tuple[list[date], dict[str, list[int]]]:
    """Months, and per register the engagements that month with someone on it. An engagement with people from
    two registers counts once in each; with a register chosen, only that register's engagements are counted."""
    query = (
        select(Engagement.id, Engagement.starts_at, Register.name, Register.position)
        .outerjoin(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
        .outerjoin(register_membership, register_membership.c.stakeholder_id == engagement_stakeholder.c.stakeholder_id)
        .outerjoin(Register, Register.id == register_membership.c.register_id)
        .where(*filters.engagements())
        .distinct()
    )
    if filters.register:
        query = query.where(Register.id == filters.register.id)
    rows = db.session.execute(query).all()
    months = filters.period.months()
    index = {month: i for i, month in enumerate(months)}
    order: dict[str, int] = {}
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for _id, starts_at, name, position in rows:
        month = _month(starts_at)
        if month in index:
            label = name or NO_REGISTER
            order.setdefault(label, position if position is not None else 999)
            counts[label][index[month]] += 1
    return months, {name: counts[name] for name in sorted(order, key=lambda n: (order[n], n))}


def matters_by_month(filters: "DashboardFilters") -> tuple[list[date], list[str], list[list[int]]]:
    rows = db.session.execute(
        select(Engagement.starts_at, StrategicMatter.name)
        .join(engagement_matter, engagement_matter.c.engagement_id == Engagement.id)
        .join(StrategicMatter, StrategicMatter.id == engagement_matter.c.matter_id)
        .where(*filters.engagements())
    ).all()
    months = filters.period.months()
    index = {month: i for i, month in enumerate(months)}
    grid: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    for starts_at, name in rows:
        month = _month(starts_at)
        if month in index:
            grid[name][index[month]] += 1
    names = sorted(grid)
    return months, names, [grid[name] for name in names]


@dataclass
class ConsultationDays:
    consultation: Consultation
    days: list[date]
    counts: list[int]
    late_days: set[int]
    counted: Counts = field(default_factory=Counts)  # submissions, distinct arguments, distinct people

    @property
    def total(self) -> int:
        return sum(self.counts)


def _on_register(filters: "DashboardFilters") -> list:
    """With a register chosen, the condition (on Respondent) that the respondent is on it."""
    if not filters.register:
        return []
    on_register = select(register_membership.c.stakeholder_id).where(
        register_membership.c.register_id == filters.register.id
    )
    return [Respondent.stakeholder_id.in_(on_register)]


def _received(consultation: Consultation, filters: "DashboardFilters") -> Counter:
    """Representations per London day; with a register chosen, only those from respondents on it."""
    query = (
        select(Representation.received_at)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .where(Representation.consultation_id == consultation.id, *_on_register(filters))
    )
    return Counter(moment.astimezone(LONDON).date() for moment in db.session.scalars(query))


def responses_per_day(filters: "DashboardFilters") -> list[ConsultationDays]:
    """For each consultation open during the period (the latest few, at the plan stage chosen), representations
    per day from its opening to its last response."""
    start, end = filters.period.bounds
    query = select(Consultation).where(Consultation.opens_at < end, Consultation.closes_at > start)
    if filters.stage:
        query = query.where(Consultation.stage == filters.stage)
    consultations = db.session.scalars(query.order_by(Consultation.opens_at.desc()).limit(MAX_CONSULTATIONS)).all()
    result = []
    for consultation in reversed(consultations):
        received = _received(consultation, filters)
        first = consultation.opens_at.astimezone(LONDON).date()
        closing = consultation.closes_at.astimezone(LONDON).date()
        last = max([closing, *received]) if received else closing
        days = [first + timedelta(days=n) for n in range(min((last - first).days + 1, 400))]
        late = {i for i, day in enumerate(days) if day > closing}
        counted = counts(consultation.id, *_on_register(filters))
        result.append(ConsultationDays(consultation, days, [received.get(day, 0) for day in days], late, counted))
    return result


def actions_by_authority(filters: "DashboardFilters") -> tuple[list[str], dict[str, list[int]]]:
    """Owner authorities, and per status the follow-up actions from the engagements the filters match."""
    rows = db.session.execute(
        select(Authority.name, Action.status, func.count(Action.id))
        .join(Authority, Authority.id == Action.owner_authority_id)
        .join(Engagement, Engagement.id == Action.engagement_id)
        .where(*filters.engagements())
        .group_by(Authority.name, Action.status)
    ).all()
    authorities = sorted({name for name, _status, _count in rows})
    series = {status: [0] * len(authorities) for status in ActionStatus.values()}
    for name, status, count in rows:
        series.setdefault(status, [0] * len(authorities))[authorities.index(name)] += count
    return authorities, {ActionStatus.label_of(status): values for status, values in series.items() if any(values)}
