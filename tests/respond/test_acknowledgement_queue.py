"""The acknowledgement email leaves the request when Redis is configured: it is kept in an outbox row written with
the response, and a worker run sends every acknowledgement that is due."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from engage import jobs
from engage.extensions import db
from engage.mail import outbox
from engage.models import AcknowledgementDue, Respondent, utcnow
from engage.respond import emails
from tests import database
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you, fill_item, submit


def _respond(client, consultation, email="alex@example.com"):
    fill_about_you(client, consultation, email=email)
    fill_item(client, consultation)
    assert submit(client, consultation).status_code == 302


def _waiting() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(AcknowledgementDue))


def test_with_redis_the_acknowledgement_waits_for_a_worker_and_the_response_is_already_saved(client, redis_queue):
    from rq import SimpleWorker

    outbox.clear()
    consultation = create_consultation()
    _respond(client, consultation)
    assert outbox == [] and redis_queue.count == 1 and _waiting() == 1

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    assert outbox[-1]["To"] == "alex@example.com"
    assert "We have received your response" in outbox[-1]["Subject"]
    assert _waiting() == 0


def test_many_responses_wake_one_run_which_sends_every_acknowledgement(app, redis_queue):
    outbox.clear()
    consultation = create_consultation()
    for number in range(3):
        _respond(app.test_client(), consultation, email=f"person{number}@example.com")

    assert redis_queue.count == 1 and _waiting() == 3  # one run is waiting: the later responses did not queue more
    jobs.work(burst=True, simple=True)

    assert sorted(message["To"] for message in outbox) == [f"person{n}@example.com" for n in range(3)]
    assert _waiting() == 0


def test_an_acknowledgement_whose_run_was_lost_with_the_queue_is_sent_when_a_worker_starts(client, redis_queue):
    outbox.clear()
    consultation = create_consultation()
    _respond(client, consultation)
    redis_queue.empty()  # Redis restarted with nothing kept
    for key in redis_queue.connection.scan_iter(f"engage:wake:{redis_queue.name}:*"):
        redis_queue.connection.delete(key)

    jobs.work(burst=True, simple=True)

    assert [message["To"] for message in outbox] == ["alex@example.com"] and _waiting() == 0


def test_without_redis_the_acknowledgement_is_sent_in_the_request_and_leaves_the_outbox(client):
    outbox.clear()
    consultation = create_consultation()
    _respond(client, consultation)

    assert [message["To"] for message in outbox] == ["alex@example.com"] and _waiting() == 0


@pytest.mark.postgres
def test_two_runs_at_once_send_each_acknowledgement_once(app, monkeypatch):
    if not database.postgres_url():
        pytest.skip("needs PostgreSQL: concurrent runs")
    consultation = create_consultation()
    for number in range(20):
        respondent = Respondent(consultation_id=consultation.id, first_name="P", email=f"p{number}@example.com")
        db.session.add(respondent)
        db.session.flush()
        db.session.add(AcknowledgementDue(respondent_id=respondent.id, due_at=utcnow()))
    db.session.commit()
    sent, barrier = [], threading.Barrier(2)
    monkeypatch.setattr(emails, "send_email", lambda to, *_: time.sleep(0.01) or sent.append(to))

    def run(_):
        with app.app_context():
            barrier.wait()
            return emails.acknowledge_due()

    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = list(pool.map(run, range(2)))

    assert sum(counts) == 20 and sorted(sent) == sorted(f"p{n}@example.com" for n in range(20))
    assert _waiting() == 0


def test_the_run_starts_a_moment_after_the_first_response_so_it_sends_for_many(app, redis_queue, monkeypatch):
    from datetime import UTC, datetime, timedelta

    monkeypatch.setitem(app.config, "ACKNOWLEDGEMENT_BATCH_SECONDS", 1)
    consultation = create_consultation()
    started = datetime.now(UTC)
    for number in range(2):
        _respond(app.test_client(), consultation, email=f"person{number}@example.com")

    registry = redis_queue.scheduled_job_registry
    [job_id] = registry.get_job_ids()  # one run for both, waiting: nothing on the queue yet
    assert redis_queue.count == 0 and _waiting() == 2
    assert timedelta(0) < registry.get_scheduled_time(job_id) - started < timedelta(seconds=3)
