"""Redaction and the public register as the API reads and writes them."""

from typing import Annotated, Literal

from pydantic import Field, Strict

from engage.common.schemas import Input, LondonDateTime, Output, Text, one_of
from engage.vocab import Answer, Nature, RedactedField, RedactionReason, ReviewState

Offset = Annotated[int, Strict()]


class RedactionSpan(Output):
    """Characters start…end (end excluded, counted from 0) of one text of a representation, kept out of what is
    published."""

    id: int
    field: Literal[RedactedField.values()]
    start: int
    end: int
    reason: Literal[RedactionReason.values()]
    text: str = Field(description="The words redacted (officers only)")
    created_at: LondonDateTime


class SuggestedSpan(Output):
    """Text that looks like personal data and is not redacted yet."""

    field: Literal[RedactedField.values()]
    start: int
    end: int
    kind: Literal["email", "phone", "postcode", "address"]
    text: str


class PublicTexts(Output):
    """The texts as everything published shows them."""

    comment: str
    modification: str
    heard_reason: str


class RedactionState(Output):
    """A representation's redactions, what is still suggested, its review and its texts as published."""

    reference: str
    review: Literal[ReviewState.values()]
    note: str
    stale: bool = Field(description="A text changed since it was redacted: it is withheld until redacted again")
    redactions: list[RedactionSpan]
    suggestions: list[SuggestedSpan]
    public: PublicTexts


class RedactionInput(Input):
    """A redaction: which text, which characters and why."""

    required = ("field", "start", "end", "reason")

    field: one_of(RedactedField.values()) = None
    start: Offset | None = Field(None, description="The first character redacted, counted from 0")
    end: Offset | None = Field(None, description="The character after the last one redacted")
    reason: one_of(RedactionReason.values()) = None


class SuggestionInput(Input):
    """One suggestion to redact (its field, start and end), or nothing to redact them all."""

    field: one_of(RedactedField.values()) = None
    start: Offset | None = None
    end: Offset | None = None
    reason: one_of(RedactionReason.values()) = None


class ReviewInput(Input):
    required = ("state",)

    state: one_of(ReviewState.values()) = None
    note: Text | None = Field(None, description="What is still to redact: needed when flagged")


class RegisterState(Output):
    """Whether a consultation's public register is published, and how far the redaction review has gone."""

    consultation: int
    published: bool
    published_at: LondonDateTime | None
    total: int
    flagged: int = Field(description="Flagged, or not reviewed with personal data suggested: these block publishing")
    redacted: int
    reviewed: int
    blockers: list[str] = Field(description="References of the representations that block publishing")


class PublicFile(Output):
    id: int = Field(validation_alias="attachment_id")
    filename: str
    content_type: str
    size: int
    redacted: bool = Field(description="A redacted copy rather than the file as sent")


class RegisterEntry(Output):
    """One representation as the public register shows it: never an address, email, phone number or signature."""

    reference: str
    respondent: str
    organisation: str
    agent: str
    part: str
    nature: Literal[Nature.values()]
    legally_compliant: Literal[Answer.values()]
    sound: Literal[Answer.values()]
    unsound_tests: list[str]
    dtc_compliant: Literal[Answer.values()]
    comment: str
    modification: str
    wishes_to_be_heard: bool
    heard_reason: str
    received_at: LondonDateTime
    late: bool
    files: list[PublicFile]
