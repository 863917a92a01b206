"""Deliveries are signed, logged attempt by attempt, tried again with back-off, and can be sent again."""

import json
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage import jobs
from engage.extensions import db
from engage.models import WebhookAttempt, WebhookDelivery, WebhookEvent, utcnow
from engage.representations.services import key_in
from engage.webhooks import delivery as sending
from engage.webhooks import outbox, services
from engage.webhooks.addresses import PRIVATE_MESSAGE
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you, fill_item, submit
from tests.webhooks.conftest import PUBLIC_ADDRESS

PERSON = {"first_name": "Pat", "last_name": "Letter", "address": "1 High Street, Watford"}
ITEM = {"part": "Policy SP1", "nature": "object", "comment": "Too many homes."}


def _subscribe(url: str, events=("representation.created",)):
    return services.create_subscription({"url": url, "events": list(events)})


def _record_representation():
    consultation = create_consultation()
    return key_in(consultation, PERSON, None, ITEM, channel="post", received_at=utcnow())


def _only_delivery() -> WebhookDelivery:
    [found] = db.session.scalars(select(WebhookDelivery))
    return found


def test_a_receiver_can_verify_the_signature_of_what_it_is_sent(receiver):
    subscription, secret = _subscribe(receiver.url)
    respondent = _record_representation()

    assert outbox.send_committed() == 1

    [request] = receiver.requests
    headers, body = request["headers"], request["body"]
    assert request["path"] == "/engage-events"
    assert sending.verify(secret, headers["Engage-Signature"], body)
    assert not sending.verify("whsec_another-secret", headers["Engage-Signature"], body)
    assert not sending.verify(secret, headers["Engage-Signature"], body + b" ")
    timestamp = int(headers["Engage-Signature"].split(",")[0].removeprefix("t="))
    assert abs(time.time() - timestamp) < 60
    assert not sending.verify(secret, headers["Engage-Signature"], body, now=timestamp + 301)
    event = json.loads(body)
    assert event["type"] == headers["Engage-Event"] == "representation.created"
    assert event["id"] == headers["Engage-Event-Id"]
    assert event["data"]["reference"] == respondent.representations[0].reference
    assert "Pat" not in body.decode() and "High Street" not in body.decode()  # no personal data
    delivery = _only_delivery()
    assert (delivery.status, delivery.attempt_count, delivery.subscription_id) == ("delivered", 1, subscription.id)
    [attempt] = delivery.attempts
    assert attempt.status_code == 200 and attempt.error == "" and attempt.duration_ms >= 0


def test_the_signature_is_hmac_sha256_over_the_timestamp_and_the_body():
    import hashlib
    import hmac

    expected = hmac.new(b"whsec_k", b"1767225600.{}", hashlib.sha256).hexdigest()
    assert sending.signature_header("whsec_k", 1767225600, b"{}") == f"t=1767225600,v1={expected}"


def test_a_refused_delivery_is_logged_and_raised_for_the_worker_to_try_again_until_the_last_attempt(
    receiver, monkeypatch
):
    _subscribe(receiver.url)
    _record_representation()
    receiver.status = 503
    delivery_id = _only_delivery().id
    monkeypatch.setattr(sending, "on_worker", lambda: True)
    monkeypatch.setattr(jobs, "last_attempt", lambda: False)

    for _ in range(2):
        with pytest.raises(sending.DeliveryFailed):
            sending.deliver(delivery_id)
    delivery = _only_delivery()
    assert (delivery.status, delivery.attempt_count) == ("pending", 2)

    monkeypatch.setattr(jobs, "last_attempt", lambda: True)
    assert sending.deliver(delivery_id) is False

    delivery = _only_delivery()
    assert (delivery.status, delivery.attempt_count) == ("failed", 3)
    assert [(a.status_code, a.error) for a in delivery.attempts] == [(503, "The endpoint answered 503")] * 3
    assert len(receiver.requests) == 3


def test_without_redis_a_failed_delivery_is_tried_again_by_the_sweep_after_each_wait(app, receiver, monkeypatch):
    monkeypatch.setitem(app.config, "WEBHOOK_RETRY_AFTER", (60, 600))
    _subscribe(receiver.url)
    _record_representation()
    receiver.status = 500
    outbox.send_committed()
    assert (_only_delivery().status, _only_delivery().attempt_count) == ("pending", 1)

    assert services.sweep() == (0, 0)  # the first wait has not passed
    _age_last_attempt(59)
    assert services.sweep() == (0, 0)
    _age_last_attempt(61)
    assert services.sweep() == (0, 1)
    assert (_only_delivery().status, _only_delivery().attempt_count) == ("pending", 2)
    _age_last_attempt(61)
    assert services.sweep() == (0, 0)  # the second wait is ten minutes
    _age_last_attempt(601)
    assert services.sweep() == (0, 1)

    delivery = _only_delivery()
    assert (delivery.status, delivery.attempt_count, len(receiver.requests)) == ("failed", 3, 3)
    _age_last_attempt(100_000)
    assert services.sweep() == (0, 0)


