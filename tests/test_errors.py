"""Error pages: on the public consultation pages they lead back to the consultation, never to the officers' site."""

import re

import pytest

from engage.extensions import limiter
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


def test_a_missing_csrf_token_on_a_public_page_leads_back_to_the_consultation(client, csrf_checked):
    consultation = create_consultation()

    response = fill_about_you(client, consultation)

    assert response.status_code == 400
    page = parse(response)
    assert "refresh the page" in page.text
    assert _links(page) == {"Go back to the consultation": f"/consult/{consultation.slug}"}


def test_an_unknown_consultation_leads_to_the_list_of_consultations(client):
    response = client.get("/consult/no-such-consultation")

    assert response.status_code == 404
    assert _links(parse(response)) == {"Go to the list of consultations": "/consult/"}


def test_a_missing_csrf_token_on_an_officer_page_keeps_the_start_page_link(officer_client, csrf_checked):
    response = officer_client.post("/consultations/new", data={"title": "A plan"})

    assert response.status_code == 400
    assert _links(parse(response)) == {"Go to the start page": "/"}


def test_an_officer_page_not_found_keeps_the_start_page_link(officer_client):
    response = officer_client.get("/consultations/999999")

    assert response.status_code == 404
    assert _links(parse(response)) == {"Go to the start page": "/"}
