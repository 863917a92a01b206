from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import RadioField, SelectField, StringField, SubmitField

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.vocab import Role


class UserForm(ServiceErrorsMixin, BaseForm):
    """The fields only: engage.admin.services checks what is typed and its messages go next to the fields."""

    email = StringField("Email address", widget=GovTextInput())
    name = StringField("Full name", widget=GovTextInput())
    role = RadioField("Role", widget=GovRadioInput(), choices=Role.choices(), validate_choice=False)
    authority = SelectField("Authority", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Add user", widget=GovSubmitInput())


class EditUserForm(ServiceErrorsMixin, BaseForm):
    name = UserForm.name
    role = UserForm.role
    authority = UserForm.authority
    submit = SubmitField("Save changes", widget=GovSubmitInput())


class ConfirmForm(ServiceErrorsMixin, BaseForm):
    """A button alone (with its CSRF token): deactivate, reactivate, turn off two-factor authentication."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())


class ReferenceForm(ServiceErrorsMixin, BaseForm):
    """A row of reference data; the page shows the fields its list has (engage.admin.reference.KINDS)."""

    slug = StringField(
        "Slug", widget=GovTextInput(), description="Lowercase letters, numbers and hyphens. It cannot change later."
    )
    category = SelectField("Category", widget=GovSelect(), validate_choice=False)
    name = StringField("Name", widget=GovTextInput())
    description = StringField("Description", widget=GovTextArea())
    statutory_name = StringField("Name in the regulations", widget=GovTextInput())
    current_name = StringField("Name today", widget=GovTextInput())
    submit = SubmitField("Save", widget=GovSubmitInput())
