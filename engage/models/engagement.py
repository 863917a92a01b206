"""The communications strategy, the engagements it plans and officers log, their follow-up actions and the
calendar feeds officers subscribe to."""

from datetime import date, datetime, time

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from engage.common.dates import LONDON
from engage.extensions import db
from engage.models.authority import Authority
from engage.models.plan import Plan, PlanStage, StrategicMatter
from engage.models.stakeholder import Register, Stakeholder
from engage.models.types import UTCDateTime, utcnow
from engage.models.user import User
from engage.vocab import EngagementKind, Mechanism

engagement_stakeholder = Table(
    "engagement_stakeholder",
    db.metadata,
    Column("engagement_id", Integer, ForeignKey("engagement.id", ondelete="CASCADE"), primary_key=True),
    Column("stakeholder_id", Integer, ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_engagement_stakeholder_stakeholder", "stakeholder_id", "engagement_id"),
)

engagement_matter = Table(
    "engagement_matter",
    db.metadata,
    Column("engagement_id", Integer, ForeignKey("engagement.id", ondelete="CASCADE"), primary_key=True),
    Column("matter_id", Integer, ForeignKey("strategic_matter.id", ondelete="CASCADE"), primary_key=True, index=True),
)

strategy_entry_stakeholder = Table(
    "strategy_entry_stakeholder",
    db.metadata,
    Column("strategy_entry_id", Integer, ForeignKey("strategy_entry.id", ondelete="CASCADE"), primary_key=True),
    Column("stakeholder_id", Integer, ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True, index=True),
)

strategy_entry_stage = Table(
    "strategy_entry_stage",
    db.metadata,
    Column("strategy_entry_id", Integer, ForeignKey("strategy_entry.id", ondelete="CASCADE"), primary_key=True),
    Column("plan_stage_id", Integer, ForeignKey("plan_stage.id", ondelete="CASCADE"), primary_key=True),
)

strategy_entry_matter = Table(
    "strategy_entry_matter",
    db.metadata,
    Column("strategy_entry_id", Integer, ForeignKey("strategy_entry.id", ondelete="CASCADE"), primary_key=True),
    Column("matter_id", Integer, ForeignKey("strategic_matter.id", ondelete="CASCADE"), primary_key=True),
)


class StrategyEntry(db.Model):
    """One line of the communications strategy: who (a register or named stakeholders), how, how often, when."""

    __tablename__ = "strategy_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    register_id: Mapped[int | None] = mapped_column(ForeignKey("register.id", ondelete="SET NULL"), index=True)
    mechanism: Mapped[str] = mapped_column(String(50), default="officer-liaison")  # engage.vocab.Mechanism
    cadence: Mapped[str] = mapped_column(String(20), default="one-off")  # engage.vocab.Cadence
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    time_of_day: Mapped[time] = mapped_column(Time, default=time(10, 0))
    duration_minutes: Mapped[int] = mapped_column(default=60)
    level: Mapped[str] = mapped_column(String(20), default="officer")  # engage.vocab.Level
    lead_authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id", ondelete="RESTRICT"), index=True)
    owner: Mapped[str] = mapped_column(String(200), default="")
    key_messages: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[Plan | None] = relationship()
    register: Mapped[Register | None] = relationship()
    stakeholders: Mapped[list[Stakeholder]] = relationship(
        secondary=strategy_entry_stakeholder, order_by=Stakeholder.sort_name
    )
    stages: Mapped[list[PlanStage]] = relationship(secondary=strategy_entry_stage, order_by=PlanStage.position)
    matters: Mapped[list[StrategicMatter]] = relationship(
        secondary=strategy_entry_matter, order_by=StrategicMatter.name
    )
    lead_authority: Mapped[Authority] = relationship()
    engagements: Mapped[list["Engagement"]] = relationship(back_populates="strategy_entry")

    @property
    def audience(self) -> str:
        if self.register is not None:
            return self.register.name
        return ", ".join(stakeholder.name for stakeholder in self.stakeholders) or "No audience set"

    @property
    def kind(self) -> str:
        """The kind of engagement the strategy plans for this entry's mechanism."""
        mechanism = Mechanism.find(self.mechanism)
        return (mechanism.kind if mechanism is not None else EngagementKind.OTHER).value


class Engagement(db.Model):
    """One contact, planned or held: a meeting, briefing, call, letter, press release and so on."""

    __tablename__ = "engagement"
    __table_args__ = (
        UniqueConstraint("strategy_entry_id", "scheduled_on", name="uq_engagement_strategy_occurrence"),
        Index("ix_engagement_authority_starts", "lead_authority_id", "starts_at"),
        Index("ix_engagement_status_starts", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30), default="meeting")  # engage.vocab.EngagementKind
    status: Mapped[str] = mapped_column(String(20), default="planned")  # engage.vocab.EngagementStatus
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lead_authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id", ondelete="RESTRICT"))
    level: Mapped[str] = mapped_column(String(20), default="officer")  # engage.vocab.Level
    plan_stage_id: Mapped[int | None] = mapped_column(ForeignKey("plan_stage.id", ondelete="SET NULL"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    agreement: Mapped[str] = mapped_column(String(20), default="n-a")  # engage.vocab.Agreement
    influence_on_plan: Mapped[str] = mapped_column(Text, default="")
    evidence_url: Mapped[str] = mapped_column(String(1000), default="")  # a published document (engagements/links.py)
    # Its number in the examination library, the list the programme officer keeps ("EL-12", "SD/4.2").
    examination_library_reference: Mapped[str] = mapped_column(String(50), default="")
    # Why a held engagement has no attendees or no strategic matter (a press release, a letter to all), so it
    # is not silently missing from the co-operation table.
    incomplete_reason: Mapped[str] = mapped_column(Text, default="")
    strategy_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("strategy_entry.id", ondelete="SET NULL"), index=True
    )
    scheduled_on: Mapped[date | None] = mapped_column(Date)  # the strategy occurrence it was generated for
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[Plan | None] = relationship()
    lead_authority: Mapped[Authority] = relationship()
    plan_stage: Mapped[PlanStage | None] = relationship()
    stakeholders: Mapped[list[Stakeholder]] = relationship(
        secondary=engagement_stakeholder, order_by=Stakeholder.sort_name
    )
    matters: Mapped[list[StrategicMatter]] = relationship(secondary=engagement_matter, order_by=StrategicMatter.name)
    strategy_entry: Mapped[StrategyEntry | None] = relationship(back_populates="engagements")
    created_by: Mapped[User | None] = relationship()
    actions: Mapped[list["Action"]] = relationship(
        back_populates="engagement", order_by="Action.due_on", cascade="all, delete-orphan"
    )
    documents: Mapped[list["EngagementDocument"]] = relationship(
        back_populates="engagement", order_by="EngagementDocument.id", cascade="all, delete-orphan"
    )

    @property
    def local_date(self) -> date:
        return self.starts_at.astimezone(LONDON).date()

    @property
    def awaiting_close(self) -> bool:
        """Still planned although it has taken place: an officer should mark it held or cancelled."""
        return self.status == "planned" and (self.ends_at or self.starts_at) < utcnow()

    @property
    def after_submission(self) -> bool:
        """Held (or planned) after the plan was submitted: inspectors look hard at these."""
        submitted = self.plan.submission_date if self.plan else None
        return bool(submitted and self.local_date > submitted)


class EngagementDocument(db.Model):
    """Minutes, a letter or other evidence uploaded for an engagement, kept in the database (every server reads it)."""

    __tablename__ = "engagement_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    engagement: Mapped[Engagement] = relationship(back_populates="documents")


class Action(db.Model):
    """A follow-up action agreed at an engagement, owned by an authority."""

    __tablename__ = "engagement_action"
    __table_args__ = (Index("ix_engagement_action_status_due", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner_authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id", ondelete="RESTRICT"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # engage.vocab.ActionStatus
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    engagement: Mapped[Engagement | None] = relationship(back_populates="actions")
    owner_authority: Mapped[Authority] = relationship()

    def is_overdue(self, today: date) -> bool:
        return self.status == "open" and self.due_on is not None and self.due_on < today


class CalendarFeed(db.Model):
    """A secret calendar subscription URL for one officer; only a hash of the secret is kept. Revocable."""

    __tablename__ = "calendar_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    authority_code: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
