"""Finding a person in what Engage holds: respondents (one row per consultation they responded to) and stakeholder
register entries, matched by email address (any capitals) or by name."""

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.models import AuditEvent, Notification, Representation, Respondent, Stakeholder

LIMIT = 100


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def find_respondents(q: str) -> list[Respondent]:
    """Respondents whose email address is `q`, or whose name or organisation holds it (erased ones are not found:
    nothing of them is left to find)."""
    q = " ".join(q.split())
    if not q:
        return []
    name = func.lower(Respondent.first_name + " " + Respondent.last_name)
    query = (
        select(Respondent)
        .where(
            Respondent.erased_at.is_(None),
            or_(
                func.lower(Respondent.email) == q.casefold(),
                name.like(_like(q), escape="\\"),
                func.lower(Respondent.organisation).like(_like(q), escape="\\"),
            ),
        )
        .options(selectinload(Respondent.consultation), selectinload(Respondent.representations))
        .order_by(Respondent.id)
        .limit(LIMIT)
    )
    return list(db.session.scalars(query))


def same_person(respondent: Respondent) -> list[Respondent]:
    """The respondent and every other respondent row with the same email address, in any consultation, not yet
    erased (just the respondent when they gave no email address)."""
    if not respondent.email:
        return [respondent]
    query = (
        select(Respondent)
        .where(func.lower(Respondent.email) == respondent.email.casefold(), Respondent.erased_at.is_(None))
        .options(selectinload(Respondent.consultation))
        .order_by(Respondent.id)
    )
    found = list(db.session.scalars(query))
    return found if respondent in found else [respondent, *found]


def stakeholders_of(respondents: list[Respondent]) -> list[Stakeholder]:
    """Stakeholder register entries linked to the respondents or with one of their email addresses."""
    emails = {r.email.casefold() for r in respondents if r.email}
    linked = {r.stakeholder_id for r in respondents if r.stakeholder_id}
    conditions = [Stakeholder.id.in_(linked)] if linked else []
    if emails:
        conditions.append(func.lower(Stakeholder.email).in_(emails))
    if not conditions:
        return []
    return list(db.session.scalars(select(Stakeholder).where(or_(*conditions)).order_by(Stakeholder.id)))


def audit_about(respondent_ids: list[int], representation_ids: list[int], stakeholder_ids: list[int]):
    """The audit trail's entries about these records, oldest first."""
    conditions = []
    for entity_type, ids in (
        ("respondent", respondent_ids),
        ("representation", representation_ids),
        ("stakeholder", stakeholder_ids),
    ):
        if ids:
            conditions.append((AuditEvent.entity_type == entity_type) & AuditEvent.entity_id.in_(ids))
    if not conditions:
        return []
    return list(db.session.scalars(select(AuditEvent).where(or_(*conditions)).order_by(AuditEvent.id)))


def notifications_of(respondent_ids: list[int]) -> list[Notification]:
    if not respondent_ids:
        return []
    query = (
        select(Notification)
        .where(Notification.respondent_id.in_(respondent_ids))
        .options(selectinload(Notification.event))
        .order_by(Notification.id)
    )
    return list(db.session.scalars(query))


def representations_of(respondent_ids: list[int]) -> list[Representation]:
    if not respondent_ids:
        return []
    query = (
        select(Representation)
        .where(Representation.respondent_id.in_(respondent_ids))
        .options(selectinload(Representation.part), selectinload(Representation.attachments))
        .order_by(Representation.respondent_id, Representation.number)
    )
    return list(db.session.scalars(query))
