"""Forms only the public response pages use: sending the response, asking for a save-and-return link, removing."""

from wtforms import StringField, SubmitField

from engage.common.fields import ServiceErrorsMixin as ErrorsMixin
from engage.common.forms import BaseForm
from engage.common.widgets import GovSubmitInput, GovTextInput


class SubmitForm(ErrorsMixin, BaseForm):
    website = StringField("Leave this field blank", widget=GovTextInput())
    submit = SubmitField("Send your response", widget=GovSubmitInput())


class SaveForm(ErrorsMixin, BaseForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        description="We will send you a link to come back to your response. It works until the consultation closes.",
    )
    submit = SubmitField("Send me a link", widget=GovSubmitInput())


class RemoveForm(ErrorsMixin, BaseForm):
    """Only the CSRF token: removing a representation or a file."""
