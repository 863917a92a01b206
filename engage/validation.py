"""Validation shared by pages, the API and imports, so one rule gives one message everywhere."""

import re

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"
POSTCODE_MESSAGE = "Enter a real postcode, like AL1 3JE"
# The UK postcode pattern (BS 7666 shapes), applied after removing spaces and upper-casing.
POSTCODE_PATTERN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


class ValidationError(ValueError):
    """Field errors, {field: [message, ...]}, raised by services before anything is written."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for messages in errors.values() for m in messages))
        self.errors = errors


# Plain ASCII addresses, nearly all of them, are checked by this pattern; email_validator checks every other
# address. Both give the same answer (tests/test_validation.py), the pattern ~50 times faster for bulk imports.
PLAIN_EMAIL_PATTERN = re.compile(
    r"^[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*"  # dot-separated words of letters, digits and _ + ' -
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"  # lower-case domain labels, a top-level domain
)


def _plain_email(value: str) -> str | None:
    local, _, domain = value.rpartition("@")
    domain = domain.lower()
    address = f"{local}@{domain}"
    if len(local) > 64 or len(address) > 254 or "--" in domain or not PLAIN_EMAIL_PATTERN.match(address):
        return None
    return None if domain.rsplit(".", 1)[-1] in SPECIAL_USE_DOMAIN_NAMES else address


def normalise_email(value: str) -> str | None:
    """The normalised address, or None when it is not a valid email address."""
    value = value.strip()
    plain = _plain_email(value)
    if plain is not None:
        return plain
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def normalise_postcode(value: str) -> str | None:
    """'al13je' -> 'AL1 3JE'; None when it is not the shape of a UK postcode."""
    compact = re.sub(r"\s+", "", value or "").upper()
    match = POSTCODE_PATTERN.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None
