"""The outbox: events are written in the same transaction as the change they describe, and sent after it commits.

`emit(type, subject, data)` adds the event and one pending delivery for each endpoint that wants it to the
session; the caller's commit writes them with its change (a rollback drops them). After the commit, when the app
context ends (the end of the request, or of a command), each delivery is queued with engage.jobs.enqueue_call: on
the worker when Redis is configured, tried again with back-off (WEBHOOK_RETRY_AFTER); inline without it, once,
with a short timeout. `flask send-webhooks` (cron) queues any delivery still unsent a while after its commit, and
records consultations that have closed. A delivery that fails never undoes or delays the change: it is already
committed, and queuing never raises.
"""

import json
import logging
import uuid
from typing import Any

from flask import Flask, current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from engage import jobs
from engage.common.dates import iso_datetime
from engage.extensions import db
from engage.models import WebhookDelivery, WebhookEvent, WebhookSubscription, utcnow
from engage.vocab import DeliveryStatus, WebhookEventType

log = logging.getLogger(__name__)
UNSENT = "webhook_deliveries_unsent"  # session.info: ids of deliveries added in the open transaction
COMMITTED = "webhook_deliveries_committed"  # ids committed, to queue when the app context ends
ENDPOINTS = "webhook_subscriptions"  # the endpoints, as read in the open transaction


def subscribers(event_type: str) -> list[WebhookSubscription]:
    """The endpoints that want the event: read once a transaction (a response of many representations emits an
    event for each), and read again after its commit or rollback."""
    endpoints = db.session.info.get(ENDPOINTS)
    if endpoints is None:
        endpoints = db.session.info[ENDPOINTS] = list(db.session.scalars(select(WebhookSubscription)))
    return [subscription for subscription in endpoints if event_type in (subscription.events or [])]


def emit(event_type: WebhookEventType, subject: str, data: dict[str, Any], *, always: bool = False) -> None:
    """Record the event for every endpoint that wants it (nothing when none does, unless `always`)."""
    wanted = subscribers(event_type)
    if not wanted and not always:
        return
    moment = utcnow()
    uid = str(uuid.uuid4())
    body = {"id": uid, "type": str(event_type), "created_at": iso_datetime(moment), "data": data}
    record = WebhookEvent(
        uid=uid, type=str(event_type), subject=subject, body=json.dumps(body, separators=(",", ":")), created_at=moment
    )
    record.deliveries = [WebhookDelivery(subscription=subscription, created_at=moment) for subscription in wanted]
    db.session.add(record)
    db.session.flush()
    queue_after_commit([delivery.id for delivery in record.deliveries])


def queue_after_commit(delivery_ids: list[int]) -> None:
    """Send these deliveries once the session's transaction commits."""
    db.session.info.setdefault(UNSENT, []).extend(delivery_ids)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    session.info.pop(ENDPOINTS, None)
    unsent = session.info.pop(UNSENT, None)
    if unsent:
        session.info.setdefault(COMMITTED, []).extend(unsent)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(ENDPOINTS, None)
    session.info.pop(UNSENT, None)


def send_committed() -> int:
    """Queue the deliveries this app context's session has committed; how many. Never raises."""
    if not db.session.registry.has():
        return 0
    ready = db.session.info.pop(COMMITTED, None) or []
    for delivery_id in ready:
        queue(delivery_id)
    return len(ready)


def queue(delivery_id: int) -> None:
    from engage.webhooks.delivery import deliver

    try:
        jobs.enqueue_call(deliver, delivery_id, retry_after=current_app.config["WEBHOOK_RETRY_AFTER"])
    except Exception:
        log.exception("Could not queue webhook delivery %s", delivery_id)


def register(app: Flask) -> None:
    """Queue committed deliveries when each app context ends. Teardown functions run in the reverse order of
    registration, so this is registered last (engage.setup.register_outbox): it runs while the session that
    committed is still there, before engage.errors.end_session and Flask-SQLAlchemy remove it."""

    @app.teardown_appcontext
    def send_deliveries(exception: BaseException | None = None) -> None:
        if exception is None:
            send_committed()


def unsent_deliveries(older_than: Any) -> list[int]:
    """Deliveries never tried, committed before `older_than` (their queuing was lost, e.g. the process stopped)."""
    query = select(WebhookDelivery.id).where(
        WebhookDelivery.status == DeliveryStatus.PENDING,
        WebhookDelivery.attempt_count == 0,
        WebhookDelivery.created_at < older_than,
    )
    return list(db.session.scalars(query.order_by(WebhookDelivery.id)))
