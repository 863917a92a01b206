"""Forms for the stakeholder pages.

Field names are the API's, so errors from `services.clean` land on the field they are about.
The form itself checks nothing but CSRF: every rule lives in the service, with one message everywhere.
"""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.common.ids import parse_id
from engage.models import Stakeholder
from engage.stakeholders.services import COLUMN_FIELDS, Lookups
from engage.vocab import PreferredChannel, StakeholderKind

SORT_CHOICES = [
    SelectChoice("name", "Name (A to Z)"),
    SelectChoice("-name", "Name (Z to A)"),
    SelectChoice("-updated", "Recently updated"),
    SelectChoice("updated", "Least recently updated"),
    SelectChoice("-created", "Recently added"),
    SelectChoice("created", "First added"),
]
CONSENT_HINT = (
    "Only for telling them about future consultations and plan stages. We do not need consent to record "
    "their representations or our engagement with them: the lawful basis for that is public task."
)


def _choices(items, value, label, empty: str | None = None) -> list[SelectChoice]:
    choices = [SelectChoice("", empty)] if empty is not None else []
    return choices + [SelectChoice(getattr(item, value), getattr(item, label)) for item in items]


def _authorities(lookups: Lookups) -> list:
    return sorted(lookups.authorities.values(), key=lambda authority: authority.name)


def _by_position(table: dict) -> list:
    return sorted(table.values(), key=lambda item: (item.position, item.id))


class StakeholderFilterForm(QueryForm):
    """The filter panel on the list: a GET form, so it works without JavaScript and the URL can be shared."""

    q = StringField("Search", widget=GovTextInput(), description="Name, organisation or email address")
    register = SelectField("Register", widget=GovSelect(), validate_choice=False)
    category = SelectField("Category", widget=GovSelect(), validate_choice=False)
    authority = SelectField("Authority", widget=GovSelect(), validate_choice=False)
    sort = SelectField("Sort by", widget=GovSelect(), choices=SORT_CHOICES, validate_choice=False)

    def __init__(self, formdata, lookups: Lookups):
        super().__init__(formdata)
        self.register.choices = _choices(_by_position(lookups.registers), "slug", "name", "All registers")
        self.category.choices = _choices(_by_position(lookups.categories), "slug", "name", "All categories")
        self.authority.choices = _choices(_authorities(lookups), "code", "name", "All authorities")


