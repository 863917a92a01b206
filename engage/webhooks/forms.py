from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSubmitInput, GovTextInput
from wtforms import SelectMultipleField, StringField, SubmitField

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.vocab import WebhookEventType


class WebhookForm(ServiceErrorsMixin, BaseForm):
    """The service checks every field (engage.webhooks.services), so the API and this page give the same messages."""

    url = StringField(
        "Web address to send events to",
        widget=GovTextInput(),
        description="It must start with https:// and be on the public internet",
    )
    description = StringField("Description (optional)", widget=GovTextInput(), description="What receives the events")
    events = SelectMultipleField(
        "Events to send",
        widget=GovCheckboxesInput(),
        choices=WebhookEventType.choices(),
        validate_choice=False,
        description="Select all that apply",
    )
    submit = SubmitField("Add endpoint", widget=GovSubmitInput())


class ConfirmForm(ServiceErrorsMixin, BaseForm):
    """A button alone, with its CSRF token: remove an endpoint, send a delivery again."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())
