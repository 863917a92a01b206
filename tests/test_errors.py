"""Error pages: on the public consultation pages they lead back to the consultation, never to the officers' site."""

import re
import sqlite3

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from engage.consultations import services as consultation_services
from engage.errors import database_unavailable
from engage.extensions import db, limiter
from engage.models import Consultation, IdempotencyRecord, Representation, Respondent
from engage.respond import queries as respond_queries
from engage.respond import routes as respond_routes
from engage.respond import services as respond_services
from tests import database
from tests.factories import create_consultation
from tests.pages import parse
from tests.respond.helpers import fill_about_you, fill_item, submit


@pytest.fixture
def strict_limit(app):
    app.config["CONSULT_SUBMIT_RATE_LIMIT"] = "2 per minute"
    limiter.reset()
    yield
    app.config["CONSULT_SUBMIT_RATE_LIMIT"] = "10000 per minute"
    limiter.reset()


@pytest.fixture
def csrf_checked(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def _links(page) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in page.select("main a")}


def test_a_rate_limited_respondent_is_told_their_answers_are_kept_and_when_to_try_again(client, strict_limit):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    for _ in range(2):
        submit(client, consultation)

    response = submit(client, consultation)

    assert response.status_code == 429
    seconds = int(response.headers["Retry-After"])
    assert 1 <= seconds <= 61
    page = parse(response)
    text = page.select_one("main").get_text(" ", strip=True)
    assert "The answers you have given so far are kept" in text
    assert re.search(r"Wait \d+ seconds? and try again after \d\d:\d\d \(UK time\)", text)
    assert _links(page) == {"Go back to the consultation": f"/consult/{consultation.slug}"}
    assert page.select_one("header a")["href"] == "/consult/"  # the public header, not the officers'


def test_a_missing_csrf_token_on_a_public_page_shows_the_form_again_with_what_was_typed(client, csrf_checked):
    consultation = create_consultation()

    response = fill_about_you(client, consultation, first_name="Alexandra")

    assert response.status_code == 400
    page = parse(response)
    assert page.title.get_text().startswith("Error:")
    assert "Your session timed out or the form was out of date" in page.select_one(".govuk-error-summary").text
    assert page.select_one("#first_name")["value"] == "Alexandra"
    assert page.select_one("input[name=csrf_token]")["value"]  # a fresh token, so sending again works
    assert page.select_one("header a")["href"] == "/consult/"


def test_a_csrf_failure_on_a_post_only_address_is_the_clear_error_page(officer_client, csrf_checked):
    response = officer_client.post("/sign-out")

    assert response.status_code == 400
    page = parse(response)
    assert "refresh the page" in page.text
    assert _links(page) == {"Go to the start page": "/"}


def test_an_unknown_consultation_leads_to_the_list_of_consultations(client):
    response = client.get("/consult/no-such-consultation")

    assert response.status_code == 404
    assert _links(parse(response)) == {"Go to the list of consultations": "/consult/"}


def test_a_missing_csrf_token_on_an_officer_form_shows_it_again_and_saves_nothing(officer_client, csrf_checked):
    response = officer_client.post("/consultations/new", data={"title": "A plan", "summary": "Early engagement"})

    assert response.status_code == 400
    page = parse(response)
    assert "nothing was saved" in page.select_one(".govuk-error-summary").text
    assert page.select_one("#title")["value"] == "A plan"
    assert db.session.scalar(select(func.count()).select_from(Consultation)) == 0


def test_an_officer_page_not_found_keeps_the_start_page_link(officer_client):
    response = officer_client.get("/consultations/999999")

    assert response.status_code == 404
    assert _links(parse(response)) == {"Go to the start page": "/"}


# The database lost in the middle of a request: a 503 that says to try again, never a 500; the retry works.


@pytest.fixture
def connection_lost(app, monkeypatch):
    """`connection_lost(module, name)`: the next call of that function first loses the database connection."""

    def lose_before(module, name):
        original = getattr(module, name)

        def once(*args, **kwargs):
            monkeypatch.setattr(module, name, original)
            database.lose_connection(db)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, once)

    return lose_before


def test_a_lost_connection_on_a_public_page_asks_to_try_again_and_the_next_request_works(client, connection_lost):
    consultation = create_consultation()
    connection_lost(respond_queries, "open_with_draft")

    response = client.get(f"/consult/{consultation.slug}/respond/about-you")

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = parse(response)
    assert page.select_one("h1").get_text(strip=True) == "Sorry, there is a problem with the service"
    text = page.select_one("main").get_text(" ", strip=True)
    assert "Try again in a minute" in text and "will not send it twice" in text
    assert _links(page) == {"Go back to the consultation": f"/consult/{consultation.slug}"}
    assert page.select_one("header a")["href"] == "/consult/"
    assert client.get(f"/consult/{consultation.slug}/respond/about-you").status_code == 200


