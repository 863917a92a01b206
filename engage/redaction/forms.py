"""Forms of the redaction pages and of the public register's filters. They check CSRF and the shape of what is
sent; the services check the rest, and their errors land on the field of the same name."""

from wtforms import FileField, HiddenField, RadioField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import ServiceErrorsMixin as ErrorsMixin
from engage.common.forms import BaseForm, QueryForm
from engage.common.widgets import GovFileInput, GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from engage.vocab import Nature, RedactedField, RedactionReason, ReviewState


class RedactWordsForm(ErrorsMixin, BaseForm):
    fallback_field = "words"
    field = RadioField(
        "Which text are the words in?",
        widget=GovRadioInput(),
        choices=RedactedField.choices(),
        default=RedactedField.COMMENT,
        validate_choice=False,
    )
    words = StringField(
        "Words to redact",
        widget=GovTextInput(),
        description="Copy them exactly as they appear in the text. Every place they appear is redacted.",
    )
    reason = RadioField(
        "Why are they being redacted?", widget=GovRadioInput(), choices=RedactionReason.choices(), validate_choice=False
    )
    submit = SubmitField("Redact the words", widget=GovSubmitInput())


class SuggestionForm(ErrorsMixin, BaseForm):
    """One suggestion (its field, start and end) or, without them, every suggestion."""

    fallback_field = "field"
    field = HiddenField()
    start = HiddenField()
    end = HiddenField()
    submit = SubmitField("Redact", widget=GovSubmitInput())


class ConfirmForm(ErrorsMixin, BaseForm):
    """Only the CSRF token: removing a redaction or a redacted copy, publishing, taking down."""

    fallback_field = "submit"

    submit = SubmitField("Confirm", widget=GovSubmitInput())


class ReviewForm(ErrorsMixin, BaseForm):
    fallback_field = "state"
    state = RadioField("Review", widget=GovRadioInput(), choices=ReviewState.choices(), validate_choice=False)
    note = StringField(
        "Note (needed when flagging)",
        widget=GovTextArea(),
        description="Say what is still to be redacted, like ‘Signature on page 2 of the letter’",
    )
    submit = SubmitField("Save the review", widget=GovSubmitInput())


class CopyForm(ErrorsMixin, BaseForm):
    fallback_field = "file"
    file = FileField(
        "Redacted copy",
        widget=GovFileInput(),
        description="The same file with the personal data blacked out: a PDF, Word document, JPEG or PNG",
    )
    reason = RadioField(
        "Why is it redacted?", widget=GovRadioInput(), choices=RedactionReason.choices(), validate_choice=False
    )
    submit = SubmitField("Upload the redacted copy", widget=GovSubmitInput())


class QueueFilterForm(QueryForm):
    show = SelectField(
        "Show",
        widget=GovSelect(),
        validate_choice=False,
        choices=[
            SelectChoice("", "Every representation"),
            SelectChoice("attention", "Needing attention"),
            *ReviewState.choices(),
        ],
    )


class RegisterFilterForm(QueryForm):
    part = SelectField("Part of the plan", widget=GovSelect(), validate_choice=False)
    nature = SelectField(
        "Support, object or comment", widget=GovSelect(), validate_choice=False, choices=Nature.choices("Any")
    )

    def __init__(self, formdata, consultation, **kwargs):
        super().__init__(formdata, **kwargs)
        self.part.choices = [SelectChoice("", "Any"), *(SelectChoice(p.ref, p.label) for p in consultation.parts)]
