"""The filter panel on the engagement list and calendar: a GET form, so it works without JavaScript and the URL
(also that of the .ics export) can be shared."""

from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from wtforms import SelectField, StringField

from engage.common.forms import QueryForm
from engage.engagements.forms import choices
from engage.models import Register
from engage.vocab import EngagementKind, EngagementStatus


class EngagementFilterForm(QueryForm):
    q = StringField("Title contains", widget=GovTextInput())
    authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    register = SelectField("Register", widget=GovSelect(), validate_choice=False)
    matter = SelectField("Strategic matter", widget=GovSelect(), validate_choice=False)
    kind = SelectField("Kind", widget=GovSelect(), validate_choice=False)
    status = SelectField("Status", widget=GovSelect(), validate_choice=False)
    stakeholder = StringField("Stakeholder record number", widget=GovTextInput())

    def __init__(self, formdata, lookups, registers: list[Register]):
        super().__init__(formdata)
        self.authority.choices = choices([(a.code, a.name) for a in lookups.authorities], "All authorities")
        self.register.choices = choices([(r.slug, r.name) for r in registers], "All registers")
        self.matter.choices = choices([(m.slug, m.name) for m in lookups.matters], "All matters")
        self.kind.choices = EngagementKind.choices("All kinds")
        self.status.choices = EngagementStatus.choices("Any status")


# "from" and "to" are the API's names; they are Python keywords, so they are set after the class is made.
for _name, _label, _example in (("from", "From", "2027-01-31"), ("to", "To", "2027-03-31")):
    setattr(
        EngagementFilterForm, _name, StringField(_label, widget=GovTextInput(), description=f"For example, {_example}")
    )
