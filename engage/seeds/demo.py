"""Demo data for the South West Hertfordshire Joint Strategic Plan. Idempotent: safe to run on every start."""

import random
from datetime import date

from sqlalchemy import select

from engage.extensions import db
from engage.models import Plan, Stakeholder, User
from engage.plans.services import create_plan
from engage.seeds.demo_agents import load_demo_agents
from engage.seeds.demo_campaigns import load_demo_campaigns
from engage.seeds.demo_consultation import load_demo_consultations
from engage.seeds.demo_engagement import load_demo_engagement
from engage.seeds.demo_evidence import load_demo_evidence
from engage.seeds.demo_invitations import load_demo_invitations
from engage.seeds.demo_publicity import load_demo_publicity
from engage.seeds.demo_register import load_demo_register
from engage.seeds.demo_statement import load_demo_statement
from engage.seeds.demo_themes import load_demo_themes
from engage.seeds.reference import load_reference, upsert_authorities
from engage.stakeholders.services import Lookups, build_stakeholder

DEMO_PASSWORD = "engage-demo-2026"
DEMO_USERS = [
    ("admin@engage.example", "admin", "WBC"),
    ("officer@engage.example", "officer", "DBC"),
    ("viewer@engage.example", "viewer", "HCC"),
]

PARTNERS = [
    ("DBC", "Dacorum Borough Council", "partner"),
    ("HBC", "Hertsmere Borough Council", "partner"),
    ("SADC", "St Albans City and District Council", "partner"),
    ("TRDC", "Three Rivers District Council", "partner"),
    ("WBC", "Watford Borough Council", "partner"),
    ("HCC", "Hertfordshire County Council", "county"),
]
NEIGHBOURS = [
    ("BUCKS", "Buckinghamshire Council", "neighbour"),
    ("CBC", "Central Bedfordshire Council", "neighbour"),
    ("LBC", "Luton Borough Council", "neighbour"),
    ("NHDC", "North Hertfordshire District Council", "neighbour"),
    ("WHBC", "Welwyn Hatfield Borough Council", "neighbour"),
    ("LBB", "London Borough of Barnet", "neighbour"),
    ("LBE", "London Borough of Enfield", "neighbour"),
    ("LBH", "London Borough of Harrow", "neighbour"),
    ("LBHI", "London Borough of Hillingdon", "neighbour"),
    ("GLA", "Greater London Authority", "other"),
]

# The predicted start of each stage of the 2012 route (engage/seeds/routes.py).
LEGACY_STAGES = [
    ("reg-18", date(2026, 1, 12)),
    ("reg-19", date(2027, 1, 11)),
    ("submission", date(2027, 6, 1)),
    ("examination", date(2027, 9, 1)),
    ("main-modifications", date(2028, 3, 1)),
    ("adoption", date(2028, 9, 1)),
]


def load_demo() -> None:
    load_reference()
    authorities = upsert_authorities(PARTNERS + NEIGHBOURS)
    _load_plan(authorities)
    _load_users(authorities)
    _load_stakeholders()
    db.session.commit()
    load_demo_consultations()
    load_demo_invitations()
    load_demo_publicity()
    load_demo_statement()
    load_demo_campaigns()
    load_demo_themes()
    load_demo_register()
    load_demo_agents()
    load_demo_engagement()
    load_demo_evidence()


def _load_plan(authorities) -> None:
    """The demo plan, set up as any council's would be (engage.plans.services.create_plan)."""
    if db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp")):
        return
    create_plan(
        {
            "slug": "swh-jsp",
            "name": "South West Hertfordshire Joint Strategic Plan",
            "route": "legacy",
            "description": "A statutory joint plan for Dacorum, Hertsmere, St Albans, Three Rivers and Watford, "
            "supported by Hertfordshire County Council.",
            "reference": "south-west-hertfordshire-joint-strategic-plan",
            "period_start": date(2024, 4, 1),
            "period_end": date(2041, 3, 31),
            "lead_authority": PARTNERS[0][0],
            "partners": [code for code, _, _ in PARTNERS],
            "stages": [{"slug": slug, "starts_on": day} for slug, day in LEGACY_STAGES],
        }
    )


def _load_users(authorities) -> None:
    for email, role, code in DEMO_USERS:
        if db.session.scalar(select(User).where(User.email == email)):
            continue
        user = User(email=email, role=role, authority=authorities[code], name=f"Demo {role}")
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.flush()


def _key(kind, first_name, last_name, organisation, email) -> tuple:
    return (kind, (first_name or "").lower(), (last_name or "").lower(), (organisation or "").lower(), email or "")


def _load_stakeholders() -> None:
    """Add the demo stakeholders that are not there yet, matched by kind, name, organisation and email."""
    from engage.seeds.demo_stakeholders import demo_stakeholders

    columns = (Stakeholder.kind, Stakeholder.first_name, Stakeholder.last_name)
    existing = {
        _key(*row) for row in db.session.execute(select(*columns, Stakeholder.organisation_name, Stakeholder.email))
    }
    lookups = Lookups()
    added: list[tuple[Stakeholder, dict]] = []
    for row in demo_stakeholders(random.Random(2018)):
        links = {key: row.pop(key) for key in ("_member_of", "_agent") if key in row}
        row = {"first_name": "", "last_name": "", "organisation": "", "email": ""} | row
        stakeholder = build_stakeholder(row, lookups)
        key = _key(
            stakeholder.kind,
            stakeholder.first_name,
            stakeholder.last_name,
            stakeholder.organisation_name,
            stakeholder.email,
        )
        if key in existing:
            continue
        existing.add(key)
        db.session.add(stakeholder)
        added.append((stakeholder, links))
    db.session.flush()
    _link(added)


def _link(added: list[tuple[Stakeholder, dict]]) -> None:
    """Point people at the organisation they belong to and the agent acting for them."""
    wanted = [links for _, links in added if links]
    if not wanted:
        return
    names = {links["_member_of"] for links in wanted if "_member_of" in links}
    emails = {links["_agent"] for links in wanted if "_agent" in links}
    organisations = {
        s.organisation_name: s
        for s in db.session.scalars(
            select(Stakeholder).where(Stakeholder.kind == "organisation", Stakeholder.organisation_name.in_(names))
        )
    }
    agents = {s.email: s for s in db.session.scalars(select(Stakeholder).where(Stakeholder.email.in_(emails)))}
    for stakeholder, links in added:
        if "_member_of" in links:
            stakeholder.organisation = organisations.get(links["_member_of"])
            stakeholder.refresh_search_fields()
        if "_agent" in links:
            stakeholder.agent = agents.get(links["_agent"])
    db.session.flush()
