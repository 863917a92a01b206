"""Notifying respondents through the API: the same rules as the officer pages."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.mail import outbox
from engage.models import Notification, NotificationEvent
from tests.api.conftest import assert_matches
from tests.factories import create_consultation, create_plan
from tests.notifications.helpers import respond


def test_officers_record_an_event_and_list_its_notices(officer_api, openapi):
    plan = create_plan()
    consultation = create_consultation(plan_id=plan.id)
    emailed = respond(consultation)
    respond(consultation, email="", address="1 High Street", first_name="Pat")
    outbox.clear()
    path = f"/api/v1/plans/{plan.id}/notification-events"

    created = officer_api.post(
        path, json={"event": "adoption", "occurred_on": "2026-06-01"}, headers={"Idempotency-Key": "k1"}
    )
    assert created.status_code == 201, created.get_json()
    assert_matches(openapi, created, "/plans/{plan_id}/notification-events", "post")
    assert created.get_json()["counts"] == {"sent": 0, "pending": 0, "failed": 0, "listed": 0}  # nobody asked

    created = officer_api.post(
        path, json={"event": "submission", "occurred_on": "2026-06-01"}, headers={"Idempotency-Key": "k2"}
    )
    event = created.get_json()
    assert event["counts"]["pending"] == 1 and event["counts"]["listed"] == 1  # the email goes after the commit
    again = officer_api.post(
        path, json={"event": "submission", "occurred_on": "2026-06-01"}, headers={"Idempotency-Key": "k2"}
    )
    assert again.get_json() == event and len(outbox) == 1 and outbox[0]["To"] == emailed.email

    shown = officer_api.get(f"/api/v1/notification-events/{event['id']}")
    assert_matches(openapi, shown, "/notification-events/{event_id}")
    assert shown.get_json()["counts"]["sent"] == 1
    listed = officer_api.get(f"/api/v1/notification-events/{event['id']}/notifications")
    assert_matches(openapi, listed, "/notification-events/{event_id}/notifications")
    assert [(n["respondent_reference"], n["channel"]) for n in listed.get_json()["items"]] == [
        (emailed.reference, "email"),
        (emailed.reference.replace("0001", "0002"), "letter"),
    ]
    assert_matches(openapi, officer_api.get(path), "/plans/{plan_id}/notification-events")


def test_a_bad_event_is_a_422_on_the_field_and_writes_nothing(officer_api):
    plan = create_plan()

    path = f"/api/v1/plans/{plan.id}/notification-events"
    answer = officer_api.post(path, json={"event": "party", "occurred_on": "2026-01-01"})
    far = officer_api.post(path, json={"event": "adoption", "occurred_on": "2999-01-01"})
    twice = officer_api.post("/api/v1/notification-events/999/send-again", json={})

    assert answer.status_code == 422
    assert answer.get_json()["errors"] == {"event": ["Select what happened"]}
    assert far.status_code == 422 and set(far.get_json()["errors"]) == {"occurred_on"}
    assert twice.status_code == 404
    assert db.session.scalar(select(func.count()).select_from(NotificationEvent)) == 0
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
