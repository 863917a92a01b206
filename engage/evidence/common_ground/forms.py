"""Forms for the Statement of Common Ground pages. Field names are the service's keys, so a ValidationError
lands on the field it is about; the forms themselves check only CSRF and the shape of dates."""

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from sqlalchemy import select
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import GovDateField
from engage.common.fields import ServiceErrorsMixin as SharedServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.evidence.common_ground.parts import TEXT_LABELS
from engage.extensions import db
from engage.models import Authority, Plan, StrategicMatter
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition, ScgStatus


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


class VersionTextForm(ServiceErrorsMixin, BaseForm):
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
    change_log = TextAreaField(
        "What changed since the previous version, and why", widget=GovTextArea(), description="The change log"
    )
    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def to_data(self) -> dict:
        data = {name: getattr(self, name).data or "" for name, _part in SCG_TEXT_FIELDS}
        if self.change_log.raw_data:
            data["change_log"] = self.change_log.data or ""
        return data


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


class MatterForm(ServiceErrorsMixin, BaseForm):
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


class PartyForm(ServiceErrorsMixin, BaseForm):
    authority = SelectField("Authority", widget=GovSelect(), validate_choice=False, description="If the party is one")
    stakeholder = StringField(
        "Record number in the registers",
        widget=GovTextInput(),
        description="Optional: the body’s record number, so its engagements are checked against the statement",
    )
    name = StringField(
        "Name of the party", widget=GovTextInput(), description="Leave blank to use the authority’s or body’s name"
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
            "stakeholder": self.stakeholder.data,
            "name": self.name.data,
            "signatory_name": self.signatory_name.data,
            "signatory_role": self.signatory_role.data,
            "matters": self.matters.data or [],
        }


class SignatureForm(ServiceErrorsMixin, BaseForm):
    party = RadioField("Which party signed", widget=GovRadioInput(), validate_choice=False)
    name = StringField(
        "Name of the person who signed", widget=GovTextInput(), description="Leave blank to use the party’s signatory"
    )
    role = StringField("Their role", widget=GovTextInput(), description="Optional, for example Leader of the Council")
    signed_on = GovDateField("Date signed", description="The date written on the signed document, like 27 3 2026")
    submit = SubmitField("Record signature", widget=GovSubmitInput())

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.party.choices = [SelectChoice(str(p.id), p.name) for p in parties]

    def to_data(self) -> dict:
        names = ("party", "name", "role", "signed_on")
        return {name: self._fields[name].data for name in names}


class StatusForm(ServiceErrorsMixin, BaseForm):
    status = RadioField("Change the status to", widget=GovRadioInput(), validate_choice=False)
    on = GovDateField(
        "Date on the document",
        description="The date it was agreed, signed or superseded, as written on the statement, like 27 3 2026",
    )
    submit = SubmitField("Change status", widget=GovSubmitInput())

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = ScgStatus.choices(only=allowed)


class NewVersionForm(ServiceErrorsMixin, BaseForm):
    change_log = TextAreaField(
        "What changes in the new version, and why",
        widget=GovTextArea(),
        description="The change log: for example, “Green Belt now agreed after the joint review; Hertsmere joins”",
    )
    submit = SubmitField("Start the new version", widget=GovSubmitInput())

    fallback_field = "change_log"


def positions_form(version, party, formdata=None):
    """A form with one question per matter of the version: where this party stands on it."""

    class PositionsForm(ServiceErrorsMixin, BaseForm):
        fallback_field = "submit"
        submit = SubmitField("Save positions", widget=GovSubmitInput())

    choices = [*MatterPosition.choices(), SelectChoice("", "Not recorded")]
    for row in version.matters:
        field = RadioField(row.matter.name, widget=GovRadioInput(), choices=choices, validate_choice=False)
        setattr(PositionsForm, f"matter-{row.matter.slug}", field)
    form = PositionsForm(formdata=formdata)
    if formdata is None:
        for row in version.matters:
            form[f"matter-{row.matter.slug}"].data = party.position_on(row.matter_id)
    return form


def positions_data(form, version) -> dict:
    return {row.matter.slug: form[f"matter-{row.matter.slug}"].data or "" for row in version.matters}


class ConfirmForm(BaseForm):
    """A button and CSRF: starting a new version, removing a party or matter."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())
