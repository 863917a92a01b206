"""The evidence dashboard: four charts for a period (and optionally a lead authority, register and plan stage),
each followed by its numbers as a table."""

from dataclasses import dataclass
from datetime import datetime

from flask import render_template, request

from engage.common.dates import LONDON
from engage.evidence.dashboard import bp
from engage.evidence.dashboard import charts as dashboard_charts
from engage.evidence.dashboard.filters import DashboardFilters
from engage.evidence.dashboard.forms import DashboardForm
from engage.permissions import VIEW, require_permission


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


@bp.route("")
@require_permission(VIEW)
def show():
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
