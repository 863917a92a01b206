"""Publishing a consultation's public register of representations, and taking it down.

Publishing is a deliberate step: the officer sees a preview first, and it is refused while any representation is
flagged or still has personal data suggested, a text changed since it was redacted or a file nobody has looked at
(engage.redaction.queries.QueueRow.needs_attention). Taking the register down keeps the redactions."""

from datetime import datetime

from sqlalchemy import select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, RegisterPublication, utcnow
from engage.redaction import queries


def publication_of(consultation_id: int) -> RegisterPublication | None:
    return db.session.scalar(select(RegisterPublication).where(RegisterPublication.consultation_id == consultation_id))


def is_published(consultation_id: int) -> bool:
    found = publication_of(consultation_id)
    return found is not None and found.published_at is not None


def blockers(consultation_id: int, rows: list[queries.QueueRow] | None = None) -> list[queries.QueueRow]:
    """The representations that must be seen to before the register can be published (of the queue's `rows`, when
    the caller has them already)."""
    return [row for row in (queries.queue(consultation_id) if rows is None else rows) if row.needs_attention]


def publish_register(consultation: Consultation, *, user=None, moment: datetime | None = None) -> RegisterPublication:
    if consultation.status == "draft":
        raise ValidationError({"publish": ["Publish the consultation before its register of representations"]})
    if is_published(consultation.id):
        raise ValidationError({"publish": ["The register is already published"]})
    waiting = blockers(consultation.id)
    if waiting:
        first = ", ".join(row.reference for row in waiting[:5]) + (" and others" if len(waiting) > 5 else "")
        count = f"{len(waiting):,} representation" + ("s are" if len(waiting) > 1 else " is")
        raise ValidationError(
            {"publish": [f"The register cannot be published yet: {count} flagged or not yet redacted ({first})"]}
        )
    found = publication_of(consultation.id)
    if found is None:
        found = RegisterPublication(consultation_id=consultation.id)
        db.session.add(found)
    found.published_at, found.published_by_id = moment or utcnow(), getattr(user, "id", None)
    audit.record("publish-register", "consultation", consultation.id,
                 f"Register of representations of {consultation.title} published", user=user)  # fmt: skip
    db.session.commit()
    return found


def unpublish_register(consultation: Consultation, *, user=None) -> None:
    found = publication_of(consultation.id)
    if found is None or found.published_at is None:
        raise ValidationError({"publish": ["The register is not published"]})
    found.published_at = None
    audit.record("unpublish-register", "consultation", consultation.id,
                 f"Register of representations of {consultation.title} taken down", user=user)  # fmt: skip
    db.session.commit()
