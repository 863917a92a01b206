"""Uploaded minutes are checked by their content (filetype), not their name, and kept in the database."""

import io

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Engagement, EngagementDocument
from tests.engagements.test_log_contact import _form
from tests.factories import create_plan
from tests.pages import error_summary, parse, post_form

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _upload(client, content: bytes, filename: str):
    data = _form(
        title="Meeting with the county",
        incomplete_reason="Attendees kept in the minutes",
        evidence_file=(io.BytesIO(content), filename),
    )
    return post_form(client, "engagements.new", data)


def test_pdf_minutes_are_saved_and_downloadable(officer_client):
    create_plan()
    response = _upload(officer_client, PDF, "minutes.pdf")
    assert response.status_code == 302, error_summary(parse(response))
    document = db.session.scalar(select(EngagementDocument))
    assert (document.filename, document.content_type, document.size) == ("minutes.pdf", "application/pdf", len(PDF))
    download = officer_client.get(f"/engagements/{document.engagement_id}/documents/{document.id}")
    assert download.data == PDF


def test_an_image_is_accepted(officer_client):
    create_plan()
    assert _upload(officer_client, PNG, "photo-of-flipchart.png").status_code == 302


def test_a_text_file_named_pdf_is_refused_and_nothing_saved(officer_client):
    create_plan()
    page = parse(_upload(officer_client, b"just some text, not a PDF at all", "minutes.pdf"))
    assert any("must be a PDF, a Word document (DOCX) or an image" in m for m in error_summary(page))
    assert page.select_one("#evidence_file").find_parent(class_="govuk-form-group--error") is not None
    assert db.session.scalar(select(func.count()).select_from(Engagement)) == 0


def test_a_file_over_20_mb_is_refused(officer_client):
    create_plan()
    page = parse(_upload(officer_client, PDF + b"0" * (20 * 1024 * 1024), "big.pdf"))
    assert "The selected file must be smaller than 20 MB" in error_summary(page)
    assert db.session.scalar(select(func.count()).select_from(EngagementDocument)) == 0
