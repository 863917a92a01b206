"""Forms of the themes pages: naming a theme, the bulk action on selected representations, an officer's response."""

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.vocab import SelectionScope


class TaggedFilterForm(QueryForm):
    """The themes page's own filter, beside the representation list's."""

    tagged = SelectField("Tags", widget=GovSelect(), validate_choice=False)

    def __init__(self, formdata, themes):
        super().__init__(formdata)
        self.tagged.choices = [SelectChoice("", "Any"), SelectChoice("none", "Not tagged yet")] + [
            SelectChoice(str(theme.id), f"Theme: {theme.name}") for theme in themes
        ]


class ThemeForm(ServiceErrorsMixin, BaseForm):
    fallback_field = "name"

    name = StringField("Name of the theme", widget=GovTextInput(), description="For example, Traffic on the A41")
    submit = SubmitField("Save theme", widget=GovSubmitInput())


class BulkForm(ServiceErrorsMixin, BaseForm):
    """Tag, untag, link or unlink: the button pressed says which (`action`)."""

    fallback_field = "representations"
    error_fields = {"themes": "theme", "matters": "matter", "main_issue": "issue"}

    representations = SelectMultipleField("Representations", validate_choice=False)
    scope = RadioField(
        "Which representations?",
        widget=GovRadioInput(),
        choices=SelectionScope.choices(),
        default=SelectionScope.SELECTED,
        validate_choice=False,
    )
    campaign = SelectField(
        "Campaign", widget=GovSelect(), validate_choice=False, description="Only for a whole campaign"
    )
    theme = SelectField("Theme", widget=GovSelect(), validate_choice=False)
    matter = SelectField("Strategic matter", widget=GovSelect(), validate_choice=False)
    issue = SelectField("Main issue", widget=GovSelect(), validate_choice=False)
    action = StringField("Action")

    def set_choices(self, themes, matters, issues, campaigns=()) -> "BulkForm":
        self.campaign.choices = [SelectChoice("", "Choose a campaign")] + [
            SelectChoice(str(row.campaign.id), f"{row.campaign.name} ({row.members:,})") for row in campaigns
        ]
        self.theme.choices = [SelectChoice("", "No theme")] + [SelectChoice(str(t.id), t.name) for t in themes]
        self.matter.choices = [SelectChoice("", "No strategic matter")] + [
            SelectChoice(m.slug, m.name) for m in matters
        ]
        self.issue.choices = [SelectChoice("", "Choose a main issue")] + [
            SelectChoice(str(i.id), i.title) for i in issues
        ]
        return self

    def to_data(self) -> dict:
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}


class ResponseForm(ServiceErrorsMixin, BaseForm):
    fallback_field = "text"

    text = TextAreaField(
        "The council’s response to this representation",
        widget=GovTextArea(),
        description="Leave it empty to take the response away",
    )
    submit = SubmitField("Save response", widget=GovSubmitInput())


class ConfirmForm(BaseForm):
    submit = SubmitField("Continue", widget=GovSubmitInput())


class AcceptForm(ServiceErrorsMixin, BaseForm):
    """Accepting a suggested theme: its name and representations travel with the button."""

    fallback_field = "name"

    name = StringField("Name of the theme", widget=GovTextInput())
    representations = SelectMultipleField("Representations", validate_choice=False)
