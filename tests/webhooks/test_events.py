"""Each event is recorded by the service where it happens, in the same transaction as the change, and a failing
endpoint never holds up or undoes the change."""

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from engage.auth.services import create_token
from engage.consultations.services import set_published
from engage.engagements.services import mark_held, update_engagement
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing
from engage.extensions import db
from engage.models import Representation, WebhookDelivery, WebhookEvent, utcnow
from engage.webhooks import outbox, services
from tests.factories import create_authority, create_consultation, create_engagement, create_plan, create_user
from tests.respond.helpers import fill_about_you, fill_item, submit
from tests.webhooks.conftest import PUBLIC_ADDRESS

ALL_EVENTS = [
    "representation.created",
    "consultation.published",
    "consultation.closed",
    "engagement.held",
    "scg.signed",
]


@pytest.fixture
def subscription(dns, monkeypatch):
    """An endpoint for every event; deliveries are queued but not sent (the address is only pretend public)."""
    monkeypatch.setattr(outbox, "send", lambda delivery_ids: None)
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    subscription, _ = services.create_subscription({"url": "https://hooks.example.org/events", "events": ALL_EVENTS})
    return subscription


def _events() -> list[tuple[str, dict]]:
    found = db.session.scalars(select(WebhookEvent).order_by(WebhookEvent.id))
    return [(event.type, json.loads(event.body)["data"]) for event in found]


def _types() -> list[str]:
    return [event_type for event_type, _ in _events()]


def test_nothing_is_recorded_when_no_endpoint_wants_the_event(dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    services.create_subscription({"url": "https://hooks.example.org/events", "events": ["scg.signed"]})
    create_consultation(published=False)
    create_plan()
    create_engagement()
    assert _types() == []


def test_publishing_a_consultation_is_an_event(subscription):
    consultation = create_consultation(published=False)
    set_published(consultation, False)
    set_published(consultation, True)
    [(event_type, data)] = _events()
    assert event_type == "consultation.published"
    assert data["id"] == consultation.id and data["slug"] == consultation.slug and data["stage"] == "reg-19"


def test_an_engagement_is_held_when_logged_as_held_or_marked_held_once(subscription):
    create_plan()
    held = create_engagement()
    planned = create_engagement(status="planned", title="Workshop")
    mark_held(planned, {"outcome": "Agreed the approach"})
    update_engagement(planned, {"summary": "Minutes added"})
    events = _events()
    assert [(t, d["id"]) for t, d in events] == [("engagement.held", held.id), ("engagement.held", planned.id)]
    assert events[0][1]["lead_authority"] == "WBC" and events[0][1]["plan_stage"] == "reg-18"


def test_signing_a_statement_of_common_ground_is_an_event(subscription):
    create_authority("DBC", "Dacorum Borough Council")
    statement = scg_services.create_statement({"title": "Statement of Common Ground: housing"})
    version = statement.latest
    party = scg_services.add_party(version, {"authority": "DBC", "signatory_name": "A Leader"})
    today = date(2026, 11, 24)
    signing.change_status(version, "agreed", date(2026, 11, 18), today)
    signing.add_signature(version, {"party": party.id, "signed_on": date(2026, 11, 20)}, today)
    assert _types() == []
    signing.change_status(version, "signed", today, today)
    [(event_type, data)] = _events()
    assert event_type == "scg.signed"
    assert data == {
        "id": statement.id,
        "title": "Statement of Common Ground: housing",
        "version": 1,
        "signed_on": "2026-11-24",
        "signed_by": ["Dacorum Borough Council"],
    }


def test_a_consultation_that_has_closed_is_announced_once_by_the_sweep(app, subscription):
    now = utcnow()
    closed = create_consultation(opens_at=now - timedelta(days=10), closes_at=now - timedelta(hours=1))
    create_consultation(opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=20))  # long ago
    create_consultation(opens_at=now - timedelta(days=10), closes_at=now - timedelta(hours=1), published=False)
    create_consultation()  # still open

    result = app.test_cli_runner().invoke(args=["send-webhooks"], catch_exceptions=False)
    assert "Recorded 1 consultation closings; queued 1 webhook deliveries." in result.output
    assert services.sweep() == (0, 0)
    [(event_type, data)] = _events()
    assert event_type == "consultation.closed" and data["id"] == closed.id


def test_an_online_response_is_an_event_for_each_representation(client, subscription):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation, 1)
    fill_item(client, consultation, 2, part="Chapter 3", nature="support")
    submit(client, consultation)

    events = _events()
    references = db.session.scalars(select(Representation).order_by(Representation.number)).all()
    assert [t for t, _ in events] == ["representation.created"] * 2
    assert [d["reference"] for _, d in events] == [r.reference for r in references]
    assert [(d["part"], d["nature"], d["channel"]) for _, d in events] == [
        ("Policy SP1", "object", "online"),
        ("Chapter 3", "support", "online"),
    ]


def test_a_response_is_recorded_at_once_when_the_endpoint_is_down(client, closed_port_url):
    services.create_subscription({"url": closed_port_url, "events": ["representation.created"]})
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    response = submit(client, consultation)

    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Representation)) == 1
    [delivery] = db.session.scalars(select(WebhookDelivery))
    assert delivery.status == "pending"  # tried again by the worker, or without Redis by flask send-webhooks
    [attempt] = delivery.attempts
    assert attempt.status_code is None and attempt.error.startswith("Could not connect: ConnectionRefusedError")


def test_an_api_submission_succeeds_while_the_endpoint_fails(app, receiver):
    officer_api = app.test_client()
    officer_api.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(create_user(), 'tests')}"
    services.create_subscription({"url": receiver.url, "events": ["representation.created"]})
    receiver.status = 500
    consultation = create_consultation()
    body = {
        "channel": "email",
        "received_at": utcnow().isoformat(),
        "respondent": {"first_name": "Pat", "last_name": "Letter", "email": "pat@example.com"},
        "part": "Policy SP1",
        "nature": "support",
        "comment": "Good plan.",
    }

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=body)

    assert response.status_code == 201
    assert len(receiver.requests) == 1
    [delivery] = db.session.scalars(select(WebhookDelivery))
    assert [(a.status_code, a.error) for a in delivery.attempts] == [(500, "The endpoint answered 500")]


def test_a_change_that_is_rolled_back_sends_nothing(subscription):
    consultation = create_consultation(published=False)
    consultation.published = True
    from engage.webhooks import events

    events.consultation_published(consultation, True)
    assert db.session.info[outbox.UNSENT]
    db.session.rollback()

    assert outbox.UNSENT not in db.session.info and outbox.send_committed() == 0
    assert _types() == []
