import re
import time

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Register, Stakeholder, register_membership
from engage.seeds.demo import load_demo
from tests.factories import create_stakeholder

# The people named in the source documents; the demo must never use them.
REAL_NAMES = [
    "Williams", "Sutton", "Marshall", "Gaynor", "Doe", "Taylor", "Bateman", "Wood", "Cohen", "Lyons", "Silverman",
    "Campbell", "Maynard", "Foley", "Harvey", "Briggs", "Bedford", "Halls", "Muggeridge", "May", "Kalik",
    "Thornhill", "Sharpe", "Fenwick", "Dunsford", "Ashley", "Tiley", "Riddell", "Evison",
]  # fmt: skip


def _by_name(name: str) -> Stakeholder:
    return db.session.scalar(select(Stakeholder).where(Stakeholder.organisation_name == name))


def _count() -> int:
    return db.session.scalar(select(func.count(Stakeholder.id)))


def test_demo_fills_every_register():
    load_demo()
    counts = dict(
        db.session.execute(
            select(Register.slug, func.count(register_membership.c.stakeholder_id))
            .join(register_membership, register_membership.c.register_id == Register.id)
            .group_by(Register.slug)
        ).all()
    )
    assert counts["general-consultees"] >= 300
    assert counts["mps"] == 6
    assert counts["government-departments"] >= 6
    assert counts["neighbouring-authorities"] >= 9
    assert counts["members-forum"] >= 20
    assert counts["statutory-consultees"] >= 30
    assert counts["strategic-stakeholders"] >= 15


def test_statutory_bodies_have_their_legal_categories_and_kinds():
    load_demo()
    agency = _by_name("Environment Agency")
    assert {c.slug for c in agency.categories} == {"specific-consultation-body", "dtc-prescribed-body"}
    assert {b.slug for b in agency.body_kinds} == {"environment-agency", "dtc-environment-agency"}
    assert {b.slug for b in _by_name("Cadent Gas").body_kinds} == {"health-and-utilities"}
    assert {b.slug for b in _by_name("Tring Town Council").body_kinds} == {"relevant-authority"}
    assert _by_name("Tring Town Council").authority.code == "DBC"


def test_governance_groups_have_their_members_linked():
    load_demo()
    members_group = _by_name("Strategic Planning Members Group")
    assert len(members_group.members) == 6
    assert all(m.party and m.authority for m in members_group.members)
    assert len(_by_name("Strategic Planning Officers Group").members) == 7


def test_demo_people_are_invented_or_named_by_role():
    load_demo()
    surnames = set(db.session.scalars(select(Stakeholder.last_name)))
    assert not surnames & set(REAL_NAMES)
    mps = db.session.scalars(select(Stakeholder.last_name).where(Stakeholder.constituency != "")).all()
    assert mps and all(re.fullmatch(r"MP for [A-Z][\w ]+", name) for name in mps)


def test_demo_contact_needs_are_varied():
    load_demo()
    people = db.session.scalars(select(Stakeholder).where(Stakeholder.kind == "person")).all()
    assert any(p.do_not_contact for p in people)
    assert any(p.preferred_channel == "post" and p.address for p in people)
    assert any(p.accessibility_needs for p in people)
    assert any(p.consent_to_notifications for p in people)
    assert any(p.agent is not None for p in db.session.scalars(select(Stakeholder)))


def test_loading_twice_adds_nothing_even_after_officers_added_their_own():
    create_stakeholder(first_name="Officer", last_name="Added")
    load_demo()
    first = _count()
    started = time.perf_counter()
    load_demo()
    assert _count() == first
    assert time.perf_counter() - started < 5
