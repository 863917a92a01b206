from datetime import timedelta

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Representation, Respondent, ResponseDraft, utcnow
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse
from tests.respond.helpers import fill_about_you, fill_item, submit


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_resident_responds_without_an_account_and_gets_references(client):
    consultation = create_consultation()
    assert fill_about_you(client, consultation).status_code == 302
    assert fill_item(client, consultation).status_code == 302
    assert fill_item(client, consultation, number=2, part="Chapter 3", nature="support").status_code == 302
    check = get_page(client, "respond.check", slug=consultation.slug)
    assert "Check your answers" in check.h1.text
    assert "The housing figure is not justified." in check.text

    response = submit(client, consultation, follow_redirects=True)

    page = parse(response)
    respondent = db.session.scalar(select(Respondent))
    assert respondent.first_name == "Alex" and respondent.postcode == "WD17 1AB"
    references = [r.reference for r in respondent.representations]
    assert references == [f"{respondent.reference}-1", f"{respondent.reference}-2"]
    panel = page.select_one(".govuk-panel")
    assert respondent.reference in panel.text
    for reference in references:
        assert reference in page.text
    first = respondent.representations[0]
    assert first.part.ref == "Policy SP1" and first.nature == "object" and first.sound == "no"
    assert first.unsound_tests == ["justified", "effective"] and first.notify == ["adoption"]
    assert first.channel == "online" and not first.late


def test_submitting_twice_records_one_set_of_representations(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    with client.session_transaction() as session:
        token = session["consult_drafts"][consultation.slug]

    first = submit(client, consultation)
    with client.session_transaction() as session:  # a second tab that still has the draft
        session["consult_drafts"] = {consultation.slug: token}
    second = submit(client, consultation)

    assert first.status_code == second.status_code == 302
    assert _count(Respondent) == 1
    assert _count(Representation) == 1


def test_a_response_sent_after_the_deadline_is_refused_with_the_time(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    consultation.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()

    response = submit(client, consultation)

    assert response.status_code == 403
    page = parse(response)
    assert "This consultation has closed" in page.h1.text
    assert "after the deadline" in page.text
    assert _count(Representation) == 0
    assert db.session.scalar(select(ResponseDraft.submitted_at)) is None


def test_about_you_needs_a_name_and_a_valid_email_and_postcode(client):
    consultation = create_consultation()

    response = fill_about_you(client, consultation, first_name="", email="not-an-email", postcode="nowhere")

    assert response.status_code == 200
    page = parse(response)
    assert error_summary(page) == [
        "Enter a first name",
        "Enter an email address in the correct format, like name@example.com",
        "Enter a real postcode, like AL1 3JE",
    ]
    assert page.title.text.startswith("Error: ")
    assert page.select_one("#email")["value"] == "not-an-email"
    assert _count(ResponseDraft) == 0


def test_a_comment_over_100000_characters_is_refused_and_kept(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    response = fill_item(client, consultation, comment="x" * 100_001)

    page = parse(response)
    assert error_summary(page) == ["Enter 100,000 characters or fewer"]
    assert db.session.scalar(select(ResponseDraft)).data.get("items") is None


def test_html_in_a_comment_is_stored_as_typed_and_shown_escaped(client):
    consultation = create_consultation()
    payload = "<script>alert('x')</script><b>bold</b>"
    fill_about_you(client, consultation)
    fill_item(client, consultation, comment=payload)

    response = client.get(f"/consult/{consultation.slug}/respond/check")

    body = response.get_data(as_text=True)
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body
    submit(client, consultation)
    assert db.session.scalar(select(Representation.comment)) == payload


def test_a_filled_honeypot_saves_nothing(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    response = submit(client, consultation, website="http://spam.example")

    assert response.status_code == 400
    assert "could not accept" in parse(response).h1.text
    assert _count(Representation) == 0


def test_the_form_is_closed_after_the_deadline(client):
    consultation = create_consultation(
        opens_at=utcnow() - timedelta(days=10), closes_at=utcnow() - timedelta(minutes=1)
    )

    page = get_page(client, "respond.about_you", slug=consultation.slug)

    assert "This consultation has closed" in page.h1.text


def test_an_unpublished_consultation_is_not_found(client):
    consultation = create_consultation(published=False)

    get_page(client, "respond.show", expected_status=404, slug=consultation.slug)
