"""The mail server down or refusing email: responses are still saved and confirmed; the worker tries the
acknowledgement again with back-off and records it as failed when the retries run out; invitations say which
emails failed and why, and inviting again sends them."""

from datetime import UTC, datetime, timedelta

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from engage import jobs
from engage.extensions import db
from engage.models import AcknowledgementDue, AuditEvent, Invitation, Respondent
from engage.respond.emails import FAILED
from tests.factories import create_consultation, create_stakeholder
from tests.faults.cluster import free_port
from tests.pages import get_page, post_form
from tests.respond.helpers import fill_about_you, fill_item, submit


class Refusing:
    """An SMTP server that answers every message with "451 try again later" until `accept` is set."""

    def __init__(self):
        self.accept = False
        self.refuse_address = False
        self.attempts = 0
        self.delivered = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_address:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if not self.accept:
            return "451 4.3.0 Try again later"
        self.delivered.append(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def mail_server(app, monkeypatch):
    port = free_port()
    handler = Refusing()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", False)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    yield handler
    controller.stop()


@pytest.fixture
def mail_server_down(app, monkeypatch):
    """Nothing listens where the mail server should be: every connection is refused."""
    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", False)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", free_port())


def _respond(client) -> None:
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    response = submit(client, consultation, follow_redirects=True)
    assert response.status_code == 200 and "Response sent" in response.get_data(as_text=True)


def _failures() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent.summary).where(AuditEvent.action == FAILED)))


def test_with_the_mail_server_down_the_response_is_saved_and_the_failed_acknowledgement_recorded(
    client, mail_server_down
):
    _respond(client)

    respondent = db.session.scalar(select(Respondent))
    assert respondent is not None and len(respondent.representations) == 1
    assert _failures() == [
        f"{respondent.reference}: the acknowledgement email could not be sent. The mail server could not be reached."
    ]


def test_a_refused_address_is_recorded_and_logged_without_the_address(client, mail_server, caplog):
    mail_server.refuse_address = True

    _respond(client)

    [failure] = _failures()
    assert failure.endswith("The mail server refused the email address.")
    assert "Could not send the acknowledgement" in caplog.text and "alex@example.com" not in caplog.text


def _scheduled(queue) -> tuple[str, datetime]:
    [job_id] = queue.scheduled_job_registry.get_job_ids()
    return job_id, queue.scheduled_job_registry.get_scheduled_time(job_id)


def test_with_redis_the_worker_tries_the_acknowledgement_again_later_and_it_is_sent(
    app, client, redis_queue, mail_server
):
    from rq.job import Job

    _respond(client)
    assert mail_server.attempts == 0 and redis_queue.count == 1

    started = datetime.now(UTC)
    jobs.work(burst=True, simple=True)

    assert mail_server.attempts == 1 and _failures() == []
    job_id, scheduled = _scheduled(redis_queue)
    due = _due()
    assert due.attempts == 1 and timedelta(seconds=55) <= due.due_at - started <= timedelta(seconds=65)  # 60 s first
    assert abs(scheduled - due.due_at) < timedelta(seconds=1)  # the run is scheduled for when it is due

    mail_server.accept = True
    db.session.execute(update(AcknowledgementDue).values(due_at=started))  # as if the minute had passed
    db.session.commit()
    redis_queue.scheduled_job_registry.schedule(Job.fetch(job_id, connection=redis_queue.connection), started)
    jobs.work(burst=True, simple=True)  # its scheduler puts the run back on the queue: it is due

    assert mail_server.attempts == 2 and mail_server.delivered == [["alex@example.com"]]
    assert _failures() == [] and _due() is None


def _due() -> AcknowledgementDue | None:
    db.session.expire_all()
    return db.session.scalar(select(AcknowledgementDue))


def test_an_acknowledgement_refused_every_time_is_recorded_as_failed_after_the_retries(
    app, client, redis_queue, mail_server, monkeypatch
):
    monkeypatch.setitem(app.config, "ACKNOWLEDGEMENT_RETRY_AFTER", (0, 0, 0))
    _respond(client)

    jobs.work(burst=True, simple=True)

    assert mail_server.attempts == 4  # the first attempt and three retries
    assert _due() is None  # given up on: out of the outbox
    [failure] = _failures()
    assert failure.endswith("could not be sent. The mail server refused the email (SMTP error 451).")
    assert db.session.scalar(select(Respondent)) is not None


def _invite(officer_client, consultation):
    return post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "email"},
        {"consultation_id": consultation.id},
        follow_redirects=True,
    )


def test_invitations_the_mail_server_refused_show_failed_with_the_reason_and_inviting_again_sends_them(
    officer_client, mail_server
):
    consultation = create_consultation()
    people = [create_stakeholder(registers=["mps"]) for _ in range(2)]

    page = _invite(officer_client, consultation).get_data(as_text=True)

    assert "Sending finished: 0 sent, 2 could not be sent." in page
    table = get_page(officer_client, "consultations.invitations", consultation_id=consultation.id).select_one("table")
    statuses = [row.select("td")[2].get_text(strip=True) for row in table.select("tbody tr")]
    assert statuses == ["Failed: The mail server refused the email (SMTP error 451)"] * 2

    mail_server.accept = True
    assert "Sending finished: 2 sent, 0 could not be sent." in _invite(officer_client, consultation).get_data(
        as_text=True
    )
    db.session.expire_all()
    invitations = list(db.session.scalars(select(Invitation)))
    assert sorted(i.stakeholder_id for i in invitations) == sorted(p.id for p in people)  # no second row each
    assert {(i.status, i.details.get("error")) for i in invitations} == {("sent", None)}
    assert len(mail_server.delivered) == 2
