"""Forms for the officers' consultation pages. They check CSRF and the shape of dates; the services check the rest
and their errors land on the field of the same name."""

from datetime import date, datetime
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    FileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError as FieldError

from engage.common.dates import LONDON, format_time
from engage.common.fields import GovDateField
from engage.common.forms import BaseForm, QueryForm
from engage.common.validation import parse_london_time
from engage.models import Consultation, utcnow
from engage.representations.forms import AboutYouForm, ErrorsMixin, RepresentationForm
from engage.vocab import (
    Answer,
    Channel,
    DocumentKind,
    FormType,
    InvitationMethod,
    Nature,
    QuestionKind,
    RepresentationStatus,
)

TIME_MESSAGE = "Enter a time in the 24-hour clock, like 23:59"
KEYED_IN = (Channel.EMAIL, Channel.POST, Channel.IN_PERSON)


def london_datetime(day: date | None, clock: str | None) -> datetime | None:
    """A date and 'HH:MM' in Europe/London as an aware datetime (None when either is missing or wrong, and when the
    time does not exist or happens twice that day: the time field's check says which)."""
    if day is None:
        return None
    try:
        return parse_london_time(day, clock, TIME_MESSAGE)
    except ValueError:
        return None


def check_time(day: date | None, clock: str | None) -> None:
    """A time field's check: the message when the date is given and the time is not a UK time."""
    if day is not None:
        try:
            parse_london_time(day, clock, TIME_MESSAGE)
        except ValueError as error:
            raise FieldError(str(error)) from error


def split_datetime(value: datetime | None) -> tuple[date | None, str]:
    if value is None:
        return None, ""
    return value.astimezone(LONDON).date(), format_time(value)


