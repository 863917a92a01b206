"""The acknowledgement email leaves the request when Redis is configured: a worker sends it after the commit."""

from engage.mail import outbox
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you, fill_item, submit


def test_with_redis_the_acknowledgement_waits_for_a_worker_and_the_response_is_already_saved(client, redis_queue):
    from rq import SimpleWorker

    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    assert submit(client, consultation).status_code == 302
    assert outbox == [] and redis_queue.count == 1

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    assert outbox[-1]["To"] == "alex@example.com"
    assert "We have received your response" in outbox[-1]["Subject"]
