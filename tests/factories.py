"""Plain create_* functions with sensible defaults. Each commits and returns the object."""

import functools
import itertools

from sqlalchemy import select

from engage.extensions import db
from engage.models import Authority, Plan, PlanStage, User
from engage.stakeholders.services import create_stakeholder as _create_stakeholder

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
    user.password_hash = _password_hash(password)
    db.session.add(user)
    db.session.commit()
    return user


@functools.cache
def _password_hash(password: str) -> str:
    """Hashing a password is slow on purpose (a third of a second); users made with the same password share one."""
    probe = User()
    probe.set_password(password)
    return probe.password_hash


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
        PlanStage(slug="reg-18", name="Regulation 18", role="consultation", starts_on=date(2026, 1, 12), position=0),
        PlanStage(slug="reg-19", name="Regulation 19", role="publication", starts_on=date(2027, 1, 11), position=1),
        PlanStage(slug="submission", name="Submission", role="submission", starts_on=date(2027, 6, 1), position=2),
    ]
    db.session.add(plan)
    db.session.commit()
    return plan


def create_consultation(**overrides):
    """A published Regulation 19 consultation, open from yesterday for a week, with two parts."""
    from datetime import timedelta

    from engage.consultations.services import create_consultation as _create_consultation
    from engage.models import utcnow

    now = utcnow().replace(second=0, microsecond=0)
    number = next(_counter)
    data = {
        "slug": f"consultation-{number}",
        "title": f"Regulation 19 publication {number}",
        "stage": "reg-19",
        "summary": "Tell us what you think of the plan.",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=7),
        "published": True,
        "parts": [
            {"ref": "Chapter 3", "title": "Spatial strategy", "kind": "chapter"},
            {"ref": "Policy SP1", "title": "Spatial strategy", "kind": "policy"},
        ],
    }
    data.update(overrides)
    return _create_consultation(data)


def create_engagement(**overrides):
    """A held engagement led by WBC on a weekday in the demo plan's Regulation 18 stage (needs create_plan())."""
    from datetime import datetime

    from engage.common.dates import LONDON
    from engage.engagements.services import log_engagement

    data = {
        "title": f"Officer liaison meeting {next(_counter)}",
        "kind": "meeting",
        "status": "held",
        "starts_at": datetime(2026, 3, 4, 10, 0, tzinfo=LONDON),
        "lead_authority": create_authority().code,
        "level": "officer",
        "outcome": "Agreed to share evidence",
        "agreement": "agreed",
        # A held engagement names attendees and a matter or says why not; most tests need neither.
        "incomplete_reason": "Attendees and matters are not needed by this test",
    }
    data.update(overrides)
    return log_engagement(data)


def create_action(engagement, owner=None, **overrides):
    """An open follow-up action on an engagement, owned by WBC unless `owner` (an Authority) says otherwise."""
    from engage.models import Action

    owner = (
        owner or create_authority()
    )  # looked up before the action joins the engagement, so nothing half-made flushes
    action = Action(engagement=engagement, owner_authority=owner, **{"description": "Send the evidence", **overrides})
    db.session.add(action)
    db.session.commit()
    return action


def create_webhook(url: str = "https://192.0.2.10/engage-events", events=None, secret: str = "whsec_test-secret"):
    """An endpoint stored as it is (no address check): 192.0.2.10 is a documentation address, so a delivery to it is
    refused before any connection is made."""
    from engage.models import WebhookSubscription

    subscription = WebhookSubscription(
        url=url, events=list(events or ["representation.created"]), secret=secret, description="Test receiver"
    )
    db.session.add(subscription)
    db.session.commit()
    return subscription


def create_webhook_delivery(subscription=None, status: str = "failed"):
    """A delivery of a representation.created event to `subscription` (a new one when not given)."""
    import json
    import uuid

    from engage.models import WebhookDelivery, WebhookEvent

    subscription = subscription or create_webhook()
    uid = str(uuid.uuid4())
    body = {"id": uid, "type": "representation.created", "created_at": "2026-03-04T10:00:00+00:00", "data": {}}
    event = WebhookEvent(uid=uid, type="representation.created", subject="representation:1", body=json.dumps(body))
    delivery = WebhookDelivery(event=event, subscription=subscription, status=status, attempt_count=1)
    db.session.add(delivery)
    db.session.commit()
    return delivery
