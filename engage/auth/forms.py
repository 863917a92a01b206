from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length

from engage.auth.passwords import MIN_LENGTH
from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.common.validation import EMAIL_MESSAGE


class SignInForm(BaseForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Email(message="Enter an email address in the correct format, like name@example.com"),
        ],
    )
    password = PasswordField(
        "Password", widget=GovPasswordInput(), validators=[InputRequired(message="Enter your password")]
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class TokenForm(BaseForm):
    name = StringField(
        "Name of the token",
        widget=GovTextInput(),
        description="For example, the system that will use it",
        validators=[InputRequired(message="Enter a name for the token"), Length(max=200)],
    )
    submit = SubmitField("Create token", widget=GovSubmitInput())


class ChangePasswordForm(ServiceErrorsMixin, BaseForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password")],
    )
    new_password = PasswordField(
        "New password",
        widget=GovPasswordInput(),
        description=f"Use {MIN_LENGTH} characters or more. Three random words are easy to remember and hard to guess.",
        validators=[InputRequired(message="Enter a new password")],
    )
    confirm_password = PasswordField(
        "Confirm your new password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your new password again"),
            EqualTo("new_password", message="Enter the same new password twice"),
        ],
    )
    submit = SubmitField("Change password", widget=GovSubmitInput())


class ForgotPasswordForm(BaseForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Email(message=EMAIL_MESSAGE),
            Length(max=320, message="Email address must be 320 characters or fewer"),
        ],
    )
    submit = SubmitField("Send the link", widget=GovSubmitInput())


class ResetPasswordForm(ServiceErrorsMixin, BaseForm):
    new_password = ChangePasswordForm.new_password
    confirm_password = ChangePasswordForm.confirm_password
    submit = SubmitField("Reset password", widget=GovSubmitInput())


class CodeForm(ServiceErrorsMixin, BaseForm):
    """The security code from an authenticator app; the service checks it (6 digits, spaces allowed)."""

    code = StringField(
        "Security code",
        widget=GovTextInput(),
        description="The 6-digit code your authenticator app shows now",
        validators=[Length(max=20, message="The security code must be 6 numbers")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())