class StakeholderForm(ServiceErrorsMixin, BaseForm):
    fallback_field = "kind"  # errors from services.clean with no field of their own go to the first question
    kind = RadioField(
        "Is this a person or an organisation?",
        widget=GovRadioInput(),
        choices=StakeholderKind.choices(),
        default="person",
        validate_choice=False,
    )
    title = StringField("Title (optional)", widget=GovTextInput(), description="For example, Cllr, Dr or Ms")
    first_name = StringField("First name", widget=GovTextInput())
    last_name = StringField("Last name", widget=GovTextInput())
    organisation = StringField(
        "Organisation",
        widget=GovTextInput(),
        description="For an organisation, its name. For a person, the organisation they work for (optional).",
    )
    organisation_id = StringField(
        "Organisation’s record number (optional)",
        widget=GovTextInput(),
        description="To list this person as a member of an organisation already in the register. "
        "The record number is on the organisation’s page.",
    )
    job_title = StringField("Job title (optional)", widget=GovTextInput())
    email = StringField("Email address (optional)", widget=GovTextInput())
    phone = StringField("Phone number (optional)", widget=GovTextInput())
    address = StringField("Postal address (optional)", widget=GovTextArea())
    postcode = StringField("Postcode (optional)", widget=GovTextInput())
    authority = SelectField(
        "Authority (optional)",
        widget=GovSelect(),
        description="The council they belong to or are in the area of",
        validate_choice=False,
    )
    registers = SelectMultipleField(
        "Registers",
        widget=GovCheckboxesInput(),
        description="Select all that apply",
        validate_choice=False,
    )
    categories = SelectMultipleField(
        "Categories",
        widget=GovCheckboxesInput(),
        description="Select all that apply",
        validate_choice=False,
    )
    body_kinds = SelectMultipleField(
        "Kinds of body named in the regulations",
        widget=GovCheckboxesInput(),
        description="For consultation bodies and prescribed bodies. Select all that apply.",
        validate_choice=False,
    )
    party = StringField("Political party (optional)", widget=GovTextInput())
    ward = StringField("Ward (optional)", widget=GovTextInput())
    constituency = StringField("Constituency (optional)", widget=GovTextInput())
    preferred_channel = RadioField(
        "How do they prefer to be contacted?",
        widget=GovRadioInput(),
        choices=PreferredChannel.choices(),
        default="email",
        validate_choice=False,
    )
    accessibility_needs = StringField(
        "Accessibility needs (optional)",
        widget=GovTextArea(),
        description="For example, large print, easy read or a hearing loop at meetings",
    )
    language = StringField("Preferred language (optional)", widget=GovTextInput())
    agent_id = StringField(
        "Agent’s record number (optional)",
        widget=GovTextInput(),
        description="If someone acts for them, the record number of the agent. Correspondence goes to the agent.",
    )
    do_not_contact = BooleanField("Do not contact", widget=GovCheckboxInput())
    consent_to_notifications = BooleanField(
        "They consent to being told about future consultations", widget=GovCheckboxInput()
    )
    notes = StringField("Notes (optional)", widget=GovTextArea())
    accepted_duplicates = HiddenField()
    submit = SubmitField("Save stakeholder", widget=GovSubmitInput())
    save_anyway = SubmitField("Save anyway", widget=GovSubmitInput())

    def __init__(self, *args, lookups: Lookups, **kwargs):
        super().__init__(*args, **kwargs)
        self.authority.choices = _choices(_authorities(lookups), "code", "name", "None")
        self.registers.choices = _choices(_by_position(lookups.registers), "slug", "name")
        self.categories.choices = _choices(_by_position(lookups.categories), "slug", "name")
        body_kinds = sorted(lookups.body_kinds.values(), key=lambda b: (b.category.position, b.position, b.id))
        self.body_kinds.choices = _choices(body_kinds, "slug", "label")
        self.body_kind_hints = [{"hint": {"text": body_kind.category.name}} for body_kind in body_kinds]

    def to_data(self) -> dict[str, Any]:
        """The answers keyed by API field name, for services.create_stakeholder and update_stakeholder."""
        skip = {"csrf_token", "accepted_duplicates", "submit", "save_anyway"}
        return {name: field.data for name, field in self._fields.items() if name not in skip}

    def accepted(self) -> set[int]:
        """Duplicates the user has seen and chosen to save anyway (only when they pressed that button)."""
        if not self.save_anyway.data:
            return set()
        return set(filter(None, (parse_id(part) for part in (self.accepted_duplicates.data or "").split(","))))

    def show_duplicates(self, duplicates: list[Stakeholder]) -> None:
        self.accepted_duplicates.data = ",".join(str(duplicate.id) for duplicate in duplicates)


def initial_data(stakeholder: Stakeholder) -> dict[str, Any]:
    """A stakeholder's current values, to fill in the edit form."""
    data = {field: getattr(stakeholder, field) for field in COLUMN_FIELDS}
    data["organisation"] = data.pop("organisation_name")
    data["organisation_id"] = str(stakeholder.organisation_id or "")
    data["agent_id"] = str(stakeholder.agent_id or "")
    data["authority"] = stakeholder.authority.code if stakeholder.authority else ""
    data["registers"] = [register.slug for register in stakeholder.registers]
    data["categories"] = [category.slug for category in stakeholder.categories]
    data["body_kinds"] = [body_kind.slug for body_kind in stakeholder.body_kinds]
    return data


class EraseForm(BaseForm):
    submit = SubmitField("Erase personal data", widget=GovSubmitInput())
