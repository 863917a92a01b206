import io

import pytest
from sqlalchemy import func, select

from engage.extensions import db, limiter
from engage.mail import outbox
from engage.models import Attachment, Representation, ResponseDraft
from tests.factories import create_consultation
from tests.pages import error_summary, parse
from tests.respond.helpers import ITEM, fill_about_you, fill_item, submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def _upload(client, consultation, content, filename):
    data = {**ITEM, "attachment": (io.BytesIO(content), filename)}
    return client.post(
        f"/consult/{consultation.slug}/respond/representations/1", data=data, content_type="multipart/form-data"
    )


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_pdf_is_kept_in_the_database_with_its_checksum_and_moves_to_the_representation(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    assert _upload(client, consultation, PDF, "evidence.pdf").status_code == 302
    submit(client, consultation)

    attachment = db.session.scalar(select(Attachment))
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert attachment.representation_id == db.session.scalar(select(Representation.id))
    assert len(attachment.sha256) == 64


def test_an_image_is_accepted(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    assert _upload(client, consultation, PNG, "photo.png").status_code == 302


def test_a_renamed_exe_is_refused_by_its_content_and_nothing_is_kept(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    response = _upload(client, consultation, EXE, "objection.pdf")

    page = parse(response)
    assert error_summary(page) == ["The selected file must be a PDF, Word document (.docx), JPEG or PNG"]
    assert page.select_one("#comment").text == ITEM["comment"]
    assert _count(Attachment) == 0
    assert db.session.scalar(select(ResponseDraft)).data.get("items") is None


def test_a_file_over_20_mb_is_refused(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    response = _upload(client, consultation, PDF + b"0" * (21 * 1024 * 1024), "big.pdf")

    assert error_summary(parse(response)) == ["The selected file must be smaller than 20 MB"]
    assert _count(Attachment) == 0


def test_a_request_over_the_size_limit_gets_the_error_page(client, app):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = _upload(client, consultation, PDF + b"0" * 4096, "big.pdf")
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 64 * 1024 * 1024

    assert response.status_code == 413
    assert "The file is too large" in parse(response).h1.text


def test_a_missing_csrf_token_is_refused_with_a_clear_page(client, app):
    consultation = create_consultation()
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = fill_about_you(client, consultation)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False

    assert response.status_code == 400
    assert "Your session timed out" in parse(response).select_one(".govuk-error-summary").text
    assert _count(ResponseDraft) == 0


@pytest.fixture
def strict_limit(app):
    app.config["CONSULT_SUBMIT_RATE_LIMIT"] = "3 per minute"
    limiter.reset()
    yield
    app.config["CONSULT_SUBMIT_RATE_LIMIT"] = "10000 per minute"
    limiter.reset()


def test_too_many_submissions_from_one_address_get_a_clear_page(client, strict_limit):
    consultation = create_consultation()
    statuses = []
    for _ in range(4):
        fill_about_you(client, consultation)
        fill_item(client, consultation)
        statuses.append(submit(client, consultation).status_code)

    assert statuses == [302, 302, 302, 429]
    assert _count(Representation) == 3


def test_the_acknowledgement_email_has_html_and_plain_text_with_every_reference(client):
    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    fill_item(client, consultation, number=2, part="Chapter 3")
    submit(client, consultation)

    message = outbox[-1]
    assert message["To"] == "alex@example.com"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    references = [r.reference for r in db.session.scalars(select(Representation))]
    for reference in references:
        assert reference in text and reference in html
    assert '<html lang="en">' in html


@pytest.fixture
def strict_save_limit(app):
    app.config["CONSULT_SAVE_RATE_LIMIT"] = "2 per minute"
    limiter.reset()
    yield
    app.config["CONSULT_SAVE_RATE_LIMIT"] = "10000 per minute"
    limiter.reset()


def test_too_many_about_you_saves_from_one_address_store_no_more_drafts(app, strict_save_limit):
    consultation = create_consultation()
    statuses = [fill_about_you(app.test_client(), consultation).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert _count(ResponseDraft) == 2


def test_too_many_representation_saves_from_one_address_store_no_more_files(client, strict_save_limit):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    responses = [_upload(client, consultation, PDF, "evidence.pdf") for _ in range(3)]

    assert [response.status_code for response in responses] == [302, 302, 429]
    assert _count(Attachment) == 2
    assert "too many attempts from your internet connection" in parse(responses[-1]).text
