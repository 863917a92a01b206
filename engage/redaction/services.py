"""Redacting a representation: spans of its text (drawn by an officer or accepted from the suggestions), redacted
copies of its attachments, and the officer's review. Each write checks everything first, records an audit event
(which says where the redaction is and why, never the words redacted) and commits last.

`forget_representation` drops all of it without committing, for erasure to call inside its own transaction."""

from sqlalchemy import delete, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Attachment, RedactedAttachment, Redaction, RedactionReview, Representation
from engage.redaction import patterns, queries
from engage.representations.attachments import check_upload
from engage.vocab import RedactedField, RedactionReason, ReviewState

NOTE_LIMIT = 1000
WORDS_LIMIT = 500
REASON_MESSAGE = "Select why this is being redacted"


def _field(value) -> str:
    if value not in RedactedField.values():
        raise ValidationError({"field": ["Select which text to redact"]})
    return value


def _reason(value) -> str:
    if value not in RedactionReason.values():
        raise ValidationError({"reason": [REASON_MESSAGE]})
    return value


def _check_span(representation: Representation, field: str, start, end) -> None:
    """Inside the text, not empty, and not overlapping a redaction already made."""
    text = queries.text_of(representation, field)
    label = RedactedField.label_of(field).lower()
    if not isinstance(start, int) or isinstance(start, bool) or not 0 <= start < max(len(text), 1):
        raise ValidationError({"start": [f"The start must be a character of the {label}, from 0 to {len(text) - 1}"]})
    if not isinstance(end, int) or isinstance(end, bool) or not start < end <= len(text):
        raise ValidationError(
            {"end": [f"The end must be after the start and at most {len(text)}, the length of the {label}"]}
        )
    for existing in queries.redactions_of(representation.id):
        if existing.field != field:
            continue
        if existing.text_sha256 != queries.fingerprint(text):
            raise ValidationError(
                {"start": [f"The {label} has changed since it was redacted: remove its old redactions first"]}
            )
        if existing.start < end and start < existing.end:
            raise ValidationError(
                {
                    "start": [
                        f"This overlaps a redaction already made (characters {existing.start}"
                        f" to {existing.end}): remove that one first, or choose other words"
                    ]
                }
            )


