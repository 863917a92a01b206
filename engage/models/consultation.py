"""Consultations: what is being consulted on, its documents, the parts people can comment on, its questions and
who was invited and how it was publicised. Status is derived from the dates and the published flag, never stored."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from engage.extensions import db
from engage.models.plan import Plan
from engage.models.stakeholder import Stakeholder
from engage.models.types import UTCDateTime, utcnow
from engage.vocab import ConsultationStage


class Consultation(db.Model):
    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"), index=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(50), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    form_type: Mapped[str] = mapped_column(String(30), default="model-representation-form")  # engage.vocab.FormType
    privacy_notice: Mapped[str] = mapped_column(Text, default="")
    procedure_statement: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[Plan | None] = relationship()
    parts: Mapped[list["Part"]] = relationship(
        back_populates="consultation", order_by="Part.position", cascade="all, delete-orphan"
    )
    documents: Mapped[list["ConsultationDocument"]] = relationship(
        back_populates="consultation", order_by="ConsultationDocument.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list["Question"]] = relationship(
        back_populates="consultation", order_by="Question.position", cascade="all, delete-orphan"
    )
    publicity: Mapped[list["Publicity"]] = relationship(
        back_populates="consultation", order_by="[Publicity.starts_on, Publicity.id]", cascade="all, delete-orphan"
    )

    def status_at(self, moment: datetime) -> str:
        if not self.published:
            return "draft"
        if moment < self.opens_at:
            return "scheduled"
        return "open" if moment < self.closes_at else "closed"

    @property
    def status(self) -> str:
        return self.status_at(utcnow())

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def stage_name(self) -> str:
        for stage in self.plan.stages if self.plan else []:
            if stage.slug == self.stage:
                return stage.name
        return ConsultationStage.label_of(self.stage)

    @property
    def is_questionnaire(self) -> bool:
        return self.form_type == "questionnaire"


class Part(db.Model):
    """A part of the plan people can comment on: a chapter, or a policy, paragraph or site within one."""

    __tablename__ = "consultation_part"
    __table_args__ = (UniqueConstraint("consultation_id", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("consultation_part.id", ondelete="SET NULL"))
    ref: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="policy")  # engage.vocab.PartKind
    position: Mapped[int] = mapped_column(default=0)

    consultation: Mapped[Consultation] = relationship(back_populates="parts")
    parent: Mapped["Part | None"] = relationship(remote_side=[id])

    @property
    def label(self) -> str:
        return part_label(self.ref, self.title)


def part_label(ref: str, title: str) -> str:
    """How a part of the plan is named to people: its reference and title."""
    return f"{ref}: {title}" if title else ref


class ConsultationDocument(db.Model):
    """An uploaded file (kept in the database so every app server can serve it), a link, or HTML text."""

    __tablename__ = "consultation_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="link")  # engage.vocab.DocumentKind
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(2000), default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(300), default="")
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(default=0)
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    position: Mapped[int] = mapped_column(default=0)

    consultation: Mapped[Consultation] = relationship(back_populates="documents")


class Question(db.Model):
    """A question of a questionnaire consultation; options are the choices of single- and multiple-choice ones."""

    __tablename__ = "consultation_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="free-text")  # engage.vocab.QuestionKind
    text: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(default=0)

    consultation: Mapped[Consultation] = relationship(back_populates="questions")


class Invitation(db.Model):
    """Who was invited to a consultation, how and when: evidence for the statement of consultation."""

    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("consultation_id", "stakeholder_id", "method"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    stakeholder_id: Mapped[int] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20), default="email")  # engage.vocab.InvitationMethod
    status: Mapped[str] = mapped_column(String(20), default="pending")  # engage.vocab.InvitationStatus
    job_id: Mapped[int | None] = mapped_column(ForeignKey("job.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    consultation: Mapped[Consultation] = relationship()
    stakeholder: Mapped[Stakeholder] = relationship()


class Publicity(db.Model):
    """One way a consultation was made known (a public notice, an exhibition, a deposit point…) and when: the
    statement of consultation's "how". Invitations record the emails and letters to each person; a publicity record
    says what an officer wants the statement to show beyond them, with the attendance of exhibitions and events."""

    __tablename__ = "consultation_publicity"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20))  # engage.vocab.PublicityMethod
    description: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    attendance: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    consultation: Mapped[Consultation] = relationship(back_populates="publicity")
