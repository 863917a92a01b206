"""The representation forms that the public response pages and the officers' keying-in pages share. They check
nothing but CSRF: the rules live in the services, so an error from `clean_person`/`clean_item` lands on the field
of the same name (`add_errors`)."""

from collections.abc import Sequence
from typing import Any

from wtforms import FileField, RadioField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from engage.models import Consultation
from engage.models.representation import PERSON_FIELDS
from engage.plans import wording
from engage.vocab import Answer, Nature, NotifyEvent, SoundnessTest

LABELS = {
    "title": "Title (optional)",
    "first_name": "First name",
    "last_name": "Last name",
    "organisation": "Organisation (if you are responding for one)",
    "job_title": "Job title (optional)",
    "email": "Email address",
    "phone": "Phone number (optional)",
    "address": "Postal address",
    "postcode": "Postcode",
}


ErrorsMixin = ServiceErrorsMixin


def _person_fields(prefix: str, owner: str) -> dict[str, Any]:
    fields = {}
    for name in PERSON_FIELDS:
        widget = GovTextArea() if name == "address" else GovTextInput()
        label = f"{owner}{LABELS[name][0].lower()}{LABELS[name][1:]}" if owner else LABELS[name]
        fields[prefix + name] = StringField(label, widget=widget)
    return fields


class AboutYouForm(ErrorsMixin, BaseForm):
    is_agent = RadioField(
        "Are you an agent responding for a client?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("no", "No, I am responding for myself or my organisation"),
            SelectChoice("yes", "Yes, I am an agent acting for a client"),
        ],
        default="no",
        validate_choice=False,
    )
    locals().update(_person_fields("", ""))
    locals().update(_person_fields("agent_", "Agent’s "))
    website = StringField("Leave this field blank", widget=GovTextInput())
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def to_data(self) -> dict[str, Any]:
        is_agent = self.is_agent.data == "yes"
        return {
            "is_agent": is_agent,
            "respondent": {name: self[name].data or "" for name in PERSON_FIELDS},
            "agent": {name: self["agent_" + name].data or "" for name in PERSON_FIELDS} if is_agent else None,
        }

    @classmethod
    def data_from_draft(cls, data: dict[str, Any]) -> dict[str, Any]:
        values = dict(data.get("respondent") or {})
        values.update({"agent_" + k: v for k, v in (data.get("agent") or {}).items()})
        values["is_agent"] = "yes" if data.get("is_agent") else "no"
        return values


class RepresentationForm(ErrorsMixin, BaseForm):
    part = SelectField("Which part of the plan is this about?", widget=GovSelect(), validate_choice=False)
    nature = RadioField(
        "Do you support, object or want to comment?",
        widget=GovRadioInput(),
        choices=Nature.choices(),
        validate_choice=False,
    )
    legally_compliant = RadioField(
        "Do you think the plan is legally compliant?",
        widget=GovRadioInput(),
        choices=Answer.choices(),
        validate_choice=False,
    )
    sound = RadioField(
        "Do you think the plan is sound?", widget=GovRadioInput(), choices=Answer.choices(), validate_choice=False
    )
    dtc_compliant = RadioField(
        "Do you think the plan complies with the duty to co-operate?",
        widget=GovRadioInput(),
        choices=Answer.choices(),
        validate_choice=False,
    )
    unsound_tests = SelectMultipleField(
        "If you think the plan is unsound, which tests does it fail?",
        widget=GovCheckboxesInput(),
        choices=SoundnessTest.choices(),
        description="Select all that apply",
        validate_choice=False,
    )
    comment = StringField(
        "Your comments",
        widget=GovCharacterCount(),
        description="Say why you support or object, or give your comments. Be as precise as you can.",
    )
    modification = StringField(
        "What changes do you think are needed? (optional)",
        widget=GovCharacterCount(),
        description="Say what should change to make the plan legally compliant or sound, "
        "and why. Suggest wording if you can.",
    )
    attachment = FileField(
        "Attach a file (optional)",
        widget=GovFileInput(),
        description="PDF, Word document (.docx) or image (JPEG or PNG), up to 20 MB",
    )
    wishes_to_be_heard = RadioField(
        "Do you want to take part in the hearing sessions of the examination?",
        widget=GovRadioInput(),
        choices=Answer.choices(only=(Answer.YES, Answer.NO)),
        default="no",
        validate_choice=False,
    )
    heard_reason = StringField("If yes, why do you think you need to take part? (optional)", widget=GovTextArea())
    notify = SelectMultipleField(
        "Tell me by email or post:",
        widget=GovCheckboxesInput(),
        choices=NotifyEvent.choices(),
        description="Select all that apply",
        validate_choice=False,
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def set_parts(self, consultation: Consultation, parts: Sequence | None = None) -> None:
        """The part of the plan to choose from `parts` (anything with `ref` and `label`), or consultation.parts."""
        empty = "Select a part of the plan" if not consultation.is_questionnaire else "The whole document"
        self.part.choices = [SelectChoice("", empty)] + [
            SelectChoice(part.ref, part.label) for part in (consultation.parts if parts is None else parts)
        ]

    def to_data(self, consultation: Consultation) -> dict[str, Any]:
        names = (
            "part",
            "nature",
            "legally_compliant",
            "sound",
            "dtc_compliant",
            "unsound_tests",
            "comment",
            "modification",
            "heard_reason",
            "notify",
        )
        data = {name: self[name].data for name in names}
        data["wishes_to_be_heard"] = self.wishes_to_be_heard.data == "yes"
        if consultation.is_questionnaire:
            data["answers"] = {str(q.id): self[f"question_{q.id}"].data for q in consultation.questions}
        return data


def representation_form(
    consultation: Consultation,
    base: type = RepresentationForm,
    parts: Sequence | None = None,
    words: wording.Wording | None = None,
    **kwargs,
) -> RepresentationForm:
    """The representation form, with a field `question_<id>` for each question of a questionnaire; its parts of
    the plan are `parts` (see set_parts) or the consultation's own, and its words `words` or its plan's."""
    fields: dict[str, Any] = {}
    for question in consultation.questions if consultation.is_questionnaire else []:
        choices = [SelectChoice(option, option) for option in question.options]
        label = question.text if question.required else f"{question.text} (optional)"
        if question.kind == "free-text":
            field = StringField(label, widget=GovTextArea(), description=question.hint)
        elif question.kind == "single-choice":
            field = RadioField(
                label, widget=GovRadioInput(), choices=choices, description=question.hint, validate_choice=False
            )
        else:
            field = SelectMultipleField(
                label,
                widget=GovCheckboxesInput(),
                choices=choices,
                description=question.hint or "Select all that apply",
                validate_choice=False,
            )
        fields[f"question_{question.id}"] = field
    form_class = type("QuestionnaireForm", (base,), fields) if fields else base  # a new class only when it differs
    form = form_class(**kwargs)
    form.question_fields = [form[name] for name in fields]
    form.set_parts(consultation, parts)
    form.dtc_compliant.label.text = (words or wording.for_plan(consultation.plan)).cooperation_ask
    return form


def item_form_data(item: dict[str, Any]) -> dict[str, Any]:
    values = dict(item)
    values["wishes_to_be_heard"] = "yes" if item.get("wishes_to_be_heard") else "no"
    for question_id, answer in (item.get("answers") or {}).items():
        values[f"question_{question_id}"] = answer
    return values
