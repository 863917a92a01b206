"""Redaction: the spans of a representation's text an officer keeps out of what is published, the redacted copies
of its attachments, each representation's review, and whether a consultation's public register is published.

The original text and files are never changed: the inspector and the programme officer receive them in full.
Every public output reads the text through engage.redaction.queries, which puts "[redacted]" over each span.
A span remembers a fingerprint of the text it was drawn on; if that text changes afterwards the span no longer
lines up, and the public outputs withhold the whole text until an officer looks again.
"""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from engage.extensions import db
from engage.models.consultation import Consultation
from engage.models.representation import Attachment, Representation
from engage.models.types import UTCDateTime, utcnow


class Redaction(db.Model):
    """Characters start…end (Python string offsets, end excluded) of one text of a representation."""

    __tablename__ = "redaction"
    __table_args__ = (Index("ix_redaction_representation_field", "representation_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    representation_id: Mapped[int] = mapped_column(ForeignKey("representation.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(20))  # engage.vocab.RedactedField
    start: Mapped[int]
    end: Mapped[int]
    reason: Mapped[str] = mapped_column(String(30))  # engage.vocab.RedactionReason
    text_sha256: Mapped[str] = mapped_column(String(64))  # of the whole text the span was drawn on
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    representation: Mapped[Representation] = relationship()


class RedactedAttachment(db.Model):
    """The copy of an attachment that is published instead of it; the original stays for the inspector."""

    __tablename__ = "redacted_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachment.id", ondelete="CASCADE"), unique=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    reason: Mapped[str] = mapped_column(String(30))  # engage.vocab.RedactionReason
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attachment: Mapped[Attachment] = relationship()


class RedactionReview(db.Model):
    """An officer's review of one representation: flagged (something still to redact, say in an attachment) or
    reviewed (ready to publish). A representation without one is still to be reviewed."""

    __tablename__ = "redaction_review"

    representation_id: Mapped[int] = mapped_column(
        ForeignKey("representation.id", ondelete="CASCADE"), primary_key=True
    )
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(20))  # engage.vocab.ReviewState, never "to-review"
    note: Mapped[str] = mapped_column(Text, default="")
    # The fingerprint of each text when it was reviewed: a text changed since (a correction) is no longer reviewed
    fingerprints: Mapped[dict[str, str] | None] = mapped_column(JSON)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class RegisterPublication(db.Model):
    """Whether a consultation's public register of representations is published, since when and by whom."""

    __tablename__ = "register_publication"
    __table_args__ = (UniqueConstraint("consultation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    consultation: Mapped[Consultation] = relationship()
