"""Forms for logging and completing engagements. Field names follow the API's where they can, so a service's
errors land next to the field they are about; the form itself checks only CSRF and the shape of dates and times."""

from datetime import date, datetime
from typing import Any

from flask import request
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField, ValidationError
from wtforms.fields.choices import SelectChoice

from engage.common.fields import GovDateField, ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.validation import parse_london_time
from engage.engagements.links import evidence_link_problem, reference_problem
from engage.vocab import ActionStatus, Agreement, EngagementKind, EngagementStatus, Level

FIELD_FOR_ERROR = {
    "starts_at": "starts_on",
    "ends_at": "end_time",
    "actions-0-description": "action_description",
    "actions-0-owner": "action_owner",
    "actions-0-due_on": "action_due_on",
}


def choices(pairs, empty: str | None = None) -> list[SelectChoice]:
    return ([SelectChoice("", empty)] if empty is not None else []) + [SelectChoice(v, label) for v, label in pairs]


START_MESSAGE = "Enter the start time in the correct format, like 14:30"
END_MESSAGE = "Enter the end time in the correct format, like 15:30"


class ErrorsMixin(ServiceErrorsMixin):
    error_fields = FIELD_FOR_ERROR


class FollowUpMixin:
    """One follow-up action, optional: more can be added on the engagement's page."""

    def action_data(self) -> list[dict[str, Any]]:
        fields = (self.action_description.data, self.action_owner.data, self.action_due_on.data)
        if not (fields[0] or "").strip() and fields[2] is None:  # the owner alone is only the pre-filled default
            return []
        return [{"description": fields[0], "owner": fields[1], "due_on": fields[2]}]


class EvidenceMixin:
    """The evidence link and examination library reference, checked as the service checks them (and against the
    host this page was asked on, which the service cannot know)."""

    def validate_evidence_url(self, field) -> None:
        problem = evidence_link_problem(field.data or "", extra_hosts=[request.host])
        if problem:
            raise ValidationError(problem)

    def validate_examination_library_reference(self, field) -> None:
        problem = reference_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


def _evidence_fields(cls):
    cls.evidence_url = StringField(
        "Link to the published evidence (optional)",
        widget=GovTextInput(),
        description="The address of the minutes or letter on a public website, starting https://",
    )
    cls.examination_library_reference = StringField(
        "Examination library reference (optional)",
        widget=GovTextInput(),
        description="The document’s number in the examination library, like EL-12 or SD/4.2",
    )
    return cls


def _action_fields(cls):
    cls.action_description = StringField(
        "Follow-up action (optional)", widget=GovTextArea(), description="What needs to be done next"
    )
    cls.action_owner = SelectField("Who owns the action", widget=GovSelect(), validate_choice=False)
    cls.action_due_on = GovDateField("Action due date (optional)", description="For example, 27 3 2027")
    return cls


