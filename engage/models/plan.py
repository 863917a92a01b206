"""The plan being prepared, its configurable stages and the strategic matters it covers."""

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.authority import Authority

plan_partner = Table(
    "plan_partner",
    db.metadata,
    Column("plan_id", Integer, ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
    Column("authority_id", Integer, ForeignKey("authority.id", ondelete="CASCADE"), primary_key=True),
)


class Plan(db.Model):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    route: Mapped[str] = mapped_column(String(10), default="legacy")  # engage.vocab.PlanRoute
    description: Mapped[str] = mapped_column(Text, default="")
    retention_years: Mapped[int] = mapped_column(default=15)

    stages: Mapped[list["PlanStage"]] = relationship(
        back_populates="plan", order_by="PlanStage.position", cascade="all, delete-orphan"
    )
    partners: Mapped[list[Authority]] = relationship(secondary=plan_partner, order_by=Authority.name)

    @property
    def submission_date(self) -> date | None:
        stage = next((s for s in self.stages if s.slug == "submission"), None)
        return stage.starts_on if stage else None

    def stage_on(self, day: date) -> "PlanStage | None":
        """The stage in force on a day: the last one that had started by then."""
        current = None
        for stage in self.stages:
            if stage.starts_on and stage.starts_on <= day:
                current = stage
        return current


class PlanStage(db.Model):
    __tablename__ = "plan_stage"
    __table_args__ = (UniqueConstraint("plan_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    plan: Mapped[Plan] = relationship(back_populates="stages")


class StrategicMatter(db.Model):
    __tablename__ = "strategic_matter"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
