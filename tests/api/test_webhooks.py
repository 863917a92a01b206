"""Administrators manage webhook endpoints through the API; the answers fit the served OpenAPI document."""

import socket

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import WebhookDelivery, WebhookSubscription
from engage.webhooks import addresses
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_webhook, create_webhook_delivery

BODY = {"url": "https://hooks.example.org/engage", "events": ["representation.created", "scg.signed"]}


@pytest.fixture
def public_host(monkeypatch):
    """hooks.example.org resolves to a public address, without a network."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hooks.example.org":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(addresses.socket, "getaddrinfo", getaddrinfo)


def test_an_admin_adds_an_endpoint_and_gets_its_secret_once(admin_api, openapi, public_host):
    response = admin_api.post("/api/v1/webhooks", json={**BODY, "description": "Portal"})

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/webhooks", "post")
    body = response.get_json()
    assert body["secret"].startswith("whsec_") and body["events"] == BODY["events"]
    listed = admin_api.get("/api/v1/webhooks")
    assert_matches(openapi, listed, "/webhooks")
    [item] = listed.get_json()["items"]
    assert "secret" not in item and item["id"] == body["id"] and item["description"] == "Portal"


@pytest.mark.parametrize(
    ("url", "words"),
    [("http://hooks.example.org/engage", "starts with https://"), ("https://10.0.0.8/engage", "private, loopback")],
)
def test_an_address_that_is_not_https_or_not_public_is_a_422_and_saves_nothing(admin_api, url, words):
    response = admin_api.post("/api/v1/webhooks", json={**BODY, "url": url})

    assert response.status_code == 422
    assert_matches_schema(response, "Problem")
    assert words in response.get_json()["errors"]["url"][0]
    assert db.session.scalar(select(func.count()).select_from(WebhookSubscription)) == 0


def test_wrong_types_and_unknown_events_are_422(admin_api, public_host):
    for body, field in (
        ({**BODY, "events": "scg.signed"}, "events"),
        ({**BODY, "events": ["scg.unsigned"]}, "events"),
        ({**BODY, "url": 7}, "url"),
        ({**BODY, "secret": "mine"}, "secret"),
    ):
        response = admin_api.post("/api/v1/webhooks", json=body)
        assert response.status_code == 422 and field in response.get_json()["errors"], body


def test_deliveries_are_listed_newest_first_with_their_attempts(admin_api, openapi):
    subscription = create_webhook()
    older, newer = create_webhook_delivery(subscription), create_webhook_delivery(subscription, status="delivered")

    response = admin_api.get(f"/api/v1/webhooks/{subscription.id}/deliveries")

    assert_matches(openapi, response, "/webhooks/{subscription_id}/deliveries")
    items = response.get_json()["items"]
    assert [item["id"] for item in items] == [newer.id, older.id]
    assert items[0]["event"] == "representation.created" and items[0]["event_id"] == newer.event.uid
    assert items[0]["attempts"] == []


def test_a_delivery_is_sent_again_and_the_attempt_logged(admin_api, openapi):
    delivery = create_webhook_delivery()

    response = admin_api.post(f"/api/v1/webhook-deliveries/{delivery.id}/replay")

    assert response.status_code == 202
    assert_matches(openapi, response, "/webhook-deliveries/{delivery_id}/replay", "post")
    db.session.expire_all()
    [attempt] = db.session.get(WebhookDelivery, delivery.id).attempts  # 192.0.2.10 is refused before connecting
    assert attempt.status_code is None and "reserved address" in attempt.error


def test_an_admin_removes_an_endpoint(admin_api, openapi):
    subscription = create_webhook()
    create_webhook_delivery(subscription)

    response = admin_api.delete(f"/api/v1/webhooks/{subscription.id}")

    assert response.status_code == 204
    assert str(response.status_code) in openapi["paths"]["/webhooks/{subscription_id}"]["delete"]["responses"]
    assert db.session.scalar(select(func.count()).select_from(WebhookSubscription)) == 0
    missing = admin_api.delete(f"/api/v1/webhooks/{subscription.id}")
    assert missing.status_code == 404 and missing.get_json()["detail"].startswith("There is no webhook with the id")


def test_officers_cannot_see_or_add_endpoints(officer_api):
    assert officer_api.get("/api/v1/webhooks").status_code == 403
    assert officer_api.post("/api/v1/webhooks", json=BODY).status_code == 403