@_evidence_fields
@_action_fields
class EngagementForm(ErrorsMixin, EvidenceMixin, FollowUpMixin, BaseForm):
    title = StringField(
        "Title (optional)",
        widget=GovTextInput(),
        description="Leave blank to use the kind and the first attendee, like ‘Meeting with Natural England’",
    )
    kind = SelectField("Kind of engagement", widget=GovSelect(), validate_choice=False)
    status = RadioField("Status", widget=GovRadioInput(), validate_choice=False, default="held")
    starts_on = GovDateField("Date", description="For example, 27 3 2027")
    start_time = StringField("Start time", widget=GovTextInput(), description="For example, 10:00 or 2:30pm")
    end_time = StringField("End time (optional)", widget=GovTextInput(), description="For example, 11:30")
    lead_authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    level = RadioField("Level", widget=GovRadioInput(), validate_choice=False, default="officer")
    plan_stage = SelectField(
        "Plan stage", widget=GovSelect(), validate_choice=False, description="Leave as it is to use the date"
    )
    attendee_search = StringField(
        "Find attendees",
        widget=GovTextInput(),
        description="Search the registers by name, organisation or email, then tick who attended",
    )
    find = SubmitField("Find stakeholders", widget=GovSubmitInput())
    stakeholders = SelectMultipleField("Attendees", widget=GovCheckboxesInput(), validate_choice=False)
    matters = SelectMultipleField(
        "Strategic matters", widget=GovCheckboxesInput(), validate_choice=False, description="Select all that apply"
    )
    incomplete_reason = StringField(
        "Why no attendees or strategic matter are recorded (if so)",
        widget=GovTextArea(),
        description="A held engagement needs both, or a reason: for example, a press release sent to all media",
    )
    summary = StringField("What was asked or offered", widget=GovTextArea())
    outcome = StringField("Outcome", widget=GovTextArea(), description="Needed once the engagement has been held")
    agreement = RadioField("Agreement status", widget=GovRadioInput(), validate_choice=False, default="n-a")
    influence_on_plan = StringField("Influence on the plan (optional)", widget=GovTextArea())
    evidence_file = FileField(
        "Upload minutes or a letter (optional)",
        widget=GovFileInput(),
        description="A PDF, Word document (DOCX) or image, smaller than 20 MB",
    )
    submit = SubmitField("Save engagement", widget=GovSubmitInput())

    def setup(self, authorities, stages, matters, attendees) -> None:
        authority_choices = [(a.code, a.name) for a in authorities]
        self.kind.choices = EngagementKind.choices()
        self.status.choices = EngagementStatus.choices()
        self.level.choices = Level.choices()
        self.agreement.choices = Agreement.choices()
        self.lead_authority.choices = choices(authority_choices, "Select an authority")
        self.action_owner.choices = choices(authority_choices, "Select an authority")
        self.plan_stage.choices = choices([(s.slug, s.name) for s in stages], "Work it out from the date")
        self.matters.choices = choices([(m.slug, m.name) for m in matters])
        self.stakeholders.choices = choices([(str(s.id), _attendee_label(s)) for s in attendees])

    def to_data(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """API-named values for the service, and errors in the dates and times typed."""
        errors: dict[str, list[str]] = {}
        starts_at, ends_at = combine(self.starts_on.data, self.start_time.data, self.end_time.data, errors)
        data = {
            name: self._fields[name].data
            for name in ("title", "kind", "status", "lead_authority", "level", "plan_stage", "matters", "summary")
        }
        data.update(
            starts_at=starts_at,
            ends_at=ends_at,
            stakeholders=self.stakeholders.data or [],
            outcome=self.outcome.data,
            agreement=self.agreement.data,
            influence_on_plan=self.influence_on_plan.data,
            evidence_url=self.evidence_url.data,
            examination_library_reference=self.examination_library_reference.data,
            incomplete_reason=self.incomplete_reason.data,
        )
        return data, errors


def combine(day: date | None, start: str, end: str, errors) -> tuple[datetime | None, datetime | None]:
    if day is None:
        return None, None
    try:
        starts_at = parse_london_time(day, start if (start or "").strip() else "09:00", START_MESSAGE)
    except ValueError as error:
        errors["start_time"] = [str(error)]
        return None, None
    ends_at = None
    if (end or "").strip():
        try:
            ends_at = parse_london_time(day, end, END_MESSAGE)
        except ValueError as error:
            errors["end_time"] = [str(error)]
    return starts_at, ends_at


def _attendee_label(stakeholder) -> str:
    organisation = stakeholder.organisation_label
    return f"{stakeholder.name} ({organisation})" if organisation else stakeholder.name


@_evidence_fields
@_action_fields
class HeldForm(ErrorsMixin, EvidenceMixin, FollowUpMixin, BaseForm):
    """Mark a planned engagement as held and record what came of it, in one step."""

    summary = StringField("What was asked or offered", widget=GovTextArea())
    outcome = StringField("Outcome", widget=GovTextArea(), description="What was agreed, decided or learned")
    agreement = RadioField("Agreement status", widget=GovRadioInput(), validate_choice=False, default="n-a")
    influence_on_plan = StringField("Influence on the plan (optional)", widget=GovTextArea())
    evidence_file = FileField(
        "Upload minutes or a letter (optional)",
        widget=GovFileInput(),
        description="A PDF, Word document (DOCX) or image, smaller than 20 MB",
    )
    incomplete_reason = StringField(
        "Why no attendees or strategic matter are recorded",
        widget=GovTextArea(),
        description="A held engagement needs both: change the engagement to add them, or say why there are none",
    )
    submit = SubmitField("Mark as held", widget=GovSubmitInput())

    def setup(self, authorities) -> None:
        self.agreement.choices = Agreement.choices()
        self.action_owner.choices = choices([(a.code, a.name) for a in authorities], "Select an authority")

    def to_data(self) -> dict[str, Any]:
        names = (
            "summary",
            "outcome",
            "agreement",
            "influence_on_plan",
            "evidence_url",
            "examination_library_reference",
        )
        data = {name: self._fields[name].data for name in names}
        if self.incomplete_reason.raw_data:
            data["incomplete_reason"] = self.incomplete_reason.data
        return data


class ActionForm(ErrorsMixin, BaseForm):
    description = StringField("What needs to be done", widget=GovTextArea())
    owner = SelectField("Who owns the action", widget=GovSelect(), validate_choice=False)
    due_on = GovDateField("Due date (optional)", description="For example, 27 3 2027")
    submit = SubmitField("Add action", widget=GovSubmitInput())

    def setup(self, authorities) -> None:
        self.owner.choices = choices([(a.code, a.name) for a in authorities], "Select an authority")


class ActionStatusForm(BaseForm):
    status = SelectField(
        "Status",
        widget=GovSelect(),
        validate_choice=False,
        choices=ActionStatus.choices(only=(ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.CANCELLED)),
    )
    submit = SubmitField("Update", widget=GovSubmitInput())
