"""Respondents, their representations, attachments and the server-side drafts of online responses.

References are stable and derived from primary keys, so they never need a second write and never collide
between app servers: respondent `R-00123` (the respondent's id, at least five digits), representation
`R-00123-2` (the respondent's reference and the representation's number for that respondent, from 1).
"""

import re
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from engage.extensions import db
from engage.models.consultation import Consultation, Part
from engage.models.stakeholder import Stakeholder
from engage.models.types import UTCDateTime, utcnow

PERSON_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "email",
    "phone",
    "address",
    "postcode",
)
REFERENCE_PATTERN = re.compile(r"^R-?(\d{1,10})(?:-(\d{1,6}))?$", re.IGNORECASE)


def respondent_reference(respondent_id: int) -> str:
    return f"R-{respondent_id:05d}"


def representation_reference(respondent_id: int, number: int) -> str:
    return f"{respondent_reference(respondent_id)}-{number}"


def parse_reference(reference: str) -> tuple[int, int | None] | None:
    """'R-00123-2' -> (123, 2); 'R-00123' -> (123, None); None when it is not a reference."""
    match = REFERENCE_PATTERN.match((reference or "").strip())
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


class Respondent(db.Model):
    """The person (or organisation) responding to one consultation, and their agent if they have one."""

    __tablename__ = "respondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    stakeholder_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(50), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    agent: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # personal data pseudonymised (personal_data/)
    # A random id shared by the records of one erased person, so "distinct people" still counts them once.
    erased_person: Mapped[str | None] = mapped_column(String(32))

    consultation: Mapped[Consultation] = relationship()
    stakeholder: Mapped[Stakeholder | None] = relationship()
    representations: Mapped[list["Representation"]] = relationship(
        back_populates="respondent", order_by="Representation.number"
    )

    @property
    def reference(self) -> str:
        return respondent_reference(self.id)

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def person(self) -> dict[str, str]:
        return {field: getattr(self, field) for field in PERSON_FIELDS}


class Representation(db.Model):
    __tablename__ = "representation"
    __table_args__ = (
        UniqueConstraint("respondent_id", "number"),
        Index("ix_representation_consultation_received", "consultation_id", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"))
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(default=1)
    channel: Mapped[str] = mapped_column(String(20), default="online")  # engage.vocab.Channel
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("consultation_part.id", ondelete="SET NULL"), index=True)
    nature: Mapped[str] = mapped_column(String(20), default="comment")  # engage.vocab.Nature
    legally_compliant: Mapped[str] = mapped_column(String(20), default="not-specified")  # engage.vocab.Answer
    sound: Mapped[str] = mapped_column(String(20), default="not-specified")  # engage.vocab.Answer
    dtc_compliant: Mapped[str] = mapped_column(String(20), default="not-specified")  # engage.vocab.Answer
    unsound_tests: Mapped[list[str]] = mapped_column(JSON, default=list)  # engage.vocab.SoundnessTest values
    comment: Mapped[str] = mapped_column(Text, default="")
    modification: Mapped[str] = mapped_column(Text, default="")
    wishes_to_be_heard: Mapped[bool] = mapped_column(Boolean, default=False)
    heard_reason: Mapped[str] = mapped_column(Text, default="")
    notify: Mapped[list[str]] = mapped_column(JSON, default=list)  # engage.vocab.NotifyEvent values
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="submitted")  # engage.vocab.RepresentationStatus
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    consultation: Mapped[Consultation] = relationship()
    respondent: Mapped[Respondent] = relationship(back_populates="representations")
    part: Mapped[Part | None] = relationship()
    campaign: Mapped["Campaign | None"] = relationship()  # noqa: F821 (engage.models.campaign)
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="representation",
        order_by="Attachment.id",
        primaryjoin="Attachment.representation_id == Representation.id",
    )

    @property
    def reference(self) -> str:
        return representation_reference(self.respondent_id, self.number)


class Attachment(db.Model):
    """A file sent with a representation, kept in the database so every app server can read it."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    representation_id: Mapped[int | None] = mapped_column(
        ForeignKey("representation.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("response_draft.id", ondelete="SET NULL"), index=True)
    draft_item: Mapped[int] = mapped_column(default=0)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    representation: Mapped[Representation | None] = relationship(back_populates="attachments")


class ResponseDraft(db.Model):
    """An online response in progress, keyed by a random token kept in the session cookie or a save-and-return
    link. Submitting marks it submitted and records the respondent, so a second submit creates nothing."""

    __tablename__ = "response_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    email: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    respondent_id: Mapped[int | None] = mapped_column(ForeignKey("respondent.id", ondelete="SET NULL"))

    consultation: Mapped[Consultation] = relationship()
    respondent: Mapped[Respondent | None] = relationship()


class AcknowledgementDue(db.Model):
    """The outbox of acknowledgement emails: a row is written in the transaction that records an online response
    and deleted once the email is sent (or given up on), so an acknowledgement survives a lost queue or a worker
    restart (engage.respond.emails). `attempts` counts the failed sends; `due_at` is when to try next."""

    __tablename__ = "acknowledgement_due"

    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(default=0)

    respondent: Mapped[Respondent] = relationship()