def _age_last_attempt(seconds: int) -> None:
    delivery = _only_delivery()
    delivery.last_attempt_at = utcnow() - timedelta(seconds=seconds)
    db.session.commit()


def test_without_redis_an_endpoint_that_fails_is_tried_once_a_request_and_the_rest_wait(
    app, client, receiver, monkeypatch
):
    _subscribe(receiver.url)
    receiver.delay = 1.0
    monkeypatch.setitem(app.config, "WEBHOOK_TIMEOUT", 0.3)
    consultation = create_consultation(
        parts=[{"ref": f"Policy SP{number}", "title": "Housing", "kind": "policy"} for number in (1, 2, 3)]
    )
    fill_about_you(client, consultation)
    for number in (1, 2, 3):  # a response is about each part once
        fill_item(client, consultation, number, part=f"Policy SP{number}")

    started = time.monotonic()
    assert submit(client, consultation).status_code == 302
    took = time.monotonic() - started

    assert took < 0.9  # one timeout, not three
    deliveries = db.session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)).all()
    assert [d.attempt_count for d in deliveries] == [1, 0, 0]
    assert outbox.unsent_deliveries(utcnow() + timedelta(minutes=11)) == [d.id for d in deliveries[1:]]


def test_deliveries_are_queued_with_the_back_off_from_the_config(app, receiver, monkeypatch):
    queued = []
    monkeypatch.setitem(app.config, "REDIS_URL", "redis://queue.example.org:6379/0")
    monkeypatch.setattr(jobs, "enqueue_call", lambda func, *args, **kwargs: queued.append((func, args, kwargs)))
    monkeypatch.setitem(app.config, "WEBHOOK_RETRY_AFTER", (10, 100, 1000))
    _subscribe(receiver.url)
    _record_representation()

    outbox.send_committed()

    [(func, args, kwargs)] = queued
    assert func is sending.deliver and args == (_only_delivery().id,) and kwargs == {"retry_after": (10, 100, 1000)}
    assert receiver.requests == []


def test_with_redis_a_delivery_goes_on_the_queue_with_its_retries(receiver, redis_queue):
    _subscribe(receiver.url)
    _record_representation()

    outbox.send_committed()

    [job] = redis_queue.jobs
    assert job.args[1] == _only_delivery().id
    assert job.retries_left == 5 and job.retry_intervals == [30, 300, 1800, 7200, 21600]
    assert receiver.requests == []


def test_a_failed_delivery_can_be_sent_again_with_the_same_event_id(receiver):
    _subscribe(receiver.url)
    _record_representation()
    receiver.status = 500
    outbox.send_committed()
    delivery = _only_delivery()
    delivery.status = "failed"  # as after its last attempt
    db.session.commit()

    receiver.status = 204
    services.replay_delivery(delivery)
    outbox.send_committed()

    delivery = _only_delivery()
    assert delivery.status == "delivered" and delivery.delivered_at is not None
    assert [a.status_code for a in delivery.attempts] == [500, 204]
    first, second = receiver.requests
    assert first["headers"]["Engage-Event-Id"] == second["headers"]["Engage-Event-Id"]
    assert first["body"] == second["body"]


def test_an_endpoint_that_does_not_answer_in_time_is_logged_as_a_failure(app, receiver, monkeypatch):
    _subscribe(receiver.url)
    _record_representation()
    receiver.delay = 1.5
    monkeypatch.setitem(app.config, "WEBHOOK_TIMEOUT", 0.3)

    started = time.monotonic()
    outbox.send_committed()
    took = time.monotonic() - started

    assert took < 1.2
    [attempt] = _only_delivery().attempts
    assert attempt.status_code is None and attempt.error == "No answer within 0.3 seconds"


def test_a_name_that_resolves_inside_the_network_at_delivery_time_is_not_followed(dns, receiver, app, monkeypatch):
    dns["hooks.example.org"] = [PUBLIC_ADDRESS]
    monkeypatch.setitem(app.config, "WEBHOOKS_ALLOW_LOCAL", False)
    _subscribe("https://hooks.example.org/events")
    _record_representation()
    dns["hooks.example.org"] = ["127.0.0.1"]  # rebound after the check at registration

    outbox.send_committed()

    [attempt] = _only_delivery().attempts
    assert attempt.status_code is None
    assert attempt.error == PRIVATE_MESSAGE.format(host="hooks.example.org", address="127.0.0.1")
    assert receiver.requests == []


def test_a_delivery_already_delivered_or_of_a_removed_endpoint_is_left_alone(receiver):
    subscription, _ = _subscribe(receiver.url)
    _record_representation()
    outbox.send_committed()
    delivery_id = _only_delivery().id

    assert sending.deliver(delivery_id) is False
    services.delete_subscription(subscription)
    assert sending.deliver(delivery_id) is False
    assert len(receiver.requests) == 1
    assert db.session.scalars(select(WebhookAttempt)).all() == []
    assert db.session.scalars(select(WebhookEvent)).all() != []
