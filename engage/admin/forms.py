from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectField, StringField, SubmitField
from wtforms.validators import Email, InputRequired, Length

from engage.common.validation import EMAIL_MESSAGE
from engage.vocab import Role


class UserForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter an email address"), Email(message=EMAIL_MESSAGE), Length(max=320)],
    )
    name = StringField("Full name", widget=GovTextInput(), validators=[Length(max=200)])
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=Role.choices(),
        validators=[InputRequired(message="Select a role")],
    )
    authority = SelectField("Authority", widget=GovSelect(), validators=[InputRequired(message="Select an authority")])
    submit = SubmitField("Add user", widget=GovSubmitInput())
