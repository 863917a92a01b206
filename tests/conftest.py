"""Test set-up: one app per session on SQLite (in memory) or PostgreSQL (TEST_DATABASE_URL), rows wiped per test."""

import os
import uuid

import pytest
from flask.testing import FlaskClient

from engage import create_app
from engage.extensions import db as _db
from engage.jobs import DEFAULT_QUEUE
from engage.seeds.reference import load_reference
from tests import database
from tests.factories import create_user


@pytest.fixture(scope="session")
def database_url(worker_id):
    return database.url_for_worker(worker_id)


class Client(FlaskClient):
    """Each request gets an app context of its own, as in production, so `g` never leaks between requests."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url)
    app.test_client_class = Client
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_database(app):
    with app.app_context():
        load_reference()
        yield
        _db.session.remove()
        database.wipe(_db)


@pytest.fixture
def client(app):
    return app.test_client()


def _signed_in(app, role):
    user = create_user(role=role)
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    client.user = user
    return client


@pytest.fixture
def admin_client(app):
    return _signed_in(app, "admin")


@pytest.fixture
def officer_client(app):
    return _signed_in(app, "officer")


@pytest.fixture
def viewer_client(app):
    return _signed_in(app, "viewer")


def pytest_configure(config):
    if os.environ.get("ENGAGE_REQUIRE_POSTGRES") == "1":
        problem = database.postgres_problem()
        if problem:
            raise pytest.UsageError(f"The PostgreSQL run is required (ENGAGE_REQUIRE_POSTGRES=1): {problem}")


def pytest_report_header(config):
    url = os.environ.get("TEST_DATABASE_URL")
    return f"database: {'PostgreSQL (TEST_DATABASE_URL)' if url else 'SQLite in memory'}"


@pytest.fixture
def redis_queue(app):
    """A Redis queue of this test's own, with the app sending jobs to it; skipped when Redis is down."""
    try:
        from redis import Redis

        connection = Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1)
        connection.ping()
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Redis is not reachable at 127.0.0.1:6379 ({error})")
    name = f"engage-test-{uuid.uuid4().hex}"
    app.config.update(REDIS_URL="redis://127.0.0.1:6379/0", JOBS_QUEUE=name)
    from rq import Queue

    queue = Queue(name, connection=connection)
    yield queue
    app.config.update(REDIS_URL=None, JOBS_QUEUE=DEFAULT_QUEUE)
    registries = (queue.finished_job_registry, queue.failed_job_registry, queue.started_job_registry)
    for registry in (*registries, queue.scheduled_job_registry):
        for rq_id in registry.get_job_ids():
            registry.remove(rq_id, delete_job=True)
    queue.delete(delete_jobs=True)
    for key in connection.scan_iter(f"engage:wake:{name}:*"):  # engage.jobs.wake's marks
        connection.delete(key)
