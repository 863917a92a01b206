"""The evidence dashboard: four charts for a period, each followed by its numbers as a table."""

from datetime import datetime

from flask import render_template, request
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import Form, StringField

from engage.evidence import bp, dashboard_charts
from engage.evidence.dashboard_queries import Period
from engage.models.engagement import LONDON
from engage.permissions import VIEW, require_permission


class PeriodForm(Form):
    """A GET form so the URL can be shared; its errors come from Period."""

    date_from = StringField("From", name="from", widget=GovTextInput(), description="For example, 2026-03-01")
    date_to = StringField("To", name="to", widget=GovTextInput(), description="For example, 2027-02-28")

    def show(self, period: Period) -> "PeriodForm":
        if not self.date_from.data:
            self.date_from.data = period.start.isoformat()
        if not self.date_to.data:
            self.date_to.data = period.end.isoformat()
        self.date_from.errors = period.errors.get("from", [])
        self.date_to.errors = period.errors.get("to", [])
        return self


@bp.route("/dashboard")
@require_permission(VIEW)
def dashboard():
    period = Period.from_args(request.args, datetime.now(LONDON).date())
    form = PeriodForm(request.args).show(period)
    sections = []
    if not period.errors:
        sections = [
            ("Engagement", [dashboard_charts.register_chart(period), dashboard_charts.matter_chart(period)]),
            ("Consultations", dashboard_charts.response_charts(period)),
            ("Follow-up actions", [dashboard_charts.action_chart(period)]),
        ]
    return render_template(
        "evidence/dashboard_show.html",
        period=period,
        filter_form=form,
        form=form if period.errors else None,
        sections=sections,
    )
