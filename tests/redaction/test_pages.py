"""The officers' redaction pages: the queue, one representation's page, its forms and the file copy page."""

import io

from sqlalchemy import select

from engage.extensions import db
from engage.models import RedactedAttachment, Redaction, RedactionReview
from engage.redaction import services
from tests.pages import error_summary, get_page, parse, post_form
from tests.redaction.helpers import COMMENT, PDF, REDACTED_PDF, create_representation


def test_the_queue_lists_representations_with_suggestions_first(officer_client):
    plain = create_representation(comment="Nothing personal in this one.")
    personal = create_representation(plain.consultation)
    page = get_page(officer_client, "redaction.queue", consultation_id=plain.consultation_id)
    references = [a.get_text() for a in page.select("tbody tr td:first-child a")]
    assert references == [personal.reference, plain.reference]
    assert "Needs attention" in page.select("tbody tr")[0].get_text()


def test_the_redaction_page_marks_suggestions_and_lists_them_in_a_table(officer_client):
    representation = create_representation()
    page = get_page(officer_client, "redaction.show", reference=representation.reference)
    assert [m.get_text() for m in page.select("mark.app-suggestion")] == [
        "[suggested: 07700 900123]", "[suggested: 12 Acacia Avenue]", "[suggested: AL1 3JE]"
    ]  # fmt: skip
    table = page.find("caption", string="Personal data suggested in the representation").find_parent("table")
    assert "Phone number" in table.get_text() and "Street address" in table.get_text()


def test_accepting_a_suggestion_redacts_it(officer_client):
    representation = create_representation()
    start = COMMENT.index("07700")
    response = post_form(
        officer_client, "redaction.accept", {"field": "comment", "start": start, "end": start + 12},
        {"reference": representation.reference},
    )  # fmt: skip
    assert response.status_code == 302
    [redaction] = db.session.scalars(select(Redaction)).all()
    assert (redaction.start, redaction.end, redaction.reason) == (start, start + 12, "contact-details")
    page = get_page(officer_client, "redaction.show", reference=representation.reference)
    assert [m.get_text() for m in page.select(".app-redaction")] == ["[redacted: 07700 900123]"]
    assert "Redactions in the representation" in page.get_text()


def test_redacting_words_not_in_the_text_shows_the_error_and_keeps_what_was_typed(officer_client):
    representation = create_representation()
    response = post_form(
        officer_client, "redaction.redact", {"field": "comment", "words": "Kim Smith", "reason": "third-party"},
        {"reference": representation.reference},
    )  # fmt: skip
    page = parse(response)
    assert response.status_code == 200 and page.title.get_text().startswith("Error: ")
    assert error_summary(page)[0].startswith("These words are not in the text")
    assert page.select_one("#words")["value"] == "Kim Smith"
    assert db.session.scalar(select(Redaction)) is None


def test_redacting_words_and_removing_the_redaction(officer_client):
    representation = create_representation()
    post_form(
        officer_client, "redaction.redact", {"field": "comment", "words": "Jo Bloggs", "reason": "third-party"},
        {"reference": representation.reference},
    )  # fmt: skip
    redaction = db.session.scalar(select(Redaction))
    assert redaction.end - redaction.start == len("Jo Bloggs")
    post_form(officer_client, "redaction.remove", {}, {"reference": representation.reference,
                                                       "redaction_id": redaction.id})  # fmt: skip
    assert db.session.scalar(select(Redaction)) is None


def test_flagging_without_a_note_is_refused_and_reviewing_saves(officer_client):
    representation = create_representation()
    response = post_form(officer_client, "redaction.review", {"state": "flagged", "note": ""},
                         {"reference": representation.reference})  # fmt: skip
    assert error_summary(parse(response)) == ["Say what is still to be redacted"]
    response = post_form(officer_client, "redaction.review", {"state": "reviewed", "note": ""},
                         {"reference": representation.reference})  # fmt: skip
    assert response.status_code == 302
    assert db.session.get(RedactionReview, representation.id).state == "reviewed"


def test_uploading_a_redacted_copy_of_a_file(officer_client):
    representation = create_representation(upload=("letter.pdf", PDF))
    attachment = representation.attachments[0]
    kwargs = {"reference": representation.reference, "attachment_id": attachment.id}
    get_page(officer_client, "redaction.attachment", **kwargs)
    response = post_form(officer_client, "redaction.attachment", {"reason": "signature"}, kwargs)
    assert error_summary(parse(response)) == ["Select the redacted copy of the file"]
    response = post_form(
        officer_client, "redaction.attachment",
        {"reason": "signature", "file": (io.BytesIO(REDACTED_PDF), "letter-redacted.pdf")}, kwargs,
    )  # fmt: skip
    assert response.status_code == 302
    assert db.session.scalar(select(RedactedAttachment)).filename == "letter-redacted.pdf"
    download = officer_client.get(f"/redaction/representations/{representation.reference}/attachments/"
                                  f"{attachment.id}/redacted")  # fmt: skip
    assert download.data == REDACTED_PDF


def test_a_viewer_sees_the_page_without_the_forms(viewer_client):
    representation = create_representation()
    page = get_page(viewer_client, "redaction.show", reference=representation.reference)
    assert page.select("main form[method=post]") == []


def test_removing_a_redacted_copy(officer_client):
    representation = create_representation(upload=("letter.pdf", PDF))
    attachment = representation.attachments[0]
    services.replace_attachment(attachment, ("r.pdf", REDACTED_PDF), "signature")
    kwargs = {"reference": representation.reference, "attachment_id": attachment.id}
    assert post_form(officer_client, "redaction.remove_copy", {}, kwargs).status_code == 302
    assert db.session.scalar(select(RedactedAttachment)) is None
    response = post_form(officer_client, "redaction.remove_copy", {}, kwargs, follow_redirects=True)
    assert "This file has no redacted copy" in response.get_data(as_text=True)
