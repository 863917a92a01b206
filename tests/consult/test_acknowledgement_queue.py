"""The acknowledgement email leaves the request when Redis is configured: a worker sends it after the commit."""

import uuid

import pytest

from engage.mail import outbox
from tests.consult.helpers import fill_about_you, fill_item, submit
from tests.factories import create_consultation


@pytest.fixture
def queue(app):
    try:
        from redis import Redis

        connection = Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1)
        connection.ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Redis is not reachable at 127.0.0.1:6379 ({error})")
    from rq import Queue

    name = f"engage-test-{uuid.uuid4().hex}"
    app.config.update(REDIS_URL="redis://127.0.0.1:6379/0", JOBS_QUEUE=name)
    queue = Queue(name, connection=connection)
    yield queue
    app.config.update(REDIS_URL=None)
    for registry in (queue.finished_job_registry, queue.failed_job_registry, queue.started_job_registry):
        for rq_id in registry.get_job_ids():
            registry.remove(rq_id, delete_job=True)
    queue.delete(delete_jobs=True)


def test_with_redis_the_acknowledgement_waits_for_a_worker_and_the_response_is_already_saved(client, queue):
    from rq import SimpleWorker

    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    assert submit(client, consultation).status_code == 302
    assert outbox == [] and queue.count == 1

    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert outbox[-1]["To"] == "alex@example.com"
    assert "We have received your response" in outbox[-1]["Subject"]
