"""Redacting spans of a representation's text and its files, reviewing it, and what the public then sees."""

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, RedactedAttachment, Redaction, RedactionReview
from engage.redaction import queries, services
from tests.factories import create_user
from tests.redaction.helpers import COMMENT, PDF, REDACTED_PDF, create_representation


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_redacted_span_is_replaced_in_the_public_text_and_audited_without_the_words():
    representation = create_representation()
    start = COMMENT.index("Jo Bloggs")
    services.add_redaction(representation, "comment", start, start + len("Jo Bloggs"), "third-party",
                           user=create_user())  # fmt: skip
    public = queries.public_text(representation, "comment")
    assert "Jo Bloggs" not in public and "My neighbour [redacted] agrees." in public
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "redact"))
    assert "Jo Bloggs" not in event.summary and event.changes["reason"] == "third-party"
    assert representation.comment == COMMENT  # the original is kept for the inspector


def test_until_reviewed_the_suggestions_are_kept_out_of_the_public_text_too():
    representation = create_representation()
    public = queries.public_text(representation, "comment")
    for personal in ("07700 900123", "12 Acacia Avenue", "AL1 3JE"):
        assert personal not in public
    assert public.startswith("The housing figure is not justified.")


def test_once_reviewed_only_the_officers_redactions_apply():
    representation = create_representation(comment="Object to site 0800 scheme at 2 Station Road.")
    services.set_review(representation, "reviewed", user=create_user())
    assert queries.public_text(representation, "comment") == "Object to site 0800 scheme at 2 Station Road."


def test_accepting_every_suggestion_redacts_each_of_them():
    representation = create_representation()
    made = services.accept_suggestions(representation)
    assert len(made) == 3
    assert queries.public_text(representation, "comment").count("[redacted]") == 3


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 3, "start"), (0, 10_000, "end"), (5, 5, "end"), (len(COMMENT), len(COMMENT) + 2, "start"), ("1", 3, "start")],
)
def test_a_redaction_outside_the_text_is_refused_and_nothing_is_saved(start, end, field):
    representation = create_representation()
    with pytest.raises(ValidationError) as raised:
        services.add_redaction(representation, "comment", start, end, "third-party")
    assert field in raised.value.errors
    db.session.rollback()
    assert _count(Redaction) == 0
    assert db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "redact")) == 0


def test_overlapping_redactions_are_refused_with_a_clear_message():
    representation = create_representation()
    services.add_redaction(representation, "comment", 10, 20, "third-party")
    with pytest.raises(ValidationError) as raised:
        services.add_redaction(representation, "comment", 15, 25, "third-party")
    assert "overlaps a redaction already made (characters 10 to 20)" in raised.value.errors["start"][0]
    db.session.rollback()
    assert _count(Redaction) == 1


def test_a_reason_and_a_field_from_the_lists_are_needed():
    representation = create_representation()
    with pytest.raises(ValidationError) as raised:
        services.add_redaction(representation, "comment", 0, 3, "because")
    assert raised.value.errors == {"reason": ["Select why this is being redacted"]}
    with pytest.raises(ValidationError) as raised:
        services.add_redaction(representation, "address", 0, 3, "third-party")
    assert "field" in raised.value.errors


def test_redacting_words_finds_every_place_and_refuses_words_not_in_the_text():
    representation = create_representation(comment="Jo said no. Jo is right.")
    made = services.redact_words(representation, "comment", "Jo", "third-party")
    assert [(r.start, r.end) for r in made] == [(0, 2), (12, 14)]
    with pytest.raises(ValidationError) as raised:
        services.redact_words(representation, "comment", "Kim", "third-party")
    assert raised.value.errors["words"][0].startswith("These words are not in the text")
    with pytest.raises(ValidationError) as raised:
        services.redact_words(representation, "comment", "Jo", "third-party")
    assert raised.value.errors["words"][0].startswith("These words are already redacted")


def test_a_text_changed_after_redaction_is_withheld_whole():
    representation = create_representation()
    services.add_redaction(representation, "comment", 0, 3, "third-party")
    representation.comment = "A different text with 07700 900123."
    db.session.commit()
    assert queries.public_text(representation, "comment") == queries.WITHHELD
    assert queries.review_counts(representation.consultation_id)["flagged"] == 1


def test_a_redacted_copy_of_a_file_is_kept_beside_the_original():
    representation = create_representation(upload=("letter.pdf", PDF))
    attachment = representation.attachments[0]
    assert queries.public_attachments(representation) == []  # not before it is redacted or reviewed
    services.replace_attachment(attachment, ("letter-redacted.pdf", REDACTED_PDF), "signature")
    [(original, copy)] = queries.public_attachments(representation)
    assert original.id == attachment.id and copy.filename == "letter-redacted.pdf"
    assert attachment.content == PDF


def test_a_redacted_copy_must_be_an_allowed_file():
    representation = create_representation(upload=("letter.pdf", PDF))
    with pytest.raises(ValidationError) as raised:
        services.replace_attachment(representation.attachments[0], ("x.exe", b"MZ\x90\x00"), "signature")
    assert "file" in raised.value.errors
    with pytest.raises(ValidationError):
        services.replace_attachment(representation.attachments[0], None, "signature")
    db.session.rollback()
    assert _count(RedactedAttachment) == 0


def test_flagging_needs_a_note_and_counts_towards_the_progress():
    representation = create_representation(comment="Nothing personal here.")
    with pytest.raises(ValidationError) as raised:
        services.set_review(representation, "flagged", "")
    assert "note" in raised.value.errors
    assert queries.review_counts(representation.consultation_id) == {
        "total": 1, "flagged": 0, "redacted": 0, "reviewed": 0
    }  # fmt: skip
    services.set_review(representation, "flagged", "Signature in the letter")
    assert queries.review_counts(representation.consultation_id)["flagged"] == 1
    services.set_review(representation, "reviewed")
    assert queries.review_counts(representation.consultation_id) == {
        "total": 1, "flagged": 0, "redacted": 0, "reviewed": 1
    }  # fmt: skip


def test_forgetting_a_representation_drops_its_redactions_without_committing():
    representation = create_representation(upload=("letter.pdf", PDF))
    services.accept_suggestions(representation)
    services.replace_attachment(representation.attachments[0], ("r.pdf", REDACTED_PDF), "signature")
    services.set_review(representation, "reviewed")
    services.forget_representation(representation)
    assert _count(Redaction) == _count(RedactedAttachment) == _count(RedactionReview) == 0
    db.session.rollback()
    assert _count(Redaction) == 3  # nothing was committed
