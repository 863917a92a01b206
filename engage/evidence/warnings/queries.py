"""The engagement and representation checks of the pre-submission warnings page: engagement on a matter that began
only after the proposed plan was published, held engagements missing their outcome, attendees or matters,
bodies that said the plan fails the duty to co-operate with no engagement since, and planned engagements whose
time has passed. Each list stops at LIMIT rows and says how many there are in all."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, exists, func, not_, or_, select

from engage.common.dates import LONDON
from engage.evidence.milestones import publication_date
from engage.extensions import db
from engage.models import (
    Engagement,
    Plan,
    Representation,
    Respondent,
    Stakeholder,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    utcnow,
)

LIMIT = 200


@dataclass
class Found:
    """Up to LIMIT items and how many there are in all."""

    items: list = field(default_factory=list)
    total: int = 0


@dataclass(frozen=True)
class LateMatter:
    plan: str
    body_id: int
    body: str
    matter_slug: str
    matter: str
    first_engaged: date
    published: date


@dataclass
class Objection:
    body_id: int | None
    body: str
    references: list[str] = field(default_factory=list)
    said_on: date | None = None
    last_engaged: date | None = None


def _body_column():
    return func.coalesce(Stakeholder.organisation_id, Stakeholder.id)


def _body_names(ids) -> dict[int, str]:
    ids = list(ids)
    if not ids:
        return {}
    return {s.id: s.name for s in db.session.scalars(select(Stakeholder).where(Stakeholder.id.in_(ids)))}


def late_matters() -> Found:
    """Each (body, matter) whose first held engagement came after the proposed plan was published."""
    found = Found()
    for plan in db.session.scalars(select(Plan).order_by(Plan.id)):
        published = publication_date(plan)
        if published is None:
            continue
        body = _body_column()
        first = func.min(Engagement.starts_at)
        query = (
            select(body, engagement_matter.c.matter_id, first)
            .select_from(Engagement)
            .join(engagement_matter, engagement_matter.c.engagement_id == Engagement.id)
            .join(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
            .join(Stakeholder, Stakeholder.id == engagement_stakeholder.c.stakeholder_id)
            .where(Engagement.status == "held", Engagement.plan_id == plan.id)
            .group_by(body, engagement_matter.c.matter_id)
            .having(first >= datetime.combine(published, datetime.min.time(), LONDON))
            .order_by(first)
        )
        rows = db.session.execute(query).all()
        found.total += len(rows)
        rows = rows[: max(0, LIMIT - len(found.items))]
        names = _body_names(row[0] for row in rows)
        matters = {m.id: m for m in db.session.scalars(select(StrategicMatter))}
        for body_id, matter_id, at in rows:
            matter = matters[matter_id]
            day = at.astimezone(LONDON).date()
            found.items.append(
                LateMatter(plan.name, body_id, names.get(body_id, ""), matter.slug, matter.name, day, published)
            )
    return found


def _missing(engagement: Engagement) -> list[str]:
    gaps = []
    if not engagement.outcome:
        gaps.append("no outcome")
    if not engagement.incomplete_reason:
        if not engagement.stakeholders:
            gaps.append("no attendees")
        if not engagement.matters:
            gaps.append("no strategic matter")
    return gaps


def incomplete_held() -> Found:
    """Held engagements with no outcome, or with no attendees or no matter and no reason recorded (kept from
    before the rule, or imported): as they stand they drop out of the co-operation table."""
    attended = exists().where(engagement_stakeholder.c.engagement_id == Engagement.id)
    about = exists().where(engagement_matter.c.engagement_id == Engagement.id)
    condition = and_(
        Engagement.status == "held",
        or_(Engagement.outcome == "", and_(Engagement.incomplete_reason == "", or_(not_(attended), not_(about)))),
    )
    total = db.session.scalar(select(func.count(Engagement.id)).where(condition))
    engagements = db.session.scalars(select(Engagement).where(condition).order_by(Engagement.starts_at).limit(LIMIT))
    return Found([(e, _missing(e)) for e in engagements], total or 0)


def past_planned(now: datetime | None = None) -> Found:
    """Engagements still planned although their time has passed."""
    now = now or utcnow()
    condition = and_(Engagement.status == "planned", func.coalesce(Engagement.ends_at, Engagement.starts_at) < now)
    total = db.session.scalar(select(func.count(Engagement.id)).where(condition))
    engagements = db.session.scalars(select(Engagement).where(condition).order_by(Engagement.starts_at).limit(LIMIT))
    return Found(list(engagements), total or 0)


def _last_engaged() -> dict[int, datetime]:
    body = _body_column()
    query = (
        select(body, func.max(Engagement.starts_at))
        .select_from(Engagement)
        .join(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
        .join(Stakeholder, Stakeholder.id == engagement_stakeholder.c.stakeholder_id)
        .where(Engagement.status == "held")
        .group_by(body)
    )
    return dict(db.session.execute(query).all())


def duty_objections() -> Found:
    """Organisations whose representations say the plan does not comply with the duty to co-operate, and that no
    held engagement has reached since the last of them."""
    query = (
        select(Representation, Respondent, Stakeholder)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .outerjoin(Stakeholder, Stakeholder.id == Respondent.stakeholder_id)
        .where(
            Representation.dtc_compliant == "no",
            Representation.status == "submitted",
            or_(
                Respondent.organisation != "",
                Stakeholder.kind == "organisation",
                Stakeholder.organisation_id.isnot(None),
            ),
        )
        .order_by(Representation.received_at, Representation.id)
    )
    by_body: dict[object, Objection] = {}
    for representation, respondent, stakeholder in db.session.execute(query):
        body_id = (stakeholder.organisation_id or stakeholder.id) if stakeholder else None
        key = body_id or respondent.organisation.strip().lower()
        name = (stakeholder.organisation_label or stakeholder.name) if stakeholder else respondent.organisation
        objection = by_body.setdefault(key, Objection(body_id, name))
        objection.references.append(representation.reference)
        objection.said_on = representation.received_at.astimezone(LONDON).date()
    last = _last_engaged()
    found = []
    for objection in by_body.values():
        engaged = last.get(objection.body_id) if objection.body_id else None
        objection.last_engaged = engaged.astimezone(LONDON).date() if engaged else None
        if objection.last_engaged is None or objection.last_engaged <= objection.said_on:
            found.append(objection)
    return Found(found[:LIMIT], len(found))
