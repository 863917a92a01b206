"""The outbox: events are written in the same transaction as the change they describe, and sent after it commits.

`emit(type, subject, data)` adds the event and one pending delivery for each endpoint that wants it to the
session; the caller's commit writes them with its change (a rollback drops them). When the app context ends (the
end of the request, or of a command), the deliveries it committed are sent (`send`): with Redis, each is queued
with engage.jobs.enqueue_call for the worker, which tries again with back-off (WEBHOOK_RETRY_AFTER); without it,
they are sent in turn by a thread of the serving process (WEBHOOK_SEND_IN_BACKGROUND), so the answer never waits
for an endpoint, each with a short timeout (WEBHOOK_TIMEOUT); an endpoint that fails is not tried again by that
thread, and `flask send-webhooks` (cron) tries failed ones again with the same back-off. The sweep also sends
any delivery whose sending was lost (the process stopped after the commit) and records consultations that have
closed. A failing endpoint never undoes the change, which is already committed, and nothing here raises.
"""

import json
import logging
import threading
import uuid
from typing import Any

from flask import Flask, current_app
from sqlalchemy import event, exists, select
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


# Whether any endpoint is registered, as a column of a query the caller runs anyway in the transaction that may
# emit (the public send reads it with the response: engage.respond.queries.open_with_draft); `registered(False)`
# then spares `subscribers` its own statement. Almost every council runs without webhooks.
ANY_REGISTERED = exists(select(WebhookSubscription.id)).label("any_webhook_endpoint")


def registered(any_endpoint: bool) -> None:
    """What ANY_REGISTERED read in this transaction: when no endpoint is registered, nothing wants any event."""
    if not any_endpoint:
        db.session.info.setdefault(ENDPOINTS, [])


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
    send(ready)
    return len(ready)


def send(delivery_ids: list[int]) -> threading.Thread | None:
    """With Redis, queue each delivery for the worker. Without it, send them in turn (deliver_in_turn) from a
    thread with an app context of its own, so the request that committed them is answered without waiting; once an
    endpoint fails, its other deliveries wait for `flask send-webhooks`. The thread, when one is started."""
    if current_app.config.get("REDIS_URL"):
        for delivery_id in delivery_ids:
            queue(delivery_id)
    elif delivery_ids and current_app.config["WEBHOOK_SEND_IN_BACKGROUND"]:
        app = current_app._get_current_object()
        sender = threading.Thread(target=_send_in_turn, args=(app, delivery_ids), name="webhooks", daemon=True)
        sender.start()
        return sender
    elif delivery_ids:
        _send_in_turn(None, delivery_ids)
    return None


def _send_in_turn(app: Flask | None, delivery_ids: list[int]) -> None:
    from engage.webhooks.delivery import deliver_in_turn

    try:
        if app is None:
            deliver_in_turn(delivery_ids)
        else:
            with app.app_context():
                deliver_in_turn(delivery_ids)
    except Exception:
        log.exception("Could not send webhook deliveries %s", delivery_ids)


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
