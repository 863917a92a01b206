"""Plain create_* functions with sensible defaults. Each commits and returns the object."""

import itertools

from sqlalchemy import select

from engage.extensions import db
from engage.models import Authority, Plan, PlanStage, User
from engage.registers.services import create_stakeholder as _create_stakeholder

_counter = itertools.count(1)
PASSWORD = "correct horse battery staple"


def create_authority(code: str = "WBC", name: str = "Watford Borough Council", kind: str = "partner") -> Authority:
    authority = db.session.scalar(select(Authority).where(Authority.code == code))
    if authority is None:
        authority = Authority(code=code, name=name, kind=kind)
        db.session.add(authority)
        db.session.commit()
    return authority


def create_user(role: str = "officer", email: str | None = None, password: str = PASSWORD, authority=None) -> User:
    user = User(
        email=email or f"user{next(_counter)}@example.gov.uk",
        role=role,
        name=f"Test {role}",
        authority=authority or create_authority(),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def create_stakeholder(**overrides):
    number = next(_counter)
    data = {
        "kind": "person",
        "first_name": "Sam",
        "last_name": f"Example{number}",
        "email": f"sam{number}@example.com",
        "registers": ["general-consultees"],
        "categories": ["resident"],
    }
    data.update(overrides)
    return _create_stakeholder(data)


def create_plan(slug: str = "swh-jsp") -> Plan:
    from datetime import date

    plan = Plan(slug=slug, name="South West Hertfordshire Joint Strategic Plan", route="legacy")
    plan.stages = [
        PlanStage(slug="reg-18", name="Regulation 18", starts_on=date(2026, 1, 12), position=0),
        PlanStage(slug="reg-19", name="Regulation 19", starts_on=date(2027, 1, 11), position=1),
        PlanStage(slug="submission", name="Submission", starts_on=date(2027, 6, 1), position=2),
    ]
    db.session.add(plan)
    db.session.commit()
    return plan
