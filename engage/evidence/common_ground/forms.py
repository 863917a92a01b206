"""Forms for the Statement of Common Ground pages. Field names are the service's keys, so a ValidationError
lands on the field it is about; the forms themselves check only CSRF and the shape of dates."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from sqlalchemy import select
from wtforms import DateField, RadioField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from engage.common.fields import ServiceErrorsMixin as SharedServiceErrorsMixin
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Authority, Plan, StrategicMatter
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition, ScgStatus

TEXT_LABELS = {
    "area_description": ("Area covered", "The geographical extent, why it is the right area, and wider relationships"),
    "strategic_context": ("Strategic context", "Ambitions and priorities, key metrics, main delivery mechanisms"),
    "housing_requirement": ("Housing requirement", "The overall housing target and how it was worked out"),
    "housing_distribution": ("Distribution of housing need", "Anticipated distribution, including any unmet need"),
    "evidence_base": ("Evidence base", "The main evidence the parties rely on"),
    "governance": ("Governance and working arrangements", "Who decides, how the parties work together, resources"),
    "timetable": ("Key timescales and milestones", "When key decisions are likely to be made"),
    "risks": ("Risks and how they will be managed", "For example infrastructure or housing not delivered as expected"),
    "monitoring_indicators": ("Monitoring indicators", "Key indicators and milestones, and monitoring of co-operation"),
    "review_arrangements": ("Timetable for review", "When the statement will be reviewed and what triggers a review"),
    "other_agreements": ("Other agreements", "Memorandums of understanding, deals and other agreements (an annex)"),
}


def _matter_choices() -> list[SelectChoice]:
    matters = db.session.scalars(select(StrategicMatter).order_by(StrategicMatter.name))
    return [SelectChoice(m.slug, m.name) for m in matters]


def _authority_choices(empty: str) -> list[SelectChoice]:
    authorities = db.session.scalars(select(Authority).order_by(Authority.name))
    return [SelectChoice("", empty)] + [SelectChoice(a.code, a.name) for a in authorities]


class ServiceErrorsMixin(SharedServiceErrorsMixin):
    fallback_field = "title"


def _text_area(name: str) -> TextAreaField:
    label, hint = TEXT_LABELS[name]
    return TextAreaField(label, widget=GovTextArea(), description=hint)


class VersionTextForm(ServiceErrorsMixin, FlaskForm):
    """The five parts of the template, as text."""

    area_description = _text_area("area_description")
    strategic_context = _text_area("strategic_context")
    housing_requirement = _text_area("housing_requirement")
    housing_distribution = _text_area("housing_distribution")
    evidence_base = _text_area("evidence_base")
    governance = _text_area("governance")
    timetable = _text_area("timetable")
    risks = _text_area("risks")
    monitoring_indicators = _text_area("monitoring_indicators")
    review_arrangements = _text_area("review_arrangements")
    other_agreements = _text_area("other_agreements")
    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def to_data(self) -> dict:
        return {name: getattr(self, name).data or "" for name, _part in SCG_TEXT_FIELDS}


class StatementForm(VersionTextForm):
    title = StringField("Title", widget=GovTextInput(), description="For example, Statement of Common Ground: housing")
    plan = SelectField("Plan", widget=GovSelect(), validate_choice=False)
    lead_authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Start the statement", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plans = db.session.scalars(select(Plan).order_by(Plan.name))
        self.plan.choices = [SelectChoice("", "No particular plan")] + [SelectChoice(p.slug, p.name) for p in plans]
        self.lead_authority.choices = _authority_choices("Select an authority")

    def to_data(self) -> dict:
        return super().to_data() | {
            "title": self.title.data,
            "plan": self.plan.data,
            "lead_authority": self.lead_authority.data,
        }


class MatterForm(ServiceErrorsMixin, FlaskForm):
    matter = SelectField("Strategic matter", widget=GovSelect(), validate_choice=False)
    position_status = RadioField(
        "Where do the parties stand?",
        widget=GovRadioInput(),
        choices=MatterPosition.choices(),
        validate_choice=False,
    )
    narrative = TextAreaField(
        "What has been agreed, and what is still to be resolved", widget=GovTextArea(), description="Optional"
    )
    submit = SubmitField("Save matter", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.matter.choices = [SelectChoice("", "Select a matter")] + _matter_choices()

    def to_data(self) -> dict:
        return {
            "matter": self.matter.data,
            "position_status": self.position_status.data,
            "narrative": self.narrative.data,
        }


class PartyForm(ServiceErrorsMixin, FlaskForm):
    authority = SelectField("Authority", widget=GovSelect(), validate_choice=False, description="If the party is one")
    name = StringField(
        "Name of the party", widget=GovTextInput(), description="Leave blank to use the authority’s name"
    )
    signatory_name = StringField("Who signs for them", widget=GovTextInput(), description="Optional")
    signatory_role = StringField(
        "Their role", widget=GovTextInput(), description="Optional, for example Portfolio Holder"
    )
    matters = SelectMultipleField(
        "Strategic matters they sign up to", widget=GovCheckboxesInput(), validate_choice=False
    )
    submit = SubmitField("Add party", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority.choices = _authority_choices("Not an authority")
        self.matters.choices = _matter_choices()

    def to_data(self) -> dict:
        return {
            "authority": self.authority.data,
            "name": self.name.data,
            "signatory_name": self.signatory_name.data,
            "signatory_role": self.signatory_role.data,
            "matters": self.matters.data or [],
        }


class SignatureForm(ServiceErrorsMixin, FlaskForm):
    name = StringField("Name", widget=GovTextInput())
    role = StringField("Role", widget=GovTextInput(), description="Optional, for example Leader of the Council")
    organisation = StringField("Organisation", widget=GovTextInput())
    signed_on = DateField(
        "Date signed",
        widget=GovDateInput(),
        format="%d %m %Y",
        validators=[Optional()],
        description="For example, 27 3 2026",
    )
    submit = SubmitField("Record signature", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.signed_on.errors:
            self.signed_on.errors = ["Enter the date they signed, like 27 3 2026"]
        return valid

    def to_data(self) -> dict:
        raw = " ".join(self.signed_on.raw_data or []).strip()
        if self.signed_on.data is None and raw:
            raise ValidationError({"signed_on": ["Enter the date they signed, like 27 3 2026"]})
        return {
            "name": self.name.data,
            "role": self.role.data,
            "organisation": self.organisation.data,
            "signed_on": self.signed_on.data,
        }


class StatusForm(ServiceErrorsMixin, FlaskForm):
    status = RadioField("Change the status to", widget=GovRadioInput(), validate_choice=False)
    submit = SubmitField("Change status", widget=GovSubmitInput())

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = ScgStatus.choices(only=allowed)


class ConfirmForm(FlaskForm):
    """A button and CSRF: starting a new version, removing a party or matter."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())
