"""Finding engagements and actions: one set of filters for the list, the calendar, .ics, the API and evidence."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import joinedload, load_only, selectinload

from engage.common.dates import LONDON
from engage.common.ids import parse_id
from engage.common.validation import parse_day
from engage.extensions import db
from engage.models import (
    Action,
    Authority,
    Engagement,
    Plan,
    Register,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    register_membership,
)
from engage.vocab import ActionStatus, EngagementKind, EngagementStatus


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), LONDON)


@dataclass
class EngagementFilters:
    date_from: date | None = None
    date_to: date | None = None
    status: str = ""
    authority: str = ""
    register: str = ""
    stakeholder: int | None = None
    matter: str = ""
    kind: str = ""
    q: str = ""

    @classmethod
    def from_args(cls, args) -> "EngagementFilters":
        status = (args.get("status") or "").strip().lower()
        kind = (args.get("kind") or "").strip().lower()
        stakeholder = (args.get("stakeholder") or "").strip()
        return cls(
            date_from=parse_day(args.get("from")),
            date_to=parse_day(args.get("to")),
            status=status if status in EngagementStatus.values() else "",
            authority=(args.get("authority") or "").strip().upper()[:16],
            register=(args.get("register") or "").strip().lower()[:100],
            stakeholder=parse_id(stakeholder),
            matter=(args.get("matter") or "").strip().lower()[:100],
            kind=kind if kind in EngagementKind.values() else "",
            q=(args.get("q") or "").strip()[:200],
        )

    def as_args(self) -> dict[str, str]:
        args = {key: value for key, value in asdict(self).items() if value not in (None, "")}
        for name, key in (("date_from", "from"), ("date_to", "to")):
            if name in args:
                args[key] = args.pop(name).isoformat()
        return {key: str(value) for key, value in args.items()}


def filtered(filters: EngagementFilters) -> Select:
    """Engagements matching the filters, unordered."""
    query = select(Engagement)
    if filters.date_from:
        query = query.where(Engagement.starts_at >= local_midnight(filters.date_from))
    if filters.date_to:
        query = query.where(Engagement.starts_at < local_midnight(filters.date_to + timedelta(days=1)))
    if filters.status:
        query = query.where(Engagement.status == filters.status)
    if filters.kind:
        query = query.where(Engagement.kind == filters.kind)
    if filters.authority:
        authority_id = select(Authority.id).where(Authority.code == filters.authority).scalar_subquery()
        query = query.where(Engagement.lead_authority_id == authority_id)
    if filters.stakeholder:
        query = query.where(
            exists().where(
                engagement_stakeholder.c.engagement_id == Engagement.id,
                engagement_stakeholder.c.stakeholder_id == filters.stakeholder,
            )
        )
    if filters.matter:
        matter_id = select(StrategicMatter.id).where(StrategicMatter.slug == filters.matter).scalar_subquery()
        query = query.where(
            exists().where(
                engagement_matter.c.engagement_id == Engagement.id, engagement_matter.c.matter_id == matter_id
            )
        )
    if filters.register:
        register_id = select(Register.id).where(Register.slug == filters.register).scalar_subquery()
        query = query.where(Engagement.id.in_(on_register(register_id)))
    if filters.q:
        escaped = filters.q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(func.lower(Engagement.title).like(f"%{escaped}%", escape="\\"))
    return query


def with_details(query: Select) -> Select:
    return query.options(
        joinedload(Engagement.lead_authority),
        joinedload(Engagement.plan_stage),
        joinedload(Engagement.plan).selectinload(Plan.stages),
        selectinload(Engagement.stakeholders),
        selectinload(Engagement.matters),
        selectinload(Engagement.actions).joinedload(Action.owner_authority),
    )


def engagements_query(filters: EngagementFilters, newest_first: bool = False) -> Select:
    order = (
        (Engagement.starts_at.desc(), Engagement.id.desc()) if newest_first else (Engagement.starts_at, Engagement.id)
    )
    return with_details(filtered(filters)).order_by(*order)


def count_query(filters: EngagementFilters) -> Select:
    return select(func.count()).select_from(filtered(filters).with_only_columns(Engagement.id).subquery())


def month_engagements(filters: EngagementFilters, first: date) -> dict[date, list[Engagement]]:
    """The month's engagements (matching the filters) by local day, for the calendar."""
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    query = (
        filtered(filters)
        .where(Engagement.starts_at >= local_midnight(first), Engagement.starts_at < local_midnight(last))
        .options(load_only(Engagement.id, Engagement.title, Engagement.starts_at, Engagement.status))
        .order_by(Engagement.starts_at, Engagement.id)
    )
    days: dict[date, list[Engagement]] = {}
    for engagement in db.session.scalars(query):
        days.setdefault(engagement.local_date, []).append(engagement)
    return days


def stakeholder_history(stakeholder_id: int, limit: int = 100) -> tuple[list[Engagement], int]:
    """A stakeholder's engagements, newest first (at most `limit`), and how many there are in all."""
    filters = EngagementFilters(stakeholder=stakeholder_id)
    total = db.session.scalar(
        select(func.count())
        .select_from(engagement_stakeholder)
        .where(engagement_stakeholder.c.stakeholder_id == stakeholder_id)
    )
    query = (
        filtered(filters)
        .options(
            joinedload(Engagement.lead_authority),
            joinedload(Engagement.plan_stage),
            joinedload(Engagement.plan).selectinload(Plan.stages),
            selectinload(Engagement.matters),
        )
        .order_by(Engagement.starts_at.desc(), Engagement.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query)), total or 0


