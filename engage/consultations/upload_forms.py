"""The officers' page to upload an agent's spreadsheet of their clients' representations."""

from typing import Any

from flask_wtf.file import FileField
from wtforms import StringField, SubmitField

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.widgets import GovFileInput, GovSubmitInput, GovTextArea, GovTextInput
from engage.consultations.forms import ReceivedMixin, received_fields
from engage.models.representation import PERSON_FIELDS
from engage.representations.forms import LABELS


def _agent_fields() -> dict[str, Any]:
    fields = {}
    for name in PERSON_FIELDS:
        label = f"Agent’s {LABELS[name][0].lower()}{LABELS[name][1:]}"
        fields["agent_" + name] = StringField(label, widget=GovTextArea() if name == "address" else GovTextInput())
    return fields


class UploadForm(ReceivedMixin, ServiceErrorsMixin, BaseForm):
    locals().update(_agent_fields())
    locals().update(received_fields())
    file = FileField(
        "Upload the spreadsheet",
        widget=GovFileInput(),
        description="A CSV or XLSX file laid out like the template, one row per representation",
    )
    submit = SubmitField("Check the spreadsheet", widget=GovSubmitInput())

    def agent(self) -> dict[str, str]:
        return {name: self["agent_" + name].data or "" for name in PERSON_FIELDS}
