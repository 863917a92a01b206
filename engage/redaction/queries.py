"""Reads of redaction shared by the officers' pages, the public register, the API and every public output.

`public_text(representation, field)` is the text the public may see: each redaction replaced by "[redacted]", and,
until an officer has reviewed the representation, each suggestion of personal data too. A text changed since it
was redacted is withheld whole until an officer looks again. `PublicTexts` does the same for many
representations at once, for the exports."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Attachment, Part, RedactedAttachment, Redaction, RedactionReview, Representation, Respondent
from engage.redaction import patterns
from engage.vocab import RedactedField, ReviewState

REDACTED = "[redacted]"
WITHHELD = "[This text is withheld until it has been checked for personal data.]"
ATTRIBUTES = {RedactedField.COMMENT: "comment", RedactedField.MODIFICATION: "modification",
              RedactedField.HEARD_REASON: "heard_reason"}  # fmt: skip
Span = tuple[int, int, str]  # start, end, fingerprint of the text it was drawn on


def fingerprint(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()


def text_of(representation, field_name: str) -> str:
    return getattr(representation, ATTRIBUTES[RedactedField(field_name)]) or ""


def apply(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each (start, end) span, in order and not overlapping, replaced by "[redacted]"."""
    pieces, at = [], 0
    for start, end in sorted(spans):
        pieces += [text[at:start], REDACTED]
        at = end
    return "".join(pieces) + text[at:]


def redact(text: str, spans: list[Span], reviewed: bool) -> str:
    """The public form of a text with these redactions (and its suggestions, unless reviewed)."""
    if not text:
        return ""
    if spans and any(span[2] != fingerprint(text) for span in spans):
        return WITHHELD
    cover = [(start, end) for start, end, _ in spans]
    if not reviewed:
        cover += [(s.start, s.end) for s in patterns.uncovered(text, cover)]
    return apply(text, cover)


def redactions_of(representation_id: int) -> list[Redaction]:
    query = select(Redaction).where(Redaction.representation_id == representation_id)
    return list(db.session.scalars(query.order_by(Redaction.field, Redaction.start)))


def review_of(representation_id: int) -> RedactionReview | None:
    return db.session.get(RedactionReview, representation_id)


def is_reviewed(representation_id: int) -> bool:
    review = review_of(representation_id)
    return review is not None and review.state == ReviewState.REVIEWED


def fingerprints_of(representation) -> dict[str, str]:
    """Each text's fingerprint, kept with a review: a text changed since it was reviewed is no longer reviewed."""
    return {field_name: fingerprint(text_of(representation, field_name)) for field_name in RedactedField.values()}


def still_holds(fingerprints: dict[str, str] | None, field_name: str, text: str | None) -> bool:
    """Whether a review (with these fingerprints; None from before they were kept) still covers the text."""
    return not fingerprints or fingerprints.get(field_name) == fingerprint(text or "")


def public_text(representation, field_name: str) -> str:
    """The text of one field of a representation as every public output shows it."""
    spans = [(r.start, r.end, r.text_sha256) for r in redactions_of(representation.id) if r.field == field_name]
    text = text_of(representation, field_name)
    review = review_of(representation.id)
    reviewed = review is not None and review.state == ReviewState.REVIEWED
    return redact(text, spans, reviewed and still_holds(review.fingerprints, field_name, text))


def redacted_copies(attachment_ids: Iterable[int]) -> dict[int, RedactedAttachment]:
    ids = list(attachment_ids)
    if not ids:
        return {}
    found = db.session.scalars(select(RedactedAttachment).where(RedactedAttachment.attachment_id.in_(ids)))
    return {copy.attachment_id: copy for copy in found}


def public_attachments(representation) -> list[tuple[Attachment, RedactedAttachment | None]]:
    """The files the public may download: each redacted copy, and the originals of a reviewed representation that
    needed none."""
    copies = redacted_copies(a.id for a in representation.attachments)
    reviewed = is_reviewed(representation.id)
    return [(a, copies.get(a.id)) for a in representation.attachments if a.id in copies or reviewed]


