"""Sending one delivery: sign the event's body, POST it to the endpoint with a short timeout, and log the attempt.

The signature is HMAC-SHA256, keyed with the endpoint's secret, over "<timestamp>.<body>" (the Unix time in seconds,
a full stop, then the exact bytes of the body), sent as `Engage-Signature: t=<timestamp>,v1=<hex digest>`. A
receiver recomputes it over the body it received and refuses a timestamp too far from its own clock, which stops a
captured request being replayed later. `Engage-Event-Id` is the same on every attempt and replay of one event, so a
receiver can ignore one it has already handled.

`deliver(id)` is the job engage.webhooks.outbox queues. Any 2xx answer is success. Otherwise the attempt is logged
and the delivery stays pending until its last attempt (1 + WEBHOOK_RETRY_AFTER): on the worker the job raises, and
RQ runs it again after the next wait; without Redis, `flask send-webhooks` (cron) tries it again once the wait has
passed (`retry_due`). After the last attempt the delivery is marked failed, and an administrator can send it again
from its page.
"""

import hashlib
import hmac
import logging
import time
from datetime import datetime, timedelta

from flask import current_app

from engage import jobs
from engage.extensions import db
from engage.models import WebhookAttempt, WebhookDelivery, utcnow
from engage.vocab import DeliveryStatus
from engage.webhooks.addresses import AddressRefused, pinned_connection, resolve

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "Engage-Signature"
EVENT_ID_HEADER = "Engage-Event-Id"
EVENT_TYPE_HEADER = "Engage-Event"
MAX_ERROR = 500


class DeliveryFailed(Exception):
    """The endpoint did not accept the delivery; the worker tries again later."""


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, now: float | None = None, tolerance: int = 300) -> bool:
    """What a receiver does: the header's signature matches the body, and its time is within `tolerance` seconds."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp = fields.get("t", "")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, int(timestamp), body), fields.get("v1", ""))


def _post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    """(status code, "") when the endpoint answered, (None, why) when it could not be reached or was refused."""
    subscription, event = delivery.subscription, delivery.event
    body = event.body.encode("utf-8")
    try:
        target = resolve(subscription.url)
    except AddressRefused as error:
        return None, str(error)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Engage-Webhooks/1",
        SIGNATURE_HEADER: signature_header(subscription.secret, int(time.time()), body),
        EVENT_ID_HEADER: event.uid,
        EVENT_TYPE_HEADER: event.type,
    }
    connection = pinned_connection(target, current_app.config["WEBHOOK_TIMEOUT"])
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(64 * 1024)
        return response.status, ""
    except TimeoutError:
        return None, f"No answer within {current_app.config['WEBHOOK_TIMEOUT']} seconds"
    except OSError as error:
        return None, f"Could not connect: {type(error).__name__}: {error}"[:MAX_ERROR]
    except Exception as error:  # noqa: BLE001  (a malformed answer is the endpoint's failure, logged like any)
        return None, f"Unexpected answer: {type(error).__name__}"
    finally:
        connection.close()


def deliver_in_turn(delivery_ids: list[int]) -> None:
    """Send each delivery once, here and now (without Redis); skip the rest of an endpoint's after one fails, so
    they wait, never tried, for the sweep (engage.webhooks.services.sweep) instead of each waiting for a timeout."""
    failing: set[int] = set()
    for delivery_id in delivery_ids:
        delivery = db.session.get(WebhookDelivery, delivery_id)
        if delivery is None or delivery.subscription_id in failing:
            continue
        subscription_id = delivery.subscription_id
        if not deliver(delivery_id):
            failing.add(subscription_id)


def on_worker() -> bool:
    """Whether this runs as a job on the RQ worker (which tries a failed job again itself). Without REDIS_URL it
    cannot be, and rq (slow to import) is not loaded."""
    if not current_app.config.get("REDIS_URL"):
        return False
    from rq import get_current_job

    return get_current_job() is not None


def retry_due(delivery: WebhookDelivery, now: datetime) -> bool:
    """Whether a delivery tried and failed in this process (without Redis) is due to be tried again by the sweep,
    after the wait in WEBHOOK_RETRY_AFTER for the attempts made so far."""
    waits = current_app.config["WEBHOOK_RETRY_AFTER"]
    if not delivery.attempt_count or delivery.attempt_count > len(waits) or delivery.last_attempt_at is None:
        return False
    return delivery.last_attempt_at + timedelta(seconds=waits[delivery.attempt_count - 1]) <= now


def _final(delivery: WebhookDelivery, accepted: bool) -> bool:
    """Whether this attempt settles the delivery: it was accepted, or it was the last of 1 + WEBHOOK_RETRY_AFTER."""
    if accepted:
        return True
    if on_worker():
        return jobs.last_attempt()
    return delivery.attempt_count > len(current_app.config["WEBHOOK_RETRY_AFTER"])


def deliver(delivery_id: int) -> bool:
    """Send the delivery once and log the attempt; True when the endpoint accepted it. Safe to run twice: a
    delivery already delivered is left alone, and one whose endpoint was removed is gone with it."""
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.status == DeliveryStatus.DELIVERED:
        return False
    started = time.monotonic()
    status_code, error = _post(delivery)
    now = utcnow()
    accepted = status_code is not None and 200 <= status_code < 300
    if status_code is not None and not accepted:
        error = f"The endpoint answered {status_code}"
    delivery.attempts.append(
        WebhookAttempt(
            attempted_at=now,
            status_code=status_code,
            error=error[:MAX_ERROR],
            duration_ms=int((time.monotonic() - started) * 1000),
        )
    )
    delivery.attempt_count = (delivery.attempt_count or 0) + 1
    delivery.last_attempt_at = now
    final = _final(delivery, accepted)
    if accepted:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
    elif final:
        delivery.status = DeliveryStatus.FAILED
    db.session.commit()
    if not final:
        log.warning("Webhook delivery %s failed (%s): will try again", delivery_id, error)
        if on_worker():
            raise DeliveryFailed(error)
    elif not accepted:
        log.warning("Webhook delivery %s failed (%s): gave up", delivery_id, error)
    return accepted
