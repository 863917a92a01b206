"""Finding a person and erasing a respondent's personal data."""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.models import Respondent
from engage.vocab import ErasedText


class FindForm(QueryForm):
    q = StringField(
        "Email address or name",
        widget=GovTextInput(),
        description="An email address finds every response sent with it; part of a name or organisation also works",
    )


class EraseForm(ServiceErrorsMixin, BaseForm):
    also = SelectMultipleField(
        "Also erase their other responses",
        widget=GovCheckboxesInput(),
        validate_choice=False,
        description="Responses to other consultations sent with the same email address",
    )
    text = RadioField("What they wrote", widget=GovRadioInput(), choices=ErasedText.choices(), validate_choice=False)
    reason = StringField(
        "Why are you erasing their personal data?",
        widget=GovTextArea(),
        description="For example, their request of 3 March 2027 under UK GDPR. Do not include personal data.",
    )
    submit = SubmitField("Erase personal data", widget=GovSubmitInput())
    error_fields = {"delete_text": "text"}

    def set_others(self, others: list[Respondent]) -> None:
        self.also.choices = [SelectChoice(str(r.id), f"{r.reference}: {r.consultation.title}") for r in others]

    def chosen_others(self, others: list[Respondent]) -> list[Respondent]:
        chosen = set(self.also.data or [])
        return [r for r in others if str(r.id) in chosen]

    def to_data(self) -> dict[str, Any]:
        text = self.text.data
        return {"reason": self.reason.data, "delete_text": {"keep": False, "delete": True}.get(text)}


class RetentionForm(ServiceErrorsMixin, BaseForm):
    retention_years = StringField(
        "How many years are respondents’ personal data kept?",
        widget=GovTextInput(),
        description="Counted from when the consultation closed, or from the plan’s adoption if that was later",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
