"""Redis down while REDIS_URL is set: pages and submissions still work. Jobs run in the request instead of on the
queue and rate limits count in each process's memory, each with a warning in the log; never a 500."""

import logging

import pytest
from sqlalchemy import func, select

from engage import jobs
from engage.extensions import db, limiter
from engage.mail import outbox
from engage.models import Job, Respondent
from tests.factories import create_consultation, create_stakeholder
from tests.faults.cluster import free_port
from tests.pages import post_form
from tests.respond.helpers import fill_about_you, fill_item, submit


@pytest.fixture
def redis_down(app, caplog):
    """REDIS_URL, for jobs and rate limits, names a port where nothing listens."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    app.config.update(REDIS_URL=url, RATELIMIT_STORAGE_URI=url)
    limiter.init_app(app)  # the limiter is shared by every app the tests make: it now counts in that Redis
    caplog.set_level(logging.WARNING)
    yield url
    app.config.update(REDIS_URL=None, RATELIMIT_STORAGE_URI="memory://")
    limiter.init_app(app)
    limiter._storage_dead = False  # Flask-Limiter has no public way to say its storage is back


def _warnings(caplog, logger: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == logger and r.levelno == logging.WARNING]


def test_with_redis_down_a_response_is_saved_and_acknowledged_in_the_request_with_warnings(client, redis_down, caplog):
    outbox.clear()
    consultation = create_consultation()
    assert client.get(f"/consult/{consultation.slug}").status_code == 200

    fill_about_you(client, consultation)
    fill_item(client, consultation)
    response = submit(client, consultation, follow_redirects=True)

    assert response.status_code == 200 and "Response sent" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Respondent.id))) == 1
    assert outbox[-1]["To"] == "alex@example.com"  # sent in the request, as without Redis
    [queue_warning] = _warnings(caplog, "engage.jobs")
    assert (
        "Redis (REDIS_URL) cannot be reached" in queue_warning and "engage.respond.emails.acknowledge" in queue_warning
    )
    assert any("falling back to in-memory storage" in m for m in _warnings(caplog, "flask-limiter"))


def test_with_redis_down_rate_limits_still_count_in_memory(client, redis_down, monkeypatch):
    monkeypatch.setitem(client.application.config, "CONSULT_SUBMIT_RATE_LIMIT", "2 per minute")
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    statuses = [submit(client, consultation).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]


def test_with_redis_down_invitation_emails_are_sent_in_the_request(officer_client, redis_down, caplog):
    outbox.clear()
    consultation = create_consultation()
    for _ in range(3):
        create_stakeholder(registers=["mps"])

    response = post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "email"},
        {"consultation_id": consultation.id},
        follow_redirects=True,
    )

    assert "Sending finished: 3 sent, 0 could not be sent." in response.get_data(as_text=True)
    assert db.session.scalar(select(Job.status)) == "done" and len(outbox) == 3
    assert "send_invitation_emails runs in this process instead" in _warnings(caplog, "engage.jobs")[0]


RAN: list[int] = []


def remember(number: int) -> None:
    RAN.append(number)


def test_after_redis_fails_a_process_runs_jobs_inline_for_a_while_without_trying_it(app, redis_down, monkeypatch):
    tried = []
    connect = jobs.redis_connection
    monkeypatch.setattr(jobs, "redis_connection", lambda url: tried.append(url) or connect(url))
    RAN.clear()

    for number in range(3):
        jobs.enqueue_call(remember, number)

    assert RAN == [0, 1, 2] and tried == [redis_down]
