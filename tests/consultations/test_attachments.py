"""Opening the files sent with a response: the respondent their own (before sending), officers any representation's."""

import io

from sqlalchemy import select

from engage.extensions import db
from engage.models import Attachment, Representation
from tests.factories import create_consultation
from tests.pages import get_page
from tests.respond.helpers import ITEM, fill_about_you, submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(client, consultation, number=1, filename="evidence.pdf"):
    data = {**ITEM, "attachment": (io.BytesIO(PDF), filename)}
    response = client.post(
        f"/consult/{consultation.slug}/respond/representations/{number}", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 302


def _file_links(page):
    return [a for a in page.select(".govuk-summary-list a[href]") if "/attachments/" in a["href"]]


def _respond_with_a_file(client, consultation, filename="evidence.pdf"):
    fill_about_you(client, consultation)
    _upload(client, consultation, filename=filename)
    [link] = _file_links(get_page(client, "respond.check", slug=consultation.slug))
    return link


def test_a_respondent_opens_their_own_file_from_check_your_answers(client):
    consultation = create_consultation()

    link = _respond_with_a_file(client, consultation, filename="<script>alert(1)<script> plan.pdf")
    response = client.get(link["href"])

    assert link.text == "<script>alert(1)<script> plan.pdf"  # shown as typed, escaped
    assert link.find("script") is None
    assert response.status_code == 200
    assert response.data == PDF
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_someone_else_cannot_open_a_respondents_file(app, client):
    consultation = create_consultation()
    link = _respond_with_a_file(client, consultation)
    stranger = app.test_client()

    assert stranger.get(link["href"]).status_code == 404
    fill_about_you(stranger, consultation)  # a draft of their own does not open another draft's files
    assert stranger.get(link["href"]).status_code == 404


def test_a_file_of_another_consultation_or_a_removed_one_is_not_found(client):
    consultation = create_consultation()
    other = create_consultation(title="Another plan")
    link = _respond_with_a_file(client, consultation)

    assert client.get(link["href"].replace(consultation.slug, other.slug)).status_code == 404
    assert client.get(link["href"].rsplit("/", 1)[0] + "/99999999999").status_code == 404
    client.post(f"/consult/{consultation.slug}/respond/representations/1/remove")
    assert client.get(link["href"]).status_code == 404


def test_after_sending_the_file_is_no_longer_served_to_the_public(client):
    consultation = create_consultation()
    link = _respond_with_a_file(client, consultation)
    submit(client, consultation)

    assert client.get(link["href"]).status_code == 404


def test_an_officer_opens_the_file_from_the_representation_page(client, officer_client, viewer_client, app):
    consultation = create_consultation()
    _respond_with_a_file(client, consultation, filename="objection.pdf")
    submit(client, consultation)
    representation = db.session.scalar(select(Representation))
    attachment = db.session.scalar(select(Attachment))

    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    [link] = _file_links(page)
    assert link.text == "objection.pdf"
    assert officer_client.get(link["href"]).data == PDF
    assert viewer_client.get(link["href"]).status_code == 200
    assert app.test_client().get(link["href"]).status_code == 302  # to sign in
    wrong = f"/consultations/representations/{representation.reference}9/attachments/{attachment.id}"
    assert officer_client.get(wrong).status_code == 404
