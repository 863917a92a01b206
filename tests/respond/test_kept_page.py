"""A consultation's page is kept for a few seconds for the visitors it looks the same to: each gets it with their
own nonce, nobody with a response in progress gets someone else's, and a change shows at once in this process."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from engage.common import kept
from engage.extensions import db
from engage.models import Part, Respondent, utcnow
from engage.plans import wording
from engage.respond import kept_pages
from engage.vocab import PlanRoute
from tests.factories import create_consultation, create_plan
from tests.pages import parse
from tests.respond.helpers import ABOUT_YOU, ITEM, fill_about_you, fill_item, submit
from tests.respond.test_queries import counted_statements


@pytest.fixture(autouse=True)
def kept_for_a_while(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_PAGE_CACHE_SECONDS", 10)
    kept_pages.forget()
    yield
    kept_pages.forget()


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
    monkeypatch.setattr(kept_pages, "utcnow", lambda: after)
    monkeypatch.setattr("engage.models.consultation.utcnow", lambda: after)

    page = app.test_client().get(f"/consult/{consultation.slug}").get_data(as_text=True)
    assert "Start now" not in page and "This consultation closed on" in page
    assert utcnow() < after  # the real clock was not moved


def _token(response) -> str:
    return parse(response).select_one('input[name="csrf_token"]')["value"]


def test_about_you_is_kept_and_each_visitor_gets_a_token_that_works_for_them(app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    consultation = create_consultation()
    url = f"/consult/{consultation.slug}/respond/about-you"
    first, second = app.test_client(), app.test_client()
    first_page = first.get(url)
    with counted_statements() as statements:
        second_page = second.get(url)

    assert statements == [] and second_page.status_code == 200
    assert _token(first_page) != _token(second_page) and "\x00" not in second_page.get_data(as_text=True)
    assert f'nonce="{_nonce(second_page)}"' in second_page.get_data(as_text=True)
    answer = second.post(url, data={**ABOUT_YOU, "csrf_token": _token(second_page)})
    assert answer.status_code == 302
    refused = first.post(url, data={**ABOUT_YOU, "csrf_token": _token(second_page)})  # not the first visitor's
    assert refused.status_code != 302


def test_about_you_shows_a_visitor_with_a_response_in_progress_what_they_typed(app, client):
    consultation = create_consultation()
    app.test_client().get(f"/consult/{consultation.slug}/respond/about-you")  # kept: blank
    fill_about_you(client, consultation, first_name="Morgan")

    page = client.get(f"/consult/{consultation.slug}/respond/about-you")

    assert parse(page).select_one("#first_name")["value"] == "Morgan"


def test_a_new_representations_blank_form_is_kept_for_every_respondent_at_that_number(app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    consultation = create_consultation()
    first, second = app.test_client(), app.test_client()
    for visitor, name in ((first, "Alex"), (second, "Sam")):
        page = visitor.get(f"/consult/{consultation.slug}/respond/about-you")
        visitor.post(page.request.path, data={**ABOUT_YOU, "first_name": name, "csrf_token": _token(page)})
    url = f"/consult/{consultation.slug}/respond/representations/1"
    first_page = first.get(url)
    with counted_statements() as statements:
        second_page = second.get(url)

    assert len(statements) == 1  # only the consultation and this visitor's draft: the page itself was kept
    assert _token(first_page) != _token(second_page) and "Sam" not in second_page.get_data(as_text=True)
    answer = second.post(url, data={**ITEM, "csrf_token": _token(second_page)})
    assert answer.status_code == 302


def test_a_representation_already_made_is_shown_with_what_was_typed_not_the_kept_form(app, client):
    consultation = create_consultation()
    fill_about_you(app.test_client(), consultation)
    fill_about_you(client, consultation)
    fill_item(client, consultation, comment="My own words")

    page = client.get(f"/consult/{consultation.slug}/respond/representations/1")

    assert "My own words" in page.get_data(as_text=True)


def test_a_part_removed_while_its_choice_was_kept_is_reported_when_the_response_is_sent(app, client):
    """The form and the check page use the kept parts; sending checks the choice against the parts as they are."""
    consultation = create_consultation()
    fill_about_you(client, consultation)
    assert fill_item(client, consultation, part="Policy SP1").status_code == 302
    # removed as another process would: no flush here, so this process keeps its copy of the parts
    db.session.execute(delete(Part).where(Part.consultation_id == consultation.id, Part.ref == "Policy SP1"))
    db.session.commit()
    assert "Policy SP1: Spatial strategy" in client.get(f"/consult/{consultation.slug}/respond/check").text

    page = parse(submit(client, consultation))

    summary = page.select_one(".govuk-error-summary").text
    assert "Representation 1: There is no part of the plan called ‘Policy SP1’" in summary
    assert db.session.scalar(select(func.count()).select_from(Respondent)) == 0


def test_the_words_of_a_plans_regulations_are_kept_so_the_form_and_check_page_do_not_read_the_plan(client):
    plan = create_plan()
    plan.route = PlanRoute.NEW
    db.session.commit()
    consultation = create_consultation(plan_id=plan.id)
    fill_about_you(client, consultation)
    client.get(f"/consult/{consultation.slug}/respond/check")  # the words are read once, and kept
    with counted_statements() as statements:
        assert fill_item(client, consultation).status_code == 302
        check = client.get(f"/consult/{consultation.slug}/respond/check").text

    assert wording.NEW.cooperation_question in check
    assert not [s for s in statements if re.match(r'SELECT "?plan"?\.id', s)]
