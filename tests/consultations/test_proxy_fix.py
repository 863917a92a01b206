"""Behind TRUSTED_PROXIES reverse proxies each visitor's address comes from X-Forwarded-For, so visitors do not share
the proxy's rate-limit count; with none trusted the header is ignored, as anyone could forge it."""

import pytest

from engage import create_app
from engage.extensions import db, limiter

PROXY = "10.0.0.1"
SUBMIT = "/consult/no-such-consultation/respond/check"  # limited before the view looks for the consultation


@pytest.fixture
def app_behind(app):
    """An app of its own (on an empty in-memory database) with the given number of trusted proxies."""

    def make(proxies: int):
        made = create_app(
            "testing",
            TRUSTED_PROXIES=proxies,
            CONSULT_SUBMIT_RATE_LIMIT="2 per minute",
            SQLALCHEMY_DATABASE_URI="sqlite://",
        )
        with made.app_context():
            db.create_all()
        limiter.reset()
        return made

    yield make
    limiter.reset()


def _statuses(app, forwarded_for: list[str]) -> list[int]:
    client = app.test_client()
    return [
        client.post(SUBMIT, headers={"X-Forwarded-For": value}, environ_base={"REMOTE_ADDR": PROXY}).status_code
        for value in forwarded_for
    ]


def test_behind_one_trusted_proxy_the_rate_limit_counts_each_forwarded_address(app_behind):
    statuses = _statuses(
        app_behind(1),
        ["203.0.113.1", "203.0.113.1", "198.51.100.9, 203.0.113.1", "203.0.113.2"],
    )

    # The third is 203.0.113.1 again: the proxy appended it after what the client claimed.
    assert statuses == [404, 404, 429, 404]


def test_with_no_trusted_proxy_the_forwarded_address_is_ignored(app_behind):
    statuses = _statuses(app_behind(0), ["203.0.113.1", "203.0.113.2", "203.0.113.3"])

    assert statuses == [404, 404, 429]


def test_trusted_proxies_default_to_none(app):
    assert app.config["TRUSTED_PROXIES"] == 0
