"""Forms for the statement of consultation: choosing what it covers, and main issues."""

from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from sqlalchemy import select
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.extensions import db
from engage.models import Consultation, Plan


class ScopeForm(QueryForm):
    """A GET form: one consultation, or every consultation of a plan."""

    consultation = SelectField("Consultation", widget=GovSelect(), validate_choice=False)
    plan = SelectField("Or every consultation of a plan", widget=GovSelect(), validate_choice=False)

    def __init__(self, formdata):
        super().__init__(formdata)
        consultations = db.session.scalars(select(Consultation).order_by(Consultation.opens_at.desc()))
        plans = db.session.scalars(select(Plan).order_by(Plan.name))
        self.consultation.choices = [SelectChoice("", "Select a consultation")] + [
            SelectChoice(str(c.id), c.title) for c in consultations
        ]
        self.plan.choices = [SelectChoice("", "Select a plan")] + [SelectChoice(p.slug, p.name) for p in plans]


class MainIssueForm(ServiceErrorsMixin, BaseForm):
    fallback_field = "title"

    title = StringField("Main issue", widget=GovTextInput(), description="For example, Green Belt release at site H4")
    summary = TextAreaField("Summary of what was said", widget=GovTextArea(), description="Optional")
    representations = TextAreaField(
        "Representations raising it",
        widget=GovTextArea(),
        description="References separated by spaces, commas or new lines, like R-00123-1",
    )
    council_response = TextAreaField("The council’s response", widget=GovTextArea(), description="Optional")
    proposed_change = TextAreaField("Proposed change to the plan", widget=GovTextArea(), description="Optional")
    submit = SubmitField("Save main issue", widget=GovSubmitInput())

    def to_data(self) -> dict:
        return {name: getattr(self, name).data or "" for name in (
            "title", "summary", "representations", "council_response", "proposed_change"
        )}  # fmt: skip
