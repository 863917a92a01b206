"""Demo data for the South West Hertfordshire Joint Strategic Plan. Idempotent: safe to run on every start."""

import random
from datetime import date

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Plan, PlanStage, Stakeholder, User
from engage.registers.services import Lookups, build_stakeholder
from engage.seeds.reference import load_reference, upsert_authorities

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

LEGACY_STAGES = [
    ("reg-18", "Regulation 18 consultation", date(2026, 1, 12)),
    ("reg-19", "Regulation 19 publication", date(2027, 1, 11)),
    ("submission", "Submission (Regulation 22)", date(2027, 6, 1)),
    ("examination", "Examination", date(2027, 9, 1)),
    ("main-modifications", "Main modifications consultation", date(2028, 3, 1)),
    ("adoption", "Adoption", date(2028, 9, 1)),
]


def load_demo() -> None:
    load_reference()
    authorities = upsert_authorities(PARTNERS + NEIGHBOURS)
    _load_plan(authorities)
    _load_users(authorities)
    if not db.session.scalar(select(func.count(Stakeholder.id))):
        _load_stakeholders()
    db.session.commit()


def _load_plan(authorities) -> None:
    if db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp")):
        return
    plan = Plan(
        slug="swh-jsp",
        name="South West Hertfordshire Joint Strategic Plan",
        route="legacy",
        description="A statutory joint plan for Dacorum, Hertsmere, St Albans, Three Rivers and Watford, "
        "supported by Hertfordshire County Council.",
    )
    plan.partners = [authorities[code] for code, _, _ in PARTNERS]
    plan.stages = [PlanStage(slug=s, name=n, starts_on=d, position=i) for i, (s, n, d) in enumerate(LEGACY_STAGES)]
    db.session.add(plan)
    db.session.flush()


def _load_users(authorities) -> None:
    for email, role, code in DEMO_USERS:
        if db.session.scalar(select(User).where(User.email == email)):
            continue
        user = User(email=email, role=role, authority=authorities[code], name=f"Demo {role}")
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.flush()


def _load_stakeholders() -> None:
    from engage.seeds.demo_stakeholders import demo_stakeholders

    lookups = Lookups()
    rng = random.Random(2018)
    for row in demo_stakeholders(rng):
        db.session.add(build_stakeholder(row, lookups))
    db.session.flush()
