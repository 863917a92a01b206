"""Officers add the consultation's documents (uploaded PDFs, links, web pages) and a questionnaire's questions."""

import io

from sqlalchemy import select

from engage.consultations import services
from engage.extensions import db
from engage.models import ConsultationDocument, Question
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(officer_client, consultation, content, filename="appraisal.pdf"):
    data = {"title": "Sustainability appraisal", "kind": "file", "file": (io.BytesIO(content), filename)}
    return officer_client.post(
        f"/consultations/{consultation.id}/documents", data=data, content_type="multipart/form-data"
    )


def test_an_uploaded_pdf_over_20_mb_is_kept_whole_and_the_public_can_download_it(officer_client, client):
    consultation = create_consultation()
    content = PDF + b"0" * (21 * 2**20)

    assert _upload(officer_client, consultation, content).status_code == 302

    document = db.session.scalar(select(ConsultationDocument))
    assert document.size == len(content)
    page = get_page(client, "respond.show", slug=consultation.slug)
    link = page.find("a", string="Sustainability appraisal")
    response = client.get(link["href"])
    assert response.data == content and response.mimetype == "application/pdf"


def test_a_document_that_is_not_a_pdf_or_too_big_is_refused_and_nothing_is_kept(officer_client, monkeypatch):
    consultation = create_consultation()
    monkeypatch.setattr(services, "MAX_PDF_BYTES", 2**20)

    not_pdf = parse(_upload(officer_client, consultation, b"MZ\x90\x00" + b"\x00" * 100, "appraisal.pdf"))
    too_big = parse(_upload(officer_client, consultation, PDF + b"0" * 2**20))

    assert error_summary(not_pdf) == ["The selected file must be a PDF"]
    assert error_summary(too_big) == ["The selected file must be smaller than 1 MB"]
    assert too_big.select_one("#title")["value"] == "Sustainability appraisal"
    assert db.session.scalar(select(ConsultationDocument)) is None


def test_a_link_must_be_a_web_address(officer_client):
    consultation = create_consultation()
    data = {"title": "Evidence base", "kind": "link", "url": "javascript:alert(1)"}

    page = parse(post_form(officer_client, "consultations.documents", data, {"consultation_id": consultation.id}))

    assert error_summary(page) == ["Enter a web address starting with https://"]
    assert db.session.scalar(select(ConsultationDocument)) is None


def test_an_officer_adds_free_text_and_choice_questions(officer_client):
    consultation = create_consultation(form_type="questionnaire")
    url = {"consultation_id": consultation.id}
    post_form(
        officer_client, "consultations.questions", {"text": "Your views?", "kind": "free-text", "required": "y"}, url
    )
    no_options = {"text": "Which option?", "kind": "single-choice", "options": "Only one"}

    page = parse(post_form(officer_client, "consultations.questions", no_options, url))
    assert error_summary(page) == ["Enter at least 2 options, one a line"]
    assert page.select_one("#text").text == "Which option?"
    post_form(officer_client, "consultations.questions", {**no_options, "options": "Option A\n\nOption B\n"}, url)

    questions = list(db.session.scalars(select(Question).order_by(Question.position)))
    assert [(q.text, q.kind, q.required, q.options) for q in questions] == [
        ("Your views?", "free-text", True, []),
        ("Which option?", "single-choice", False, ["Option A", "Option B"]),
    ]
