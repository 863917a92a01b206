from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import RadioField, SelectField, StringField, SubmitField
from wtforms.validators import Email, InputRequired, Length, Regexp, ValidationError

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.validation import EMAIL_MESSAGE
from engage.vocab import Role

# Names are shown on pages and in the audit log: no NUL or other control characters (PostgreSQL refuses NUL).
PRINTABLE = Regexp(
    r"^[^\x00-\x1f\x7f]*$", message="Full name must not include tabs, line breaks or other invisible characters"
)


class UserForm(BaseForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter an email address"), Email(message=EMAIL_MESSAGE), Length(max=320)],
    )
    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[Length(max=200, message="Full name must be 200 characters or fewer"), PRINTABLE],
    )
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=Role.choices(),
        validators=[InputRequired(message="Select a role")],
        validate_choice=False,  # validate_role says so in words
    )
    authority = SelectField(
        "Authority",
        widget=GovSelect(),
        validators=[InputRequired(message="Select an authority")],
        validate_choice=False,  # validate_authority says so in words
    )
    submit = SubmitField("Add user", widget=GovSubmitInput())

    def validate_role(self, field):
        if field.data not in {value for value, *_ in field.iter_choices()}:
            raise ValidationError("Select a role")

    def validate_authority(self, field):
        if field.data not in {value for value, *_ in field.iter_choices()}:
            raise ValidationError("Select an authority from the list")


class EditUserForm(ServiceErrorsMixin, BaseForm):
    name = UserForm.name
    role = UserForm.role
    authority = UserForm.authority
    submit = SubmitField("Save changes", widget=GovSubmitInput())
    validate_role = UserForm.validate_role
    validate_authority = UserForm.validate_authority


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
