"""Who asked to be notified of an event of a plan, once per person, and where to reach them.

A respondent asks on each representation (Representation.notify); a person who commented on several parts, or in
several consultations of the plan, is one respondent row per consultation, and an agent may act for many. So the
people to tell are deduplicated by where the notice goes: an email address (any capitals), or else a name and
postal address. Correspondence goes to the agent when the respondent has one, as the representation form says.
Withdrawn representations and erased respondents are left out.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.models import Consultation, Notification, NotificationEvent, Plan, Representation, Respondent
from engage.models.representation import PERSON_FIELDS
from engage.vocab import NotificationChannel, NotificationStatus, NotifyEvent, RepresentationStatus


@dataclass
class Asker:
    """A person who asked, as reached: `contact` holds PERSON_FIELDS of the respondent or of their agent."""

    respondent: Respondent
    contact: dict[str, str]
    on_behalf_of: str  # the respondent's name when the notice goes to their agent
    events: set[str]
    consultations: list[str]
    references: list[str]

    @property
    def channel(self) -> str:
        return NotificationChannel.EMAIL if self.contact["email"] else NotificationChannel.LETTER

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.contact["first_name"], self.contact["last_name"]) if p)


def contact_of(respondent: Respondent) -> tuple[dict[str, str], str]:
    """Where correspondence goes: the agent's details when there is an agent who can be reached, else the
    respondent's; and, for an agent, the name of the respondent they act for."""
    agent = respondent.agent or {}
    if agent.get("email") or agent.get("address"):
        contact = {field: str(agent.get(field) or "") for field in PERSON_FIELDS}
        return contact, respondent.name or respondent.organisation
    return respondent.person(), ""


def _key(contact: dict[str, str]) -> tuple[str, ...]:
    if contact["email"]:
        return ("email", contact["email"].strip().casefold())
    parts = (
        contact["first_name"],
        contact["last_name"],
        contact["organisation"],
        contact["address"],
        contact["postcode"],
    )
    return ("post", *(" ".join(part.split()).casefold() for part in parts))


def askers(plan: Plan, event: str | None = None) -> list[Asker]:
    """Everyone in the plan's consultations who asked to be notified (of `event`, or of any event), once per
    person, in the order they first responded."""
    query = (
        select(Representation.respondent_id, Representation.notify, Representation.number)
        .join(Consultation, Consultation.id == Representation.consultation_id)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .where(
            Consultation.plan_id == plan.id,
            Representation.status != RepresentationStatus.WITHDRAWN,
            Respondent.erased_at.is_(None),
        )
        .order_by(Representation.respondent_id, Representation.number)
    )
    asked: dict[int, tuple[set[str], list[int]]] = {}
    for respondent_id, notify, number in db.session.execute(query):
        wanted = {value for value in (notify or []) if value in NotifyEvent.values()}
        if event is not None:
            wanted &= {event}
        if wanted:
            events, numbers = asked.setdefault(respondent_id, (set(), []))
            events |= wanted
            numbers.append(number)
    found: dict[tuple[str, ...], Asker] = {}
    for respondent in _respondents(asked):
        events, numbers = asked[respondent.id]
        contact, on_behalf_of = contact_of(respondent)
        references = [f"{respondent.reference}-{number}" for number in numbers]
        key = _key(contact)
        if key in found:
            found[key].events |= events
            found[key].references += references
            if respondent.consultation.title not in found[key].consultations:
                found[key].consultations.append(respondent.consultation.title)
            continue
        found[key] = Asker(respondent, contact, on_behalf_of, set(events), [respondent.consultation.title], references)
    return list(found.values())


def _respondents(ids: Iterable[int]) -> list[Respondent]:
    ids = sorted(ids)
    found: list[Respondent] = []
    for start in range(0, len(ids), 500):  # IN lists of a size every database takes
        query = (
            select(Respondent)
            .where(Respondent.id.in_(ids[start : start + 500]))
            .options(selectinload(Respondent.consultation))
            .order_by(Respondent.id)
        )
        found += db.session.scalars(query)
    return found


def events_of(plan: Plan) -> list[NotificationEvent]:
    query = select(NotificationEvent).where(NotificationEvent.plan_id == plan.id).order_by(NotificationEvent.id)
    return list(db.session.scalars(query))


def counts(event: NotificationEvent) -> dict[str, int]:
    """Notices of the event by status, every status present (0 when none)."""
    query = (
        select(Notification.status, func.count()).where(Notification.event_id == event.id).group_by(Notification.status)
    )
    found = dict(db.session.execute(query).all())
    return {status.value: found.get(status.value, 0) for status in NotificationStatus}


def notifications(event: NotificationEvent, channel: str | None = None):
    """The event's notices with their respondents, in order: a select for pages, the API and the letter list."""
    query = (
        select(Notification)
        .where(Notification.event_id == event.id)
        .options(selectinload(Notification.respondent).selectinload(Respondent.consultation))
        .order_by(Notification.id)
    )
    if channel:
        query = query.where(Notification.channel == channel)
    return query
