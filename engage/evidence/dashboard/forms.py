"""The dashboard's filter forms: GET forms, so the URL can be shared. The summaries use the period form too."""

from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from sqlalchemy import select
from wtforms import SelectField, StringField

from engage.common.forms import QueryForm
from engage.evidence.dashboard.filters import DashboardFilters
from engage.evidence.dashboard.queries import Period
from engage.evidence.dtc.forms import filter_choices, stage_choices
from engage.extensions import db
from engage.models import Authority, Register


class PeriodForm(QueryForm):
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
