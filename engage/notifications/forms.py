"""Recording an event of the plan that respondents asked to be told of, and sending failed emails again."""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, StringField, SubmitField

from engage.common.fields import GovDateField, ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.vocab import NotifyEvent


class EventForm(ServiceErrorsMixin, BaseForm):
    event = RadioField(
        "What happened?", widget=GovRadioInput(), choices=NotifyEvent.choices(short=True), validate_choice=False
    )
    occurred_on = GovDateField("When did it happen?", description="For example, 27 3 2027")
    note = StringField(
        "Anything to add to the message (optional)",
        widget=GovTextArea(),
        description="For example, where the documents can be read. It is sent to everyone who asked.",
    )
    submit = SubmitField("Record it and notify them", widget=GovSubmitInput())

    def to_data(self) -> dict[str, Any]:
        return {"event": self.event.data, "occurred_on": self.occurred_on.data, "note": self.note.data}


class SendAgainForm(BaseForm):
    submit = SubmitField("Send the failed emails again", widget=GovSubmitInput())