class PublicTexts:
    """Public texts for every representation of some consultations (or, with `representation_ids`, for those
    representations), with two queries in all."""

    def __init__(self, consultation_ids: list[int] | None = None, *, representation_ids: list[int] | None = None):
        self.spans: dict[tuple[int, str], list[Span]] = defaultdict(list)
        self.reviewed: dict[int, dict[str, str] | None] = {}  # representation id: its texts' fingerprints
        if not consultation_ids and not representation_ids:
            return
        spans = select(Redaction.representation_id, Redaction.field, Redaction.start, Redaction.end,
                       Redaction.text_sha256)  # fmt: skip
        reviews = select(RedactionReview.representation_id, RedactionReview.fingerprints).where(
            RedactionReview.state == ReviewState.REVIEWED
        )
        if representation_ids:
            spans = spans.where(Redaction.representation_id.in_(representation_ids))
            reviews = reviews.where(RedactionReview.representation_id.in_(representation_ids))
        else:
            spans = spans.join(Representation, Representation.id == Redaction.representation_id).where(
                Representation.consultation_id.in_(consultation_ids)
            )
            reviews = reviews.where(RedactionReview.consultation_id.in_(consultation_ids))
        for representation_id, field_name, start, end, sha in db.session.execute(spans):
            self.spans[(representation_id, field_name)].append((start, end, sha))
        self.reviewed = dict(db.session.execute(reviews).all())

    def text(self, representation_id: int, field_name: str, text: str | None) -> str:
        spans = self.spans.get((representation_id, field_name), [])
        reviewed = representation_id in self.reviewed
        return redact(text or "", spans, reviewed and still_holds(self.reviewed[representation_id], field_name, text))


@dataclass
class QueueRow:
    """One representation in the redaction queue."""

    id: int
    reference: str
    respondent: str
    part: str
    withdrawn: bool
    state: str  # engage.vocab.ReviewState
    suggestions: int = 0
    redactions: int = 0
    stale: bool = False
    attachments: int = 0
    unredacted_attachments: int = 0
    kinds: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        """Flagged, or not yet reviewed with personal data suggested, a text changed since it was redacted or a
        file nobody has looked at: publishing the register waits for these."""
        if self.state == ReviewState.REVIEWED:
            return False
        return self.state == ReviewState.FLAGGED or bool(self.suggestions or self.stale or self.unredacted_attachments)


def _files(consultation_id: int) -> tuple[dict[int, int], dict[int, int]]:
    """Per representation, how many attachments it has and how many of them have a redacted copy."""
    totals = db.session.execute(
        select(Attachment.representation_id, func.count(Attachment.id), func.count(RedactedAttachment.id))
        .join(Representation, Representation.id == Attachment.representation_id)
        .outerjoin(RedactedAttachment, RedactedAttachment.attachment_id == Attachment.id)
        .where(Representation.consultation_id == consultation_id)
        .group_by(Attachment.representation_id)
    )
    files, copies = {}, {}
    for representation_id, count, copied in totals:
        files[representation_id], copies[representation_id] = count, copied
    return files, copies


