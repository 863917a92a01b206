"""The officers' page to upload an agent's spreadsheet of their clients' representations."""

from datetime import datetime
from typing import Any

from flask_wtf.file import FileField
from wtforms import RadioField, StringField, SubmitField

from engage.common.fields import GovDateField, ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.widgets import GovFileInput, GovRadioInput, GovSubmitInput, GovTextArea, GovTextInput
from engage.consultations.forms import KEYED_IN, check_time, london_datetime
from engage.models.representation import PERSON_FIELDS
from engage.representations.forms import LABELS
from engage.vocab import Channel


def _agent_fields() -> dict[str, Any]:
    fields = {}
    for name in PERSON_FIELDS:
        label = f"Agent’s {LABELS[name][0].lower()}{LABELS[name][1:]}"
        fields["agent_" + name] = StringField(label, widget=GovTextArea() if name == "address" else GovTextInput())
    return fields


class UploadForm(ServiceErrorsMixin, BaseForm):
    locals().update(_agent_fields())
    channel = RadioField(
        "How did it arrive?",
        widget=GovRadioInput(),
        choices=Channel.choices(only=KEYED_IN),
        default="email",
        validate_choice=False,
    )
    received_on = GovDateField("Date received", description="For example, 22 2 2027")
    received_time = StringField("Time received (optional)", widget=GovTextInput(), description="UK time, like 14:30")
    file = FileField(
        "Upload the spreadsheet",
        widget=GovFileInput(),
        description="A CSV or XLSX file laid out like the template, one row per representation",
    )
    submit = SubmitField("Check the spreadsheet", widget=GovSubmitInput())

    def agent(self) -> dict[str, str]:
        return {name: self["agent_" + name].data or "" for name in PERSON_FIELDS}

    def received_at(self) -> datetime | None:
        return london_datetime(self.received_on.data, self.received_time.data or "12:00")

    def validate_received_time(self, field) -> None:
        check_time(self.received_on.data, field.data or "12:00")
