"""Forms of the campaign pages; the services check the values and their errors land on the field of the same name."""

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm


class FindForm(BaseForm):
    submit = SubmitField("Find campaigns", widget=GovSubmitInput())


class CampaignForm(ServiceErrorsMixin, BaseForm):
    name = StringField("Name", widget=GovTextInput(), description="How the statement of consultation will name it")
    template_text = StringField(
        "Template text",
        widget=GovTextArea(),
        description="The text the campaign asked people to send, as the organisers wrote it",
    )
    confirmed = BooleanField("This is a campaign: count its representations as one argument", widget=GovCheckboxInput())
    submit = SubmitField("Save", widget=GovSubmitInput())


class ConfirmCampaignForm(BaseForm):
    submit = SubmitField("Confirm this is a campaign", widget=GovSubmitInput())


class SplitForm(ServiceErrorsMixin, BaseForm):
    representations = SelectMultipleField(
        "Representations to split out of the group",
        widget=GovCheckboxesInput(),
        validate_choice=False,
        description="Two or more make a new group of their own; one alone is left ungrouped",
    )
    submit = SubmitField("Split out of the group", widget=GovSubmitInput())

    def offer(self, members) -> "SplitForm":
        self.representations.choices = [SelectChoice(item.reference, item.reference) for item in members]
        return self


class MergeForm(ServiceErrorsMixin, BaseForm):
    campaign = SelectField("Merge this group with", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Merge the groups", widget=GovSubmitInput())

    def offer(self, others) -> "MergeForm":
        self.campaign.choices = [SelectChoice("", "Choose a group")] + [
            SelectChoice(str(row.campaign.id), f"{row.campaign.name} ({row.members})") for row in others
        ]
        return self


class DissolveForm(BaseForm):
    submit = SubmitField("This is not a campaign: dissolve the group", widget=GovSubmitInput())
