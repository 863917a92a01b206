"""What the dashboard shows: a period, and optionally one lead authority, one register and one plan stage.

Values come from the query string, so anything can arrive: an unknown code or slug is an error on its field (the
page says which and charts nothing), never a 500."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from engage.engagements.queries import on_register
from engage.evidence.dashboard.queries import Period
from engage.evidence.dtc.forms import stage_choices
from engage.extensions import db
from engage.models import (
    Authority,
    Engagement,
    PlanStage,
    Register,
)

UNKNOWN = {
    "authority": "Select a lead authority from the list",
    "register": "Select a register from the list",
    "stage": "Select a plan stage from the list",
}


def _value(args, name: str) -> str:
    return (args.get(name) or "").strip()[:100]


def stage_name(slug: str) -> str | None:
    """The name of a plan stage (any plan's, or a consultation's stage), or None when nothing uses the slug."""
    return dict(stage_choices()).get(slug)


@dataclass
class DashboardFilters:
    period: Period
    authority: Authority | None = None
    register: Register | None = None
    stage: str = ""
    stage_label: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args, today: date) -> "DashboardFilters":
        filters = cls(Period.from_args(args, today))
        filters.errors.update(filters.period.errors)
        code, slug, stage = _value(args, "authority"), _value(args, "register"), _value(args, "stage")
        if code:
            filters.authority = db.session.scalar(select(Authority).where(Authority.code == code.upper()))
        if slug:
            filters.register = db.session.scalar(select(Register).where(Register.slug == slug))
        if stage:
            filters.stage, filters.stage_label = stage, stage_name(stage) or ""
        for name, given, found in (
            ("authority", code, filters.authority),
            ("register", slug, filters.register),
            ("stage", stage, filters.stage_label),
        ):
            if given and not found:
                filters.errors[name] = [UNKNOWN[name]]
        return filters

    @property
    def narrowed(self) -> bool:
        """True when anything beyond the period is chosen."""
        return bool(self.authority or self.register or self.stage)

    def describe(self) -> list[str]:
        """The chosen filters in words, for the page: 'Lead authority: Watford Borough Council'."""
        lines = []
        if self.authority:
            lines.append(f"Lead authority: {self.authority.name}")
        if self.register:
            lines.append(f"Register: {self.register.name}")
        if self.stage_label:
            lines.append(f"Plan stage: {self.stage_label}")
        return lines

    def engagements(self) -> list:
        """Conditions on Engagement: in the period, not cancelled, and matching every chosen filter."""
        conditions = self.period.engagements()
        if self.authority:
            conditions.append(Engagement.lead_authority_id == self.authority.id)
        if self.stage:
            conditions.append(Engagement.plan_stage_id.in_(select(PlanStage.id).where(PlanStage.slug == self.stage)))
        if self.register:
            conditions.append(Engagement.id.in_(on_register(self.register.id)))
        return conditions
