"""Who was invited to one consultation stage and how, for the statement of consultation.

Bodies are named, grouped by their first category (a person invited on behalf of an organisation counts as that
organisation); individuals are only counted, by their first category, so the public statement names nobody. The
methods are the invitations (emails and letters, with how many and between which dates) and every publicity
record (notices, press, website, social media, newsletters, exhibitions and events with attendance, deposit
points)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from engage.common.dates import format_date, london
from engage.extensions import db
from engage.models import Category, Invitation, Publicity, Stakeholder, stakeholder_category
from engage.vocab import PublicityMethod

OTHER_BODIES = "Other organisations"
OTHER_PEOPLE = "Other individuals"


@dataclass
class Invited:
    bodies: list[list]  # [category, "Body; Body; …", number of bodies]
    people: list[list]  # [category, number of people]
    total_bodies: int
    total_people: int


def _first_categories(ids: set[int]) -> dict[int, tuple[int, str]]:
    """Each stakeholder's first category (position, name)."""
    first: dict[int, tuple[int, str]] = {}
    if not ids:
        return first
    rows = db.session.execute(
        select(stakeholder_category.c.stakeholder_id, Category.position, Category.name)
        .join(Category, Category.id == stakeholder_category.c.category_id)
        .where(stakeholder_category.c.stakeholder_id.in_(ids))
    )
    for stakeholder_id, position, name in rows:
        if stakeholder_id not in first or (position, name) < first[stakeholder_id]:
            first[stakeholder_id] = (position, name)
    return first


def invited(consultation_id: int) -> Invited:
    organisation = aliased(Stakeholder)
    rows = db.session.execute(
        select(Stakeholder.id, Stakeholder.kind, Stakeholder.organisation_name, organisation.id,
               organisation.organisation_name)
        .join(Invitation, Invitation.stakeholder_id == Stakeholder.id)
        .outerjoin(organisation, organisation.id == Stakeholder.organisation_id)
        .where(Invitation.consultation_id == consultation_id)
        .distinct()
    ).all()  # fmt: skip
    first = _first_categories({row[0] for row in rows} | {row[3] for row in rows if row[3]})
    body_category: dict[str, tuple[int, str]] = {}
    people: dict[tuple[int, str], int] = {}
    for stakeholder_id, kind, own_name, organisation_id, organisation_name in rows:
        body = (own_name if kind == "organisation" else (organisation_name or own_name)).strip()
        category = first.get(stakeholder_id) or first.get(organisation_id or 0)
        if body:  # a body goes under the first category any of its people (or it) has
            known = body_category.get(body, (10**6, OTHER_BODIES))
            body_category[body] = min(known, category) if category else known
        else:
            key = category or (10**6, OTHER_PEOPLE)
            people[key] = people.get(key, 0) + 1
    bodies: dict[tuple[int, str], list[str]] = {}
    for body, category in body_category.items():
        bodies.setdefault(category, []).append(body)
    return Invited(
        bodies=[
            [name, "; ".join(sorted(names, key=str.lower)), len(names)] for (_, name), names in sorted(bodies.items())
        ],
        people=[[name, count] for (_, name), count in sorted(people.items())],
        total_bodies=len(body_category),
        total_people=sum(people.values()),
    )


@dataclass
class Method:
    method: str  # PublicityMethod value
    details: str
    starts_on: date | None
    ends_on: date | None
    number: str  # "312 invited", "45 attended" or ""

    @property
    def dates(self) -> str:
        if not self.starts_on:
            return ""
        if self.ends_on and self.ends_on != self.starts_on:
            return f"{format_date(self.starts_on)} to {format_date(self.ends_on)}"
        return format_date(self.starts_on)

    def row(self) -> list:
        return [PublicityMethod.label_of(self.method), self.details, self.dates, self.number]


def _invitation_details(method: str) -> str:
    if method == "email":
        return "Email to the bodies and people on the consultation database who have an email address"
    if method == "letter":
        return "Letter to those on the consultation database without an email address or who asked for post"
    return f"{PublicityMethod.label_of(method)} to the bodies and people on the consultation database"


def _day(value) -> date | None:
    return london(value).date() if value else None


def methods(consultation_id: int) -> list[Method]:
    sent = func.coalesce(Invitation.sent_at, Invitation.created_at)
    found = [
        Method(method, _invitation_details(method), _day(first), _day(last), f"{count:,} invited")
        for method, count, first, last in db.session.execute(
            select(Invitation.method, func.count(Invitation.id), func.min(sent), func.max(sent))
            .where(Invitation.consultation_id == consultation_id, Invitation.status != "failed")
            .group_by(Invitation.method)
            .order_by(Invitation.method)
        )
    ]
    for item in db.session.scalars(
        select(Publicity)
        .where(Publicity.consultation_id == consultation_id)
        .order_by(Publicity.starts_on, Publicity.id)
    ):
        number = f"{item.attendance:,} attended" if item.attendance is not None else ""
        found.append(Method(item.method, item.description, item.starts_on, item.ends_on, number))
    order = list(PublicityMethod.values())
    return sorted(
        found, key=lambda m: (order.index(m.method) if m.method in order else len(order), m.starts_on or date.min)
    )
