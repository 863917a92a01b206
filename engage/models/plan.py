"""The plan being prepared, the routes plans follow, the plan's stages and the strategic matters it covers.

A route (the 2012 or the 2026 regulations) is a template of stages, seeded as data (engage/seeds/routes.py). A plan
copies its route's stages when it is set up; each stage keeps its role (engage.vocab.StageRole) and the national
planning data event codes of its start and end, so every rule reads roles and the open-data export reads codes.
"""

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.authority import Authority
from engage.models.types import UTCDateTime, utcnow

CONSULTING_ROLES = ("consultation", "publication")

plan_partner = Table(
    "plan_partner",
    db.metadata,
    Column("plan_id", Integer, ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
    Column("authority_id", Integer, ForeignKey("authority.id", ondelete="CASCADE"), primary_key=True),
)


class Route(db.Model):
    """A route through plan-making, keyed by engage.vocab.PlanRoute, with the stages a plan on it starts with."""

    __tablename__ = "plan_route"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    co_operation: Mapped[str] = mapped_column(String(100), default="")  # how statements name the co-operation test

    stages: Mapped[list["RouteStage"]] = relationship(
        back_populates="route", order_by="RouteStage.position", cascade="all, delete-orphan"
    )


class RouteStage(db.Model):
    __tablename__ = "plan_route_stage"
    __table_args__ = (UniqueConstraint("route_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("plan_route.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # engage.vocab.StageRole
    position: Mapped[int] = mapped_column(default=0)
    start_event: Mapped[str] = mapped_column(String(60), default="")
    end_event: Mapped[str] = mapped_column(String(60), default="")

    route: Mapped[Route] = relationship(back_populates="stages")


class Plan(db.Model):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    route: Mapped[str] = mapped_column(String(10), default="legacy")  # engage.vocab.PlanRoute, Route.slug
    description: Mapped[str] = mapped_column(Text, default="")
    retention_years: Mapped[int] = mapped_column(default=15)
    reference: Mapped[str] = mapped_column(String(100), default="")  # the national planning data reference
    lead_authority_id: Mapped[int | None] = mapped_column(ForeignKey("authority.id", ondelete="SET NULL"))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    documentation_url: Mapped[str] = mapped_column(String(1000), default="")
    document_url: Mapped[str] = mapped_column(String(1000), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    stages: Mapped[list["PlanStage"]] = relationship(
        back_populates="plan", order_by="PlanStage.position", cascade="all, delete-orphan"
    )
    partners: Mapped[list[Authority]] = relationship(secondary=plan_partner, order_by=Authority.name)
    lead_authority: Mapped[Authority | None] = relationship()

    @property
    def partners_lead_first(self) -> list[Authority]:
        lead = [a for a in self.partners if a.id == self.lead_authority_id]
        return lead + [a for a in self.partners if a.id != self.lead_authority_id]

    def stage_with_role(self, role: str) -> "PlanStage | None":
        return next((s for s in self.stages if s.role == role), None)

    @property
    def submission_date(self) -> date | None:
        """When the plan was (or is expected to be) submitted for examination: its `submission` stage's start."""
        stage = self.stage_with_role("submission")
        return stage.begins_on if stage else None

    def stage_on(self, day: date) -> "PlanStage | None":
        """The stage in force on a day: the last one that had started (or is expected to have started) by then."""
        current = None
        for stage in self.stages:
            if stage.begins_on and stage.begins_on <= day:
                current = stage
        return current


class PlanStage(db.Model):
    """A stage of a plan: `starts_on`/`ends_on` are the predicted dates of the timetable, `actual_*` what happened.
    A consultation stage's actual dates come from its consultations (engage.plans.timeline), never typed in."""

    __tablename__ = "plan_stage"
    __table_args__ = (UniqueConstraint("plan_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="")  # engage.vocab.StageRole
    position: Mapped[int] = mapped_column(default=0)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    actual_starts_on: Mapped[date | None] = mapped_column(Date)
    actual_ends_on: Mapped[date | None] = mapped_column(Date)
    start_event: Mapped[str] = mapped_column(String(60), default="")
    end_event: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[Plan] = relationship(back_populates="stages")

    @property
    def begins_on(self) -> date | None:
        """The date that counts: the actual start once known, else the predicted one."""
        return self.actual_starts_on or self.starts_on

    @property
    def is_consultation(self) -> bool:
        return self.role in CONSULTING_ROLES


class StrategicMatter(db.Model):
    __tablename__ = "strategic_matter"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
