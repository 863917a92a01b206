"""Administrators add endpoints (the secret shown once), see deliveries and their attempts, send one again and
remove an endpoint."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import AuditEvent, WebhookAttempt, WebhookDelivery, WebhookSubscription
from engage.webhooks import services
from tests.factories import create_webhook, create_webhook_delivery
from tests.pages import error_summary, get_page, parse, post_form
from tests.webhooks.conftest import PUBLIC_ADDRESS

NEW = {"url": "https://hooks.example.org/engage", "description": "Planning portal", "events": ["scg.signed"]}


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(WebhookSubscription))


def test_the_list_shows_each_endpoint_its_events_and_failed_deliveries(admin_client):
    subscription = create_webhook(events=["representation.created", "scg.signed"])
    create_webhook_delivery(subscription, status="failed")
    create_webhook_delivery(subscription, status="delivered")

    page = get_page(admin_client, "webhooks.index")

    [row] = page.select("tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.select("td")]
    assert cells == [
        "https://192.0.2.10/engage-events",
        "Test receiver",
        "A representation is recorded; A Statement of Common Ground version is signed",
        "1",
    ]


def test_the_add_page_asks_for_the_address_and_the_events(admin_client):
    page = get_page(admin_client, "webhooks.new")
    assert page.select_one("input#url")["type"] == "url"
    assert [box["value"] for box in page.select("input[name=events]")] == [
        "representation.created",
        "consultation.published",
        "consultation.closed",
        "engagement.held",
        "scg.signed",
    ]


def test_adding_an_endpoint_shows_its_secret_once(admin_client, dns):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]

    response = post_form(admin_client, "webhooks.new", NEW)

    assert response.status_code == 201 and response.headers["Cache-Control"] == "no-store"
    secret = parse(response).select_one("#signing-secret").get_text(strip=True)
    subscription = db.session.scalar(select(WebhookSubscription))
    assert subscription.secret == secret and subscription.events == ["scg.signed"]
    assert subscription.created_by_id == admin_client.user.id
    shown = get_page(admin_client, "webhooks.show", subscription_id=subscription.id)
    assert secret not in str(shown) and secret not in str(get_page(admin_client, "webhooks.index"))
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.entity_type == "webhook_subscription"))


def test_an_address_inside_the_network_is_refused_next_to_the_field_and_nothing_is_saved(admin_client):
    response = post_form(admin_client, "webhooks.new", {**NEW, "url": "https://169.254.169.254/latest"})

    page = parse(response)
    assert response.status_code == 200
    assert page.title.get_text(strip=True).startswith("Error: ")
    message = page.select_one("#url-error").get_text(strip=True)
    assert "169.254.169.254 resolves to 169.254.169.254" in message and "link-local" in message
    assert page.select_one("input#url")["value"] == "https://169.254.169.254/latest"
    assert page.select_one("input[name=events][value='scg.signed']").has_attr("checked")
    assert _count() == 0


def test_an_address_that_is_not_https_and_no_events_are_both_reported(admin_client):
    response = post_form(admin_client, "webhooks.new", {"url": "http://hooks.example.org/engage"})

    assert error_summary(parse(response)) == [
        "Enter a web address that starts with https://, like https://example.org/engage-events",
        "Select at least one event to send",
    ]
    assert _count() == 0


def test_an_endpoint_page_lists_its_deliveries_and_a_delivery_page_its_attempts(admin_client):
    delivery = create_webhook_delivery()
    delivery.attempts.append(WebhookAttempt(status_code=502, error="The endpoint answered 502", duration_ms=41))
    db.session.commit()

    page = get_page(admin_client, "webhooks.show", subscription_id=delivery.subscription_id)
    [row] = page.select("tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.select("td")]
    assert (cells[0], cells[2], cells[3]) == ("representation.created", "Failed", "1")

    page = get_page(admin_client, "webhooks.delivery", delivery_id=delivery.id)
    [attempt] = page.select("tbody tr")
    cells = [cell.get_text(strip=True) for cell in attempt.select("td")]
    assert cells[1:] == ["502", "The endpoint answered 502", "41 ms"]
    assert delivery.event.uid in page.get_text()


def test_sending_a_delivery_again_from_its_page_logs_a_new_attempt(admin_client, receiver):
    subscription, _ = services.create_subscription({"url": receiver.url, "events": ["representation.created"]})
    delivery = create_webhook_delivery(subscription, status="failed")

    response = post_form(admin_client, "webhooks.replay", {}, {"delivery_id": delivery.id})

    assert response.status_code == 302 and response.headers["Location"].endswith(f"/deliveries/{delivery.id}")
    db.session.expire_all()
    delivery = db.session.get(WebhookDelivery, delivery.id)
    assert delivery.status == "delivered" and [a.status_code for a in delivery.attempts] == [200]
    assert receiver.requests[0]["headers"]["Engage-Event-Id"] == delivery.event.uid


def test_removing_an_endpoint_deletes_it_with_its_deliveries(admin_client):
    delivery = create_webhook_delivery()
    subscription_id = delivery.subscription_id
    page = get_page(admin_client, "webhooks.delete", subscription_id=subscription_id)
    assert "Are you sure you want to remove" in page.h1.get_text()

    response = post_form(admin_client, "webhooks.delete", {}, {"subscription_id": subscription_id})

    assert response.status_code == 302
    assert _count() == 0
    assert db.session.scalar(select(func.count()).select_from(WebhookDelivery)) == 0


def test_an_unknown_endpoint_or_delivery_is_not_found(admin_client):
    for endpoint, kwargs in (
        ("webhooks.show", {"subscription_id": 99}),
        ("webhooks.show", {"subscription_id": 2**31}),
        ("webhooks.delivery", {"delivery_id": 99}),
    ):
        get_page(admin_client, endpoint, expected_status=404, **kwargs)
