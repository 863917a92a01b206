"""The public response answers what the respondent said, nothing else: support, object or comment is asked, "not
sound" names the tests, each part of the plan once; a bad stored draft says which answer to fix; the return link
of a sent response says it was sent."""

import re

from sqlalchemy import func, select

from engage.extensions import db
from engage.mail import outbox
from engage.models import Representation, ResponseDraft
from tests.factories import create_consultation
from tests.pages import error_summary, parse, post_form
from tests.respond.helpers import ITEM, fill_about_you, fill_item, submit


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Representation))


def test_support_object_or_comment_must_be_chosen(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    page = parse(fill_item(client, consultation, nature=""))
    assert "Select whether you support, object or want to comment" in page.select_one("#nature-error").get_text()
    assert page.select_one("#comment").get_text() == ITEM["comment"]
    assert db.session.scalar(select(ResponseDraft)).data.get("items", []) == []


def test_not_sound_needs_at_least_one_test_of_soundness(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    page = parse(fill_item(client, consultation, sound="no", unsound_tests=[]))
    assert "Select at least one test of soundness" in page.select_one("#unsound_tests-error").get_text()
    assert fill_item(client, consultation, sound="yes", unsound_tests=[]).status_code == 302


def test_a_part_of_the_plan_can_be_chosen_once_per_response(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    assert fill_item(client, consultation, number=1).status_code == 302

    page = parse(fill_item(client, consultation, number=2, comment="Again"))

    assert "already made a representation about this part" in page.select_one("#part-error").get_text()
    assert len(db.session.scalar(select(ResponseDraft)).data["items"]) == 1
    assert fill_item(client, consultation, number=2, part="Chapter 3").status_code == 302
    assert fill_item(client, consultation, number=1, comment="Changed").status_code == 302  # its own part again


def test_sending_a_draft_with_a_bad_answer_links_to_the_representation_to_fix(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation, number=1)
    fill_item(client, consultation, number=2, part="Chapter 3")
    draft = db.session.scalar(select(ResponseDraft))
    items = draft.data["items"]
    draft.data = {**draft.data, "items": [items[0], {**items[1], "nature": "", "unsound_tests": ["made-up"]}]}
    db.session.commit()

    response = submit(client, consultation)

    assert response.status_code == 200
    page = parse(response)
    assert page.title.get_text().startswith("Error:")
    links = page.select(".govuk-error-summary a")
    assert links and all(link["href"].endswith("/respond/representations/2") for link in links)
    assert any(link.get_text().startswith("Representation 2: Select whether you support") for link in links)
    assert _count() == 0


def test_sending_two_representations_about_the_same_part_says_which_to_change(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation, number=1)
    draft = db.session.scalar(select(ResponseDraft))
    draft.data = {**draft.data, "items": [*draft.data["items"], draft.data["items"][0]]}
    db.session.commit()

    page = parse(submit(client, consultation))

    assert [a["href"].rsplit("/", 1)[1] for a in page.select(".govuk-error-summary a")] == ["2"]
    assert _count() == 0


def test_the_return_link_of_a_sent_response_says_it_was_already_sent(client, app):
    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    post_form(client, "respond.save", {"email": "alex@example.com"}, {"slug": consultation.slug})
    link = re.search(r"http://localhost(/consult/\S+)", outbox[-1].get_body(("plain",)).get_content()).group(1)
    submit(client, consultation)

    response = app.test_client().get(link)

    assert response.status_code == 200
    page = parse(response)
    assert page.h1.get_text() == "You have already sent this response"
    reference = db.session.scalar(select(Representation)).respondent.reference
    assert reference in page.get_text()
    assert error_summary(page) == []
