"""Validation shared by pages, the API and imports, so one rule gives one message everywhere."""

import re

from email_validator import EmailNotValidError, validate_email

EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"
POSTCODE_MESSAGE = "Enter a real postcode, like AL1 3JE"
# The UK postcode pattern (BS 7666 shapes), applied after removing spaces and upper-casing.
POSTCODE_PATTERN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


class ValidationError(ValueError):
    """Field errors, {field: [message, ...]}, raised by services before anything is written."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for messages in errors.values() for m in messages))
        self.errors = errors


def normalise_email(value: str) -> str | None:
    """The normalised address, or None when it is not a valid email address."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def normalise_postcode(value: str) -> str | None:
    """'al13je' -> 'AL1 3JE'; None when it is not the shape of a UK postcode."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = POSTCODE_PATTERN.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None