class ConsultationForm(ErrorsMixin, BaseForm):
    title = StringField("Title", widget=GovTextInput())
    slug = StringField(
        "Web address",
        widget=GovTextInput(),
        description="The end of the public address /consult/…, like reg-19-2027. "
        "Leave blank to make one from the title.",
    )
    stage = SelectField("Plan stage", widget=GovSelect(), validate_choice=False)
    summary = StringField(
        "Summary", widget=GovTextArea(), description="What the consultation is about, in plain English"
    )
    opens_on = GovDateField("Opening date", description="For example, 11 1 2027")
    opens_time = StringField("Opening time", widget=GovTextInput(), default="09:00", description="UK time, like 09:00")
    closes_on = GovDateField("Closing date", description="For example, 22 2 2027")
    closes_time = StringField(
        "Closing time",
        widget=GovTextInput(),
        default="23:59",
        description="UK time, like 23:59. Responses are accepted until this exact minute.",
    )
    form_type = RadioField(
        "Response form",
        widget=GovRadioInput(),
        choices=FormType.choices(),
        default="model-representation-form",
        validate_choice=False,
    )
    privacy_notice = StringField("Privacy notice", widget=GovTextArea())
    procedure_statement = StringField(
        "Statement of the representations procedure",
        widget=GovTextArea(),
        description="Where the documents can be seen, how and by when to respond",
    )
    published = BooleanField(
        "Publish on the public site",
        widget=GovCheckboxInput(),
        description="Until it is published the consultation is a draft only officers can see",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def set_stages(self, stages: list[tuple[str, str]]) -> None:
        self.stage.choices = [SelectChoice(slug, name) for slug, name in stages]

    def to_data(self) -> dict[str, Any]:
        data = {
            name: self[name].data or ""
            for name in ("title", "slug", "stage", "summary", "form_type", "privacy_notice", "procedure_statement")
        }
        data["published"] = bool(self.published.data)
        for prefix in ("opens", "closes"):
            data[f"{prefix}_at"] = london_datetime(self[f"{prefix}_on"].data, self[f"{prefix}_time"].data)
        return data

    def validate_opens_time(self, field) -> None:
        check_time(self.opens_on.data, field.data)

    def validate_closes_time(self, field) -> None:
        check_time(self.closes_on.data, field.data)

    @staticmethod
    def initial(consultation: Consultation) -> dict[str, Any]:
        data = {
            name: getattr(consultation, name)
            for name in (
                "title",
                "slug",
                "stage",
                "summary",
                "form_type",
                "privacy_notice",
                "procedure_statement",
                "published",
            )
        }
        data["opens_on"], data["opens_time"] = split_datetime(consultation.opens_at)
        data["closes_on"], data["closes_time"] = split_datetime(consultation.closes_at)
        return data


class PartsForm(ErrorsMixin, BaseForm):
    parts = StringField(
        "Parts of the plan",
        widget=GovTextArea(),
        description="One a line: reference | title | kind (chapter, policy, paragraph, site or policies-map). "
        "Indent a line with spaces to put it inside the chapter above.",
    )
    submit = SubmitField("Save parts", widget=GovSubmitInput())


class DocumentForm(ErrorsMixin, BaseForm):
    title = StringField("Document title", widget=GovTextInput())
    kind = RadioField(
        "Type of document",
        widget=GovRadioInput(),
        validate_choice=False,
        default="link",
        choices=DocumentKind.choices(),
    )
    url = StringField("Web address (for a link)", widget=GovTextInput())
    body_html = StringField(
        "Text of the page (for a web page)",
        widget=GovTextArea(),
        description="HTML headings, paragraphs, lists and links are kept; scripts are removed",
    )
    file = FileField("PDF file (for an uploaded PDF)", widget=GovFileInput())
    submit = SubmitField("Add document", widget=GovSubmitInput())


class QuestionForm(ErrorsMixin, BaseForm):
    text = StringField("Question", widget=GovTextArea())
    hint = StringField("Hint (optional)", widget=GovTextInput())
    kind = RadioField(
        "Type of answer",
        widget=GovRadioInput(),
        default="free-text",
        validate_choice=False,
        choices=QuestionKind.choices(),
    )
    options = StringField("Options (for choice questions)", widget=GovTextArea(), description="One a line")
    required = BooleanField("People must answer this question", widget=GovCheckboxInput())
    submit = SubmitField("Add question", widget=GovSubmitInput())


class ConfirmForm(ErrorsMixin, BaseForm):
    submit = SubmitField("Confirm", widget=GovSubmitInput())


class WithdrawForm(ErrorsMixin, BaseForm):
    fallback_field = "reason"
    reason = StringField(
        "Why is it being withdrawn?",
        widget=GovTextArea(),
        description="Say who asked and how, like ‘The respondent asked by email on 3 March’",
    )
    submit = SubmitField("Withdraw representation", widget=GovSubmitInput())


class ReinstateForm(ErrorsMixin, BaseForm):
    fallback_field = "reason"
    reason = StringField(
        "Why is it being reinstated?",
        widget=GovTextArea(),
        description="Like ‘The respondent asked by phone on 5 March to keep it’ or ‘Withdrawn in error’",
    )
    by_mistake = BooleanField(
        "It was withdrawn by mistake: the respondent did not ask to withdraw it", widget=GovCheckboxInput()
    )
    submit = SubmitField("Reinstate representation", widget=GovSubmitInput())


NEW_RESPONDENT = "new"


def received_fields() -> dict[str, Any]:
    """How and when a keyed-in representation (or an agent's spreadsheet of them) arrived: new fields for each form
    class, so each keeps them where its own fields put them."""
    return {
        "channel": RadioField(
            "How did it arrive?",
            widget=GovRadioInput(),
            choices=Channel.choices(only=KEYED_IN),
            default="email",
            validate_choice=False,
        ),
        "received_on": GovDateField("Date received", description="For example, 22 2 2027"),
        "received_time": StringField(
            "Time received (optional)", widget=GovTextInput(), description="UK time, like 14:30"
        ),
    }


class ReceivedMixin:
    """The moment of the fields of `received_fields()`: noon when no time is given, or now when that is today and
    noon is still to come (a letter opened in the morning was not received in the afternoon)."""

    def received_at(self) -> datetime | None:
        if self.received_time.data:
            return london_datetime(self.received_on.data, self.received_time.data)
        noon = london_datetime(self.received_on.data, "12:00")
        now = utcnow()
        if noon is not None and noon > now and noon.astimezone(LONDON).date() == now.astimezone(LONDON).date():
            return now
        return noon

    def validate_received_time(self, field) -> None:
        check_time(self.received_on.data, field.data or "12:00")


class KeyInForm(ReceivedMixin, AboutYouForm, RepresentationForm):
    """An email, post or in-person representation keyed in by an officer: the public fields plus how and when."""

    locals().update(received_fields())
    stakeholder_id = StringField(
        "Stakeholder record number (optional)",
        widget=GovTextInput(),
        description="To link the respondent to someone already in the registers",
    )
    respondent_reference = RadioField(
        "Is this the same person as a respondent already on record?",
        widget=GovRadioInput(),
        description="They have the same email address, or the same name and postcode. The same person’s"
        " representations share one respondent reference.",
        validate_choice=False,
    )
    submit = SubmitField("Save representation", widget=GovSubmitInput())

    def set_candidates(self, candidates: list[tuple[str, str]]) -> None:
        """Respondents on record who may be this person, as (reference, description), and "a new respondent"."""
        self.respondent_reference.choices = [
            SelectChoice(reference, f"Yes, {reference}: {description}") for reference, description in candidates
        ] + [SelectChoice(NEW_RESPONDENT, "No, this is a new respondent")]

    def respondent_choice(self) -> dict[str, Any]:
        chosen = self.respondent_reference.data or ""
        if chosen == NEW_RESPONDENT:
            return {"new_respondent": True}
        return {"respondent_reference": chosen or None}

    def about_data(self) -> dict[str, Any]:
        return AboutYouForm.to_data(self)

    def item_data(self, consultation: Consultation) -> dict[str, Any]:
        return RepresentationForm.to_data(self, consultation)


class RepresentationFilterForm(QueryForm):
    part = SelectField("Part of the plan", widget=GovSelect(), validate_choice=False)
    nature = SelectField(
        "Support, object or comment",
        widget=GovSelect(),
        validate_choice=False,
        choices=Nature.choices("Any"),
    )
    channel = SelectField(
        "Channel",
        widget=GovSelect(),
        validate_choice=False,
        choices=Channel.choices("Any"),
    )
    late = SelectField(
        "Late",
        widget=GovSelect(),
        validate_choice=False,
        choices=[SelectChoice("", "Any"), SelectChoice("true", "Late only"), SelectChoice("false", "On time only")],
    )
    legally_compliant = SelectField(
        "Legally compliant", widget=GovSelect(), validate_choice=False, choices=Answer.choices("Any")
    )
    sound = SelectField("Sound", widget=GovSelect(), validate_choice=False, choices=Answer.choices("Any"))
    dtc_compliant = SelectField(
        "Duty to co-operate", widget=GovSelect(), validate_choice=False, choices=Answer.choices("Any")
    )
    status = SelectField(
        "Status",
        widget=GovSelect(),
        validate_choice=False,
        choices=RepresentationStatus.choices("Any"),
    )

    campaign = SelectField("Campaign", widget=GovSelect(), validate_choice=False)

    def __init__(self, formdata, consultation: Consultation, campaigns=()):
        """`campaigns`: the consultation's campaigns, as (id, name)."""
        super().__init__(formdata)
        self.part.choices = [SelectChoice("", "Any part")] + [SelectChoice(p.ref, p.label) for p in consultation.parts]
        self.campaign.choices = [SelectChoice("", "Any"), SelectChoice("none", "Not in a campaign")] + [
            SelectChoice(str(campaign_id), name) for campaign_id, name in campaigns
        ]


class InvitationForm(ErrorsMixin, BaseForm):
    registers = SelectMultipleField(
        "Registers",
        widget=GovCheckboxesInput(),
        validate_choice=False,
        description="Everyone on the selected registers, except those who asked not to be contacted",
    )
    stakeholders = StringField(
        "Other stakeholders (optional)", widget=GovTextInput(), description="Record numbers, separated by commas"
    )
    method = RadioField(
        "How will you invite them?",
        widget=GovRadioInput(),
        default="email",
        validate_choice=False,
        choices=InvitationMethod.choices(only=(InvitationMethod.EMAIL, InvitationMethod.LETTER)),
    )
    submit = SubmitField("Send invitations", widget=GovSubmitInput())