def _add(representation: Representation, field: str, start: int, end: int, reason: str, user) -> Redaction:
    redaction = Redaction(
        representation_id=representation.id,
        field=field,
        start=start,
        end=end,
        reason=reason,
        text_sha256=queries.fingerprint(queries.text_of(representation, field)),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(redaction)
    audit.record(
        "redact",
        "representation",
        representation.id,
        f"{representation.reference}: characters {start} to {end} of the {RedactedField.label_of(field).lower()}"
        f" redacted ({RedactionReason.label_of(reason)})",
        user=user,
        changes={"field": field, "start": start, "end": end, "reason": reason},
    )
    return redaction


def add_redaction(representation: Representation, field, start, end, reason, *, user=None) -> Redaction:
    """Redact characters start…end (end excluded) of one text of the representation."""
    field = _field(field)
    _check_span(representation, field, start, end)
    redaction = _add(representation, field, start, end, _reason(reason), user)
    db.session.commit()
    return redaction


def redact_words(representation: Representation, field, words, reason, *, user=None) -> list[Redaction]:
    """Redact every place the words appear in one text of the representation (those already redacted stay)."""
    field = _field(field)
    reason = _reason(reason)
    words = (words or "").strip()
    if not words:
        raise ValidationError({"words": ["Enter the words to redact, as they appear in the text"]})
    if len(words) > WORDS_LIMIT:
        raise ValidationError({"words": [f"The words must be {WORDS_LIMIT} characters or fewer"]})
    text = queries.text_of(representation, field)
    done = [(r.start, r.end) for r in queries.redactions_of(representation.id) if r.field == field]
    places, at = [], text.find(words)
    while at >= 0:
        if (at, at + len(words)) not in done and not any(s <= at and at + len(words) <= e for s, e in done):
            places.append(at)
        at = text.find(words, at + len(words))
    if not places:
        message = "These words are already redacted" if words in text else "These words are not in the text"
        label = RedactedField.label_of(field).lower()
        raise ValidationError({"words": [f"{message}: copy them exactly as they appear in the {label}"]})
    for start in places:
        _check_span(representation, field, start, start + len(words))
    created = [_add(representation, field, start, start + len(words), reason, user) for start in places]
    db.session.commit()
    return created


def accept_suggestions(
    representation: Representation, reason=RedactionReason.CONTACT_DETAILS, *, only=None, user=None
) -> list[Redaction]:
    """Redact the suggestions of personal data (or only the one at `only`, a (field, start, end))."""
    reason = _reason(reason)
    chosen = []
    for field in RedactedField.values():
        text = queries.text_of(representation, field)
        done = [(r.start, r.end) for r in queries.redactions_of(representation.id) if r.field == field]
        for suggestion in patterns.uncovered(text, done):
            if only is None or tuple(only) == (field, suggestion.start, suggestion.end):
                chosen.append((field, suggestion))
    if not chosen:
        raise ValidationError({"suggestion": ["There is no such suggestion: it may have been redacted already"]})
    for field, suggestion in chosen:
        _check_span(representation, field, suggestion.start, suggestion.end)
    created = [_add(representation, field, s.start, s.end, reason, user) for field, s in chosen]
    db.session.commit()
    return created


def find_redaction(representation: Representation, redaction_id) -> Redaction | None:
    redaction = db.session.get(Redaction, redaction_id) if isinstance(redaction_id, int) else None
    return redaction if redaction is not None and redaction.representation_id == representation.id else None


def remove_redaction(representation: Representation, redaction: Redaction, *, user=None) -> None:
    audit.record(
        "unredact",
        "representation",
        representation.id,
        f"{representation.reference}: redaction of characters {redaction.start} to {redaction.end} of the"
        f" {RedactedField.label_of(redaction.field).lower()} removed",
        user=user,
        changes={"field": redaction.field, "start": redaction.start, "end": redaction.end},
    )
    db.session.delete(redaction)
    db.session.commit()


def replace_attachment(attachment: Attachment, upload: tuple[str, bytes] | None, reason, *, user=None):
    """Publish a redacted copy of the file instead of it (a second copy replaces the first)."""
    reason = _reason(reason)
    if upload is None:
        raise ValidationError({"file": ["Select the redacted copy of the file"]})
    values = check_upload(*upload, field="file")
    copy = db.session.scalar(select(RedactedAttachment).where(RedactedAttachment.attachment_id == attachment.id))
    if copy is None:
        copy = RedactedAttachment(attachment_id=attachment.id)
        db.session.add(copy)
    for name, value in values.items():
        setattr(copy, name, value)
    copy.reason, copy.created_by_id = reason, getattr(user, "id", None)
    audit.record(
        "redact-file",
        "representation",
        attachment.representation_id,
        f"Attachment {attachment.id} replaced in what is published by a redacted copy"
        f" ({RedactionReason.label_of(reason)})",
        user=user,
        changes={"attachment": attachment.id, "reason": reason, "sha256": values["sha256"]},
    )
    db.session.commit()
    return copy


def remove_redacted_copy(attachment: Attachment, *, user=None) -> None:
    copy = db.session.scalar(select(RedactedAttachment).where(RedactedAttachment.attachment_id == attachment.id))
    if copy is None:
        raise ValidationError({"file": ["This file has no redacted copy"]})
    audit.record(
        "unredact-file",
        "representation",
        attachment.representation_id,
        f"Redacted copy of attachment {attachment.id} removed",
        user=user,
        changes={"attachment": attachment.id},
    )
    db.session.delete(copy)
    db.session.commit()


def set_review(representation: Representation, state, note=None, *, user=None) -> RedactionReview | None:
    """Mark the representation reviewed (what is left of the suggestions is not personal data), flag it (something
    is still to redact, say in a file; a note says what) or put it back to be reviewed."""
    if state not in ReviewState.values():
        raise ValidationError({"state": ["Select whether the representation is reviewed or flagged"]})
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationError({"note": [f"The note must be {NOTE_LIMIT:,} characters or fewer"]})
    if state == ReviewState.FLAGGED and not note:
        raise ValidationError({"note": ["Say what is still to be redacted"]})
    review = queries.review_of(representation.id)
    before = review.state if review else ReviewState.TO_REVIEW
    if state == ReviewState.TO_REVIEW:
        if review is not None:
            db.session.delete(review)
        review = None
    else:
        if review is None:
            review = RedactionReview(
                representation_id=representation.id, consultation_id=representation.consultation_id
            )
        review.state, review.note, review.updated_by_id = state, note, getattr(user, "id", None)
        review.fingerprints = queries.fingerprints_of(representation)
        db.session.add(review)
    audit.record(
        "review",
        "representation",
        representation.id,
        f"{representation.reference}: redaction review {ReviewState.label_of(state).lower()}",
        user=user,
        changes={"state": [before, state]},
    )
    db.session.commit()
    return review


def forget_representation(representation: Representation) -> None:
    """Delete the representation's redactions, redacted copies of its files and its review, without committing:
    for erasure, inside its own transaction."""
    db.session.execute(delete(Redaction).where(Redaction.representation_id == representation.id))
    db.session.execute(delete(RedactionReview).where(RedactionReview.representation_id == representation.id))
    files = select(Attachment.id).where(Attachment.representation_id == representation.id)
    db.session.execute(delete(RedactedAttachment).where(RedactedAttachment.attachment_id.in_(files)))
