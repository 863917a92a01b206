"""The evidence dashboard: four charts for a period (and optionally a lead authority, register and plan stage),
each followed by its numbers as a table."""

from dataclasses import dataclass
from datetime import datetime

from flask import render_template, request
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from sqlalchemy import select
from wtforms import Form, SelectField, StringField

from engage.common.dates import LONDON
from engage.evidence.dashboard import bp
from engage.evidence.dashboard import charts as dashboard_charts
from engage.evidence.dashboard.filters import DashboardFilters
from engage.evidence.dashboard.queries import Period
from engage.evidence.dtc.forms import filter_choices, stage_choices
from engage.extensions import db
from engage.models import Authority, Register
from engage.permissions import VIEW, require_permission


class PeriodForm(Form):
    """A GET form so the URL can be shared; its errors come from Period."""

    # Shown as date inputs (the browser's own date picker, whose format follows the user's locale), so no hint.
    date_from = StringField("From", name="from", widget=GovTextInput())
    date_to = StringField("To", name="to", widget=GovTextInput())

    def show(self, period: Period) -> "PeriodForm":
        if not self.date_from.data:
            self.date_from.data = period.start.isoformat()
        if not self.date_to.data:
            self.date_to.data = period.end.isoformat()
        self.date_from.errors = period.errors.get("from", [])
        self.date_to.errors = period.errors.get("to", [])
        return self


class DashboardForm(PeriodForm):
    authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    register = SelectField("Register", widget=GovSelect(), validate_choice=False)
    stage = SelectField("Plan stage", widget=GovSelect(), validate_choice=False)

    def show(self, filters: DashboardFilters) -> "DashboardForm":
        super().show(filters.period)
        authorities = db.session.execute(select(Authority.code, Authority.name).order_by(Authority.name))
        self.authority.choices = filter_choices(authorities, "All authorities")
        registers = db.session.execute(select(Register.slug, Register.name).order_by(Register.position))
        self.register.choices = filter_choices(registers, "All registers")
        self.stage.choices = filter_choices(stage_choices(), "All stages")
        for field in (self.authority, self.register, self.stage):
            field.errors = filters.errors.get(field.name, [])
        return self


@dataclass
class Section:
    heading: str
    charts: list
    empty: str = ""  # said when there are no charts at all
    note: str = ""  # how the filters apply to this section


def _sections(filters: DashboardFilters) -> list[Section]:
    consultations = Section("Consultations", dashboard_charts.response_charts(filters))
    if filters.stage_label:
        consultations.empty = f"No consultations at the {filters.stage_label} stage were open in this period."
    else:
        consultations.empty = "No consultations were open in this period."
    if filters.authority:
        consultations.note = (
            "Consultations are run jointly by the partner authorities, so they are not filtered by lead authority."
        )
    return [
        Section("Engagement", [dashboard_charts.register_chart(filters), dashboard_charts.matter_chart(filters)]),
        consultations,
        Section("Follow-up actions", [dashboard_charts.action_chart(filters)],
                note="Actions from the engagements that match the filters, by the authority that owns them."),
    ]  # fmt: skip


@bp.route("/dashboard")
@require_permission(VIEW)
def dashboard():
    filters = DashboardFilters.from_args(request.args, datetime.now(LONDON).date())
    form = DashboardForm(request.args).show(filters)
    return render_template(
        "evidence/dashboard/show.html",
        filters=filters,
        period=filters.period,
        filter_form=form,
        form=form if filters.errors else None,
        sections=[] if filters.errors else _sections(filters),
    )
