"""A consultation's page is kept for a few seconds for the visitors it looks the same to: each gets it with their
own nonce, nobody with a response in progress gets someone else's, and a change shows at once in this process."""

from datetime import timedelta

import pytest

from engage.common import kept
from engage.extensions import db
from engage.models import utcnow
from engage.respond import routes
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you
from tests.respond.test_queries import counted_statements


@pytest.fixture(autouse=True)
def kept_for_a_while(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_PAGE_CACHE_SECONDS", 10)
    routes._shown.forget()
    yield
    routes._shown.forget()


def _nonce(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return policy.split("'nonce-", 1)[1].split("'", 1)[0]


def test_a_second_visitor_gets_the_kept_page_with_their_own_nonce_and_no_query(app):
    consultation = create_consultation(title="Joint Strategic Plan")
    first = app.test_client().get(f"/consult/{consultation.slug}")
    with counted_statements() as statements:
        second = app.test_client().get(f"/consult/{consultation.slug}")

    assert statements == []
    assert second.status_code == 200 and "Joint Strategic Plan" in second.get_data(as_text=True)
    assert _nonce(first) != _nonce(second)
    assert f'nonce="{_nonce(second)}"' in second.get_data(as_text=True)
    assert _nonce(first) not in second.get_data(as_text=True) and "\x00" not in second.get_data(as_text=True)


def test_a_visitor_with_a_response_in_progress_gets_their_own_page(app, client):
    consultation = create_consultation()
    app.test_client().get(f"/consult/{consultation.slug}")  # kept: Start now
    fill_about_you(client, consultation)

    page = client.get(f"/consult/{consultation.slug}").get_data(as_text=True)

    assert "Continue your response" in page and "Start now" not in page


def test_a_change_committed_here_shows_on_the_next_page(app):
    consultation = create_consultation(title="Joint Strategic Plan")
    app.test_client().get(f"/consult/{consultation.slug}")

    consultation.title = "Joint Strategic Plan: Regulation 19"
    db.session.commit()

    assert "Regulation 19" in app.test_client().get(f"/consult/{consultation.slug}").get_data(as_text=True)


def test_the_page_is_made_again_once_the_consultation_closes(app, monkeypatch):
    consultation = create_consultation()
    closes_at = consultation.closes_at
    assert "Start now" in app.test_client().get(f"/consult/{consultation.slug}").get_data(as_text=True)

    after = closes_at + timedelta(minutes=1)
    monkeypatch.setattr(kept, "utcnow", lambda: after)
    monkeypatch.setattr(routes, "utcnow", lambda: after)
    monkeypatch.setattr("engage.models.consultation.utcnow", lambda: after)

    page = app.test_client().get(f"/consult/{consultation.slug}").get_data(as_text=True)
    assert "Start now" not in page and "This consultation closed on" in page
    assert utcnow() < after  # the real clock was not moved