def queue(consultation_id: int) -> list[QueueRow]:
    """Every representation of the consultation: those needing attention first, then those still to review, then
    the reviewed ones, each by reference."""
    texts = PublicTexts([consultation_id])
    reviews = {
        representation_id: (state, prints)
        for representation_id, state, prints in db.session.execute(
            select(RedactionReview.representation_id, RedactionReview.state, RedactionReview.fingerprints).where(
                RedactionReview.consultation_id == consultation_id
            )
        )
    }
    files, copies = _files(consultation_id)
    query = (
        select(Representation.id, Representation.respondent_id, Representation.number, Representation.status,
               Representation.comment, Representation.modification, Representation.heard_reason,
               Respondent.first_name, Respondent.last_name, Respondent.organisation, Part.ref)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id == consultation_id)
        .order_by(Representation.respondent_id, Representation.number)
    )  # fmt: skip
    rows = []
    for r in db.session.execute(query):
        name = " ".join(p for p in (r.first_name, r.last_name) if p)
        row = QueueRow(
            id=r.id, reference=f"R-{r.respondent_id:05d}-{r.number}",
            respondent=", ".join(p for p in (name, r.organisation) if p), part=r.ref or "The plan as a whole",
            withdrawn=r.status == "withdrawn", state=_state(reviews.get(r.id), r),
            attachments=files.get(r.id, 0), unredacted_attachments=files.get(r.id, 0) - copies.get(r.id, 0),
        )  # fmt: skip
        for field_name, attribute in ATTRIBUTES.items():
            _count(row, texts.spans.get((r.id, field_name), []), getattr(r, attribute) or "")
        rows.append(row)
    order = {ReviewState.TO_REVIEW: 1, ReviewState.FLAGGED: 0, ReviewState.REVIEWED: 2}
    return sorted(rows, key=lambda row: (not row.needs_attention, order.get(row.state, 1)))


def _state(review: tuple[str, dict | None] | None, row) -> str:
    """The review's state; a review of texts changed since (a correction) no longer counts."""
    if review is None:
        return ReviewState.TO_REVIEW
    state, prints = review
    if state == ReviewState.REVIEWED and not all(
        still_holds(prints, field_name, getattr(row, attribute)) for field_name, attribute in ATTRIBUTES.items()
    ):
        return ReviewState.TO_REVIEW
    return state


def _count(row: QueueRow, spans: list[Span], text: str) -> None:
    row.redactions += len(spans)
    if spans and any(sha != fingerprint(text) for _, _, sha in spans):
        row.stale = True
        return
    found = patterns.uncovered(text, [(start, end) for start, end, _ in spans])
    row.suggestions += len(found)
    row.kinds += [s.kind for s in found if s.kind not in row.kinds]


def review_counts(consultation_id: int) -> dict[str, int]:
    """How far the redaction review of a consultation has gone: representations in all, those flagged (needing an
    officer before the register can be published), those with at least one redaction or redacted file, and those
    reviewed."""
    return counts(queue(consultation_id))


def counts(rows: list[QueueRow]) -> dict[str, int]:
    """review_counts of the queue's rows."""
    return {
        "total": len(rows),
        "flagged": sum(1 for row in rows if row.needs_attention),
        "redacted": sum(1 for row in rows if row.redactions or row.attachments - row.unredacted_attachments),
        "reviewed": sum(1 for row in rows if row.state == ReviewState.REVIEWED),
    }


@dataclass
class FieldView:
    """One text of a representation on the redaction page: cut into pieces, each plain, redacted or suggested."""

    field: str
    label: str
    text: str
    redactions: list[Redaction]
    suggestions: list[patterns.Suggestion]
    stale: bool
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (text, "" | "redacted" | "suggested")


def field_views(representation) -> list[FieldView]:
    """The texts of the representation that have something in them, as the redaction page shows them."""
    everything = redactions_of(representation.id)
    views = []
    for member in RedactedField:
        text = text_of(representation, member)
        mine = [r for r in everything if r.field == member]
        if not text and not mine:
            continue
        stale = any(r.text_sha256 != fingerprint(text) for r in mine)
        found = [] if stale else patterns.uncovered(text, [(r.start, r.end) for r in mine])
        view = FieldView(member.value, member.label, text, mine, found, stale)
        marks = sorted([(r.start, r.end, "redacted") for r in mine] + [(s.start, s.end, "suggested") for s in found])
        at = 0
        for start, end, kind in [] if stale else marks:
            view.pieces += [(text[at:start], ""), (text[start:end], kind)]
            at = end
        view.pieces.append((text[at:], ""))
        views.append(view)
    return views
