"""Forms for the statement of consultation: choosing what it covers, main issues, and how a consultation was
publicised."""

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from sqlalchemy import select
from wtforms import RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import GovDateField, ServiceErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.extensions import db
from engage.models import Consultation, Plan
from engage.vocab import PublicityMethod


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
    part = SelectField("Part of the plan the change is to", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Save main issue", widget=GovSubmitInput())

    def set_parts(self, consultation: Consultation) -> "MainIssueForm":
        self.part.choices = [SelectChoice("", "No particular part")] + [
            SelectChoice(part.ref, part.label) for part in consultation.parts
        ]
        return self

    def to_data(self) -> dict:
        return {name: getattr(self, name).data or "" for name in (
            "title", "summary", "representations", "council_response", "proposed_change", "part"
        )}  # fmt: skip


class PublicityForm(ServiceErrorsMixin, BaseForm):
    fallback_field = "description"

    method = RadioField(
        "How was it publicised?",
        widget=GovRadioInput(),
        choices=PublicityMethod.choices(),
        validate_choice=False,
        description="Emails and letters sent through the invitations are counted already",
    )
    description = StringField(
        "What and where", widget=GovTextInput(), description="For example, Notice in the Watford Observer"
    )
    starts_on = GovDateField("Date, or first day", description="For example, 27 3 2027")
    ends_on = GovDateField("Last day (optional)", description="For something that ran over several days")
    attendance = StringField(
        "Attendance (exhibitions and events only)", widget=GovTextInput(), description="How many people came"
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def to_data(self) -> dict:
        return {
            name: getattr(self, name).data for name in ("method", "description", "starts_on", "ends_on", "attendance")
        }


class RemoveForm(BaseForm):
    submit = SubmitField("Remove", widget=GovSubmitInput())
