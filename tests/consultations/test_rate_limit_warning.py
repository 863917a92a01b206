"""Production says at startup when the submission rate limit is counted per gunicorn worker, not shared."""

import logging

import pytest

from engage import create_app

WARNING = "Rate limits are counted per process"


@pytest.fixture
def production_env(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")


def _warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and WARNING in r.getMessage()]


def test_production_without_redis_warns_that_each_worker_counts_on_its_own(production_env, caplog):
    app = create_app("production", REDIS_URL=None)

    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    [message] = _warnings(caplog)
    assert "REDIS_URL" in message and "20 per minute times the number of workers" in message


def test_production_with_redis_shares_the_count_and_does_not_warn(production_env, caplog):
    app = create_app("production", REDIS_URL="redis://127.0.0.1:6379/0")

    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert _warnings(caplog) == []


def test_development_and_tests_do_not_warn(caplog):
    create_app("development")
    create_app("testing")

    assert _warnings(caplog) == []
