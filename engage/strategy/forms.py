"""The communications strategy entry form."""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField

from engage.common.fields import GovDateField
from engage.common.forms import BaseForm
from engage.common.ids import parse_id
from engage.common.validation import parse_time
from engage.engagements.forms import ErrorsMixin, choices
from engage.vocab import Cadence, Level, Mechanism


class StrategyEntryForm(ErrorsMixin, BaseForm):
    title = StringField("Audience name", widget=GovTextInput(), description="For example, Members’ forum or Local MPs")
    register = SelectField("Register", widget=GovSelect(), validate_choice=False)
    stakeholders = StringField(
        "Or named stakeholders (optional)",
        widget=GovTextInput(),
        description="Record numbers separated by commas, like 12, 345. They are invited to each engagement.",
    )
    mechanism = SelectField("How", widget=GovSelect(), validate_choice=False)
    cadence = RadioField("How often", widget=GovRadioInput(), validate_choice=False, default="monthly")
    starts_on = GovDateField("First one on", description="For example, 2 3 2026")
    ends_on = GovDateField("Last one by (optional)", description="Leave blank to plan to the end of the plan")
    time_of_day = StringField("Time", widget=GovTextInput(), description="For example, 10:00", default="10:00")
    level = RadioField("Level", widget=GovRadioInput(), validate_choice=False, default="officer")
    lead_authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    owner = StringField("Owner", widget=GovTextInput(), description="The person or team responsible")
    stages = SelectMultipleField(
        "Plan stages it covers",
        widget=GovCheckboxesInput(),
        validate_choice=False,
        description="Leave all unticked to cover every stage",
    )
    matters = SelectMultipleField("Strategic matters (optional)", widget=GovCheckboxesInput(), validate_choice=False)
    key_messages = StringField("Key messages", widget=GovTextArea())
    submit = SubmitField("Save entry", widget=GovSubmitInput())

    def setup(self, lookups, registers) -> None:
        self.register.choices = choices([(r.slug, r.name) for r in registers], "Named stakeholders only")
        self.mechanism.choices = Mechanism.choices("Select how")
        self.cadence.choices = Cadence.choices()
        self.level.choices = Level.choices()
        self.lead_authority.choices = choices([(a.code, a.name) for a in lookups.authorities], "Select an authority")
        self.stages.choices = choices([(s.slug, s.name) for s in lookups.stages])
        self.matters.choices = choices([(m.slug, m.name) for m in lookups.matters])

    def to_data(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        errors: dict[str, list[str]] = {}
        skip = {"csrf_token", "submit", "time_of_day", "stakeholders"}
        data = {name: field.data for name, field in self._fields.items() if name not in skip}
        data["time_of_day"] = parse_time(self.time_of_day.data or "10:00")
        if data["time_of_day"] is None:
            errors["time_of_day"] = ["Enter the time in the correct format, like 10:00"]
        parts = [p.strip() for p in (self.stakeholders.data or "").replace(";", ",").split(",") if p.strip()]
        if any(parse_id(p) is None for p in parts):
            errors["stakeholders"] = ["Enter record numbers separated by commas, like 12, 345"]
        data["stakeholders"] = [p for p in parts if parse_id(p)]
        return data, errors


def initial_data(entry) -> dict[str, Any]:
    return {
        "title": entry.title,
        "register": entry.register.slug if entry.register else "",
        "stakeholders": ", ".join(str(s.id) for s in entry.stakeholders),
        "mechanism": entry.mechanism,
        "cadence": entry.cadence,
        "starts_on": entry.starts_on,
        "ends_on": entry.ends_on,
        "time_of_day": f"{entry.time_of_day:%H:%M}",
        "level": entry.level,
        "lead_authority": entry.lead_authority.code,
        "owner": entry.owner,
        "stages": [s.slug for s in entry.stages],
        "matters": [m.slug for m in entry.matters],
        "key_messages": entry.key_messages,
    }
