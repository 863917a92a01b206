"""Without Redis, the request that records a response is answered before any webhook endpoint is called."""

import threading

from sqlalchemy import select

from engage.extensions import db
from engage.models import WebhookDelivery
from engage.webhooks import services
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you, fill_item, submit


def test_the_respondent_is_answered_while_the_endpoint_is_still_thinking(app, client, receiver, monkeypatch):
    monkeypatch.setitem(app.config, "WEBHOOK_SEND_IN_BACKGROUND", True)
    answer = threading.Event()
    receiver.delay = 0
    original = receiver.server.RequestHandlerClass.do_POST

    def held(handler):
        answer.wait(10)
        original(handler)

    monkeypatch.setattr(receiver.server.RequestHandlerClass, "do_POST", held)
    services.create_subscription({"url": receiver.url, "events": ["representation.created"]})
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    response = submit(client, consultation)

    assert response.status_code == 302
    assert receiver.requests == []  # the endpoint has not answered, and the respondent already has theirs
    [sender] = [thread for thread in threading.enumerate() if thread.name == "webhooks"]
    answer.set()
    sender.join(10)
    assert not sender.is_alive()
    assert len(receiver.requests) == 1
    db.session.expire_all()
    [delivery] = db.session.scalars(select(WebhookDelivery))
    assert delivery.status == "delivered"
