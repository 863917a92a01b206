"""`flask send-reminders` emails officers through a real local SMTP server (aiosmtpd)."""

import socket
from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from engage.extensions import db
from engage.models import Action, Engagement, utcnow
from tests.factories import create_authority, create_engagement, create_plan, create_user


class Collect(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)

    def prepare_message(self, session, envelope):
        return message_from_bytes(envelope.content, policy=policy.default)


@pytest.fixture
def smtp(app, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", False)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    yield handler
    controller.stop()


def test_send_reminders_emails_upcoming_engagements_and_overdue_actions_once(app, smtp):
    create_plan()
    officer = create_user(email="lead@watford.example")
    create_user(role="viewer", email="viewer@watford.example")
    create_user(email="dacorum@example.gov.uk", authority=create_authority("DBC", "Dacorum"))
    upcoming = create_engagement(
        title="Forum tomorrow", status="planned", outcome="", starts_at=utcnow() + timedelta(hours=20)
    )
    create_engagement(title="Next month", status="planned", outcome="", starts_at=utcnow() + timedelta(days=30))
    db.session.add(
        Action(
            engagement=upcoming,
            description="Send the minutes",
            owner_authority=create_authority(),
            due_on=date(2026, 1, 2),
        )
    )
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 reminder emails" in result.output
    assert [m["To"] for m in smtp.messages] == [officer.email]
    message = smtp.messages[0]
    assert message["Subject"] == "Engage: 1 engagement coming up and 1 overdue action"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Forum tomorrow" in text and "Send the minutes" in text and "Next month" not in text
    assert "Forum tomorrow</a>" in html

    assert app.test_cli_runner().invoke(args=["send-reminders"]).exit_code == 0
    assert len(smtp.messages) == 1  # not reminded twice on the same day
    assert db.session.get(Engagement, upcoming.id).reminded_at is not None


def test_with_redis_reminders_are_queued_and_a_worker_sends_them(app, smtp, redis_queue):
    from rq import SimpleWorker

    create_plan()
    create_user(email="lead@watford.example")
    create_engagement(title="Forum tomorrow", status="planned", outcome="", starts_at=utcnow() + timedelta(hours=20))

    result = app.test_cli_runner().invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Reminders queued as job" in result.output
    assert smtp.messages == [] and redis_queue.count == 1

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    assert [m["To"] for m in smtp.messages] == ["lead@watford.example"]
    assert "Forum tomorrow" in smtp.messages[0].get_body(("plain",)).get_content()