def test_a_response_sent_as_the_connection_is_lost_is_not_saved_and_sending_again_saves_it_once(
    client, connection_lost
):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    connection_lost(respond_services, "submit_draft")

    assert submit(client, consultation).status_code == 503
    assert db.session.scalar(select(func.count(Respondent.id))) == 0

    assert submit(client, consultation).headers["Location"].endswith("/respond/confirmation")
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Respondent.id))) == 1
    assert db.session.scalar(select(func.count(Representation.id))) == 1


def test_an_officer_page_that_loses_its_connection_says_try_again_without_the_account_links(
    officer_client, connection_lost
):
    connection_lost(consultation_services, "list_consultations")

    response = officer_client.get("/consultations/")

    assert response.status_code == 503
    page = parse(response)
    assert "Try again in a minute." in page.select_one("main").get_text(" ", strip=True)
    assert _links(page) == {"Go to the start page": "/"}
    assert officer_client.get("/consultations/").status_code == 200


def test_an_api_write_that_loses_its_connection_is_a_503_problem_and_the_retry_writes_once(app, connection_lost):
    from engage.api import consultations as api_consultations
    from tests.api.conftest import _api_client

    api = _api_client(app, "officer")
    consultation = create_consultation()
    body = {
        "respondent": {"first_name": "Ada", "last_name": "Jones", "email": "ada@example.com"},
        "channel": "email",
        "received_at": "2026-01-05T10:00:00+00:00",
        "part": "Policy SP1",
        "nature": "object",
        "comment": "Too many homes.",
    }
    url = f"/api/v1/consultations/{consultation.id}/representations"
    headers = {"Idempotency-Key": "lost-once"}
    connection_lost(api_consultations.intake, "key_in_representation")

    lost = api.post(url, json=body, headers=headers)

    assert lost.status_code == 503 and lost.mimetype == "application/problem+json"
    assert lost.headers["Retry-After"] == "30"
    assert lost.get_json()["title"] == "Sorry, the service is unavailable"
    assert "Try again" in lost.get_json()["detail"]
    assert db.session.scalar(select(func.count(Representation.id))) == 0
    assert db.session.scalar(select(func.count(IdempotencyRecord.id))) == 0
    created = api.post(url, json=body, headers=headers)
    replayed = api.post(url, json=body, headers=headers)
    assert (created.status_code, replayed.status_code) == (201, 201)
    assert replayed.get_json() == created.get_json()
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Representation.id))) == 1


def test_other_database_errors_are_not_called_unavailable():
    assert database_unavailable(OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked")))
    assert database_unavailable(OperationalError("SELECT", {}, Exception("server closed the connection")))
    assert not database_unavailable(OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x")))
    assert not database_unavailable(IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert not database_unavailable(ValueError("not a database error"))


def test_a_database_error_in_the_request_itself_is_still_an_error_not_a_503(client, monkeypatch):
    consultation = create_consultation()

    def mistake(*_args, **_kwargs):
        raise ProgrammingError("SELECT", {}, Exception("column does not exist"))

    monkeypatch.setattr(respond_queries, "open_with_draft", mistake)
    with pytest.raises(ProgrammingError):  # testing propagates what production answers with a 500
        client.get(f"/consult/{consultation.slug}/respond/about-you")


def test_a_unique_rule_broken_by_a_write_at_the_same_moment_is_a_409_page_and_nothing_is_kept(client, monkeypatch):
    consultation = create_consultation()

    def duplicate(*_args, **_kwargs):
        raise IntegrityError("INSERT", {}, Exception("duplicate key"))

    monkeypatch.setattr(respond_queries, "open_with_draft", duplicate)
    response = client.get(f"/consult/{consultation.slug}/respond/about-you")
    assert response.status_code == 409
    assert "Nothing was saved" in response.get_data(as_text=True)


def test_a_connection_lost_after_the_page_was_rendered_still_sends_the_page(client, monkeypatch):
    """Closing the request's read fails on a lost connection: the page already made is still the answer."""
    if not database.postgres_url():
        pytest.skip("needs PostgreSQL: SQLite in memory has no connection to lose")
    consultation = create_consultation()
    render = respond_routes.render_template

    def render_then_lose(*args, **kwargs):
        page = render(*args, **kwargs)
        database.lose_connection(db)
        return page

    monkeypatch.setattr(respond_routes, "render_template", render_then_lose)

    assert client.get(f"/consult/{consultation.slug}").status_code == 200
    monkeypatch.setattr(respond_routes, "render_template", render)
    assert client.get(f"/consult/{consultation.slug}").status_code == 200