def stakeholder_open_actions(stakeholder_id: int) -> list[Action]:
    attended = select(engagement_stakeholder.c.engagement_id).where(
        engagement_stakeholder.c.stakeholder_id == stakeholder_id
    )
    query = (
        select(Action)
        .where(Action.engagement_id.in_(attended), Action.status == "open")
        .options(joinedload(Action.owner_authority), joinedload(Action.engagement))
        .order_by(Action.due_on.is_(None), Action.due_on, Action.id)
    )
    return list(db.session.scalars(query))


@dataclass
class ActionFilters:
    status: str = ""
    owner: str = ""
    overdue: bool = False

    @classmethod
    def from_args(cls, args) -> "ActionFilters":
        status = (args.get("status") or "").strip().lower()
        return cls(
            status=status if status in ActionStatus.values() else "",
            owner=(args.get("owner") or "").strip().upper()[:16],
            overdue=(args.get("overdue") or "").strip().lower() in ("true", "1", "yes"),
        )


def actions_query(filters: ActionFilters, today: date) -> Select:
    query = select(Action)
    if filters.status:
        query = query.where(Action.status == filters.status)
    if filters.owner:
        query = query.where(
            Action.owner_authority_id == select(Authority.id).where(Authority.code == filters.owner).scalar_subquery()
        )
    if filters.overdue:
        query = query.where(Action.status == "open", Action.due_on < today)
    return query.options(joinedload(Action.owner_authority), joinedload(Action.engagement)).order_by(
        Action.due_on.is_(None), Action.due_on, Action.id
    )


def upcoming(authority_id: int | None, now: datetime, days: int = 14, limit: int = 20) -> list[Engagement]:
    query = select(Engagement).where(
        Engagement.status == "planned", Engagement.starts_at >= now, Engagement.starts_at < now + timedelta(days=days)
    )
    if authority_id:
        query = query.where(Engagement.lead_authority_id == authority_id)
    query = query.options(joinedload(Engagement.lead_authority)).order_by(Engagement.starts_at).limit(limit)
    return list(db.session.scalars(query))


def overdue_actions(authority_id: int | None, today: date, limit: int = 20) -> list[Action]:
    query = actions_query(ActionFilters(overdue=True), today)
    if authority_id:
        query = query.where(Action.owner_authority_id == authority_id)
    return list(db.session.scalars(query.limit(limit)))


def count_of(query: Select) -> Select:
    return select(func.count()).select_from(query.order_by(None).with_only_columns(Action.id).subquery())


def stage_counts(plan: Plan) -> dict[int | None, dict[str, int]]:
    """Engagements per plan stage (None: before the first stage) by status, for the plan timeline."""
    rows = db.session.execute(
        select(Engagement.plan_stage_id, Engagement.status, func.count(Engagement.id))
        .where(Engagement.plan_id == plan.id)
        .group_by(Engagement.plan_stage_id, Engagement.status)
    )
    counts: dict[int | None, dict[str, int]] = {}
    for stage_id, status, count in rows:
        counts.setdefault(stage_id, {})[status] = count
    return counts


def on_register(register_id) -> Select:
    """The ids of engagements attended by someone on the register (an id or a scalar subquery giving one)."""
    return (
        select(engagement_stakeholder.c.engagement_id)
        .join(register_membership, register_membership.c.stakeholder_id == engagement_stakeholder.c.stakeholder_id)
        .where(register_membership.c.register_id == register_id)
    )


def filter_problems(args) -> dict[str, list[str]]:
    """What is wrong with the filters in a query string, by parameter: a malformed date, an unknown status, kind,
    authority or matter, a stakeholder that is not an id. The pages show these next to the filters, the API
    answers 422; neither ignores a filter it cannot use."""
    filters = EngagementFilters.from_args(args)
    problems: dict[str, list[str]] = {}
    for name, value in (("from", filters.date_from), ("to", filters.date_to)):
        if (args.get(name) or "").strip() and value is None:
            problems[name] = [f"{name.capitalize()} must be a date in the format YYYY-MM-DD"]
    for name, allowed, value in (
        ("status", EngagementStatus.values(), filters.status),
        ("kind", EngagementKind.values(), filters.kind),
    ):
        if (args.get(name) or "").strip() and not value:
            problems[name] = [f"{name.capitalize()} must be one of: {', '.join(allowed)}"]
    if (args.get("stakeholder") or "").strip() and filters.stakeholder is None:
        problems["stakeholder"] = ["Stakeholder must be a stakeholder id, a whole number"]
    if filters.authority and db.session.scalar(select(Authority.id).where(Authority.code == filters.authority)) is None:
        problems["authority"] = [f"There is no authority with the code ‘{filters.authority}’"]
    if (
        filters.matter
        and db.session.scalar(select(StrategicMatter.id).where(StrategicMatter.slug == filters.matter)) is None
    ):
        problems["matter"] = [f"There is no strategic matter ‘{filters.matter}’"]
    return problems


def action_filter_problems(args) -> dict[str, list[str]]:
    """Unknown values in an action list's query string, by parameter."""
    filters = ActionFilters.from_args(args)
    problems: dict[str, list[str]] = {}
    if (args.get("status") or "").strip() and not filters.status:
        problems["status"] = [f"Status must be one of: {', '.join(ActionStatus.values())}"]
    if filters.owner and db.session.scalar(select(Authority.id).where(Authority.code == filters.owner)) is None:
        problems["owner"] = [f"There is no authority with the code ‘{filters.owner}’"]
    return problems
