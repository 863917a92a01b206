"""Administrators' webhooks: register an endpoint for some events, remove it, send a delivery again; the sweep
that `flask send-webhooks` runs. Each write checks everything first and commits last."""

import secrets
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select

from engage.common import audit
from engage.common.schemas import MAX_ID, is_storable
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import WebhookAttempt, WebhookDelivery, WebhookSubscription, utcnow
from engage.vocab import DeliveryStatus, WebhookEventType
from engage.webhooks import events, outbox
from engage.webhooks.addresses import AddressRefused, check_url
from engage.webhooks.delivery import retry_due

EVENTS_MESSAGE = "Select at least one event to send"
DESCRIPTION_LIMIT = 200
UNSENT_AFTER = timedelta(minutes=10)  # a delivery never tried this long after its commit is queued by the sweep


def find_subscription(subscription_id: int) -> WebhookSubscription | None:
    return db.session.get(WebhookSubscription, subscription_id) if 1 <= subscription_id <= MAX_ID else None


def find_delivery(delivery_id: int) -> WebhookDelivery | None:
    return db.session.get(WebhookDelivery, delivery_id) if 1 <= delivery_id <= MAX_ID else None


def subscriptions_query():
    return select(WebhookSubscription).order_by(WebhookSubscription.id)


def subscriptions() -> list[WebhookSubscription]:
    return list(db.session.scalars(subscriptions_query()))


def deliveries_query(subscription: WebhookSubscription):
    return (
        select(WebhookDelivery)
        .where(WebhookDelivery.subscription_id == subscription.id)
        .order_by(WebhookDelivery.id.desc())
    )


def failed_counts() -> dict[int, int]:
    """{subscription id: deliveries that failed}, for the list of endpoints."""
    rows = db.session.execute(
        select(WebhookDelivery.subscription_id, func.count())
        .where(WebhookDelivery.status == DeliveryStatus.FAILED)
        .group_by(WebhookDelivery.subscription_id)
    )
    return {subscription_id: count for subscription_id, count in rows}


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    url = data.get("url") if isinstance(data.get("url"), str) else ""
    if not url.strip():
        errors["url"] = ["Enter the web address to send events to"]
    else:
        try:
            url = check_url(url)
        except AddressRefused as error:
            errors["url"] = [str(error)]
    chosen = data.get("events")
    chosen = [chosen] if isinstance(chosen, str) else chosen if isinstance(chosen, list) else []
    wanted = [str(value).strip() for value in chosen if isinstance(value, str)]
    if not wanted:
        errors["events"] = [EVENTS_MESSAGE]
    elif any(value not in WebhookEventType.values() for value in wanted):
        errors["events"] = [f"Select events from the list: {', '.join(WebhookEventType.values())}"]
    description = data.get("description") or ""
    if not isinstance(description, str) or not is_storable(description) or len(description) > DESCRIPTION_LIMIT:
        errors["description"] = [f"Description must be text of {DESCRIPTION_LIMIT} characters or fewer"]
    if errors:
        raise ValidationError(errors)
    ordered = [value for value in WebhookEventType.values() if value in wanted]
    return {"url": url, "events": ordered, "description": description.strip()}


def create_subscription(data: dict[str, Any], *, user=None) -> tuple[WebhookSubscription, str]:
    """The new endpoint and its signing secret (shown once: the caller shows it now, and nothing shows it again)."""
    values = _clean(data)
    secret = "whsec_" + secrets.token_urlsafe(32)
    subscription = WebhookSubscription(**values, secret=secret, created_by_id=getattr(user, "id", None))
    db.session.add(subscription)
    db.session.flush()
    audit.record(
        "create", "webhook_subscription", subscription.id, f"{subscription.url}: {', '.join(values['events'])}",
        user=user,
    )  # fmt: skip
    db.session.commit()
    return subscription, secret


def delete_subscription(subscription: WebhookSubscription, *, user=None) -> None:
    """Remove the endpoint with its deliveries and their log (in bulk: SQLite does not enforce the cascade)."""
    audit.record("delete", "webhook_subscription", subscription.id, subscription.url, user=user)
    deliveries = select(WebhookDelivery.id).where(WebhookDelivery.subscription_id == subscription.id)
    db.session.execute(delete(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(deliveries)))
    db.session.execute(delete(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription.id))
    db.session.delete(subscription)
    db.session.commit()


def replay_delivery(delivery: WebhookDelivery, *, user=None) -> None:
    """Send the delivery again, with the same event id and body (and a new signature), after the commit."""
    delivery.status = DeliveryStatus.PENDING
    delivery.delivered_at = None
    audit.record("replay", "webhook_delivery", delivery.id, f"{delivery.event.type} {delivery.event.uid}", user=user)
    outbox.queue_after_commit([delivery.id])
    db.session.commit()


def retries_due(now) -> list[int]:
    """Without Redis: deliveries that failed in the request and whose wait before the next attempt has passed."""
    tried = db.session.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.status == DeliveryStatus.PENDING, WebhookDelivery.attempt_count > 0)
        .order_by(WebhookDelivery.id)
    )
    return [delivery.id for delivery in tried if retry_due(delivery, now)]


def sweep() -> tuple[int, int]:
    """Record consultation.closed for consultations that have just closed, and send deliveries whose queuing was
    lost and (without Redis; the worker retries its own) those due to be tried again; (events recorded, deliveries
    sent or queued)."""
    now = utcnow()
    closed = events.consultations_closed(now)
    db.session.commit()
    waiting = outbox.unsent_deliveries(now - UNSENT_AFTER)
    if not current_app.config.get("REDIS_URL"):
        waiting += retries_due(now)
    outbox.send(waiting)
    return closed, outbox.send_committed() + len(waiting)
