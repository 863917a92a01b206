"""Validation shared by pages, the API and imports, so one rule gives one message everywhere."""

import re
from datetime import date, datetime, time

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from engage.common.dates import EARLIEST_YEAR, LATEST_YEAR, YEARS_MESSAGE, ClockChange, london_datetime

EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"
POSTCODE_MESSAGE = "Enter a real postcode, like AL1 3JE"
# The UK postcode pattern (BS 7666 shapes), applied after removing spaces and upper-casing.
POSTCODE_PATTERN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
# Dates typed or sent in a query string: ISO 2026-03-01, or day, month, year like 1/3/2026, 1-3-2026 or 1.3.2026.
ISO_DAY_PATTERN = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
UK_DAY_PATTERN = re.compile(r"^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})$")
# Times: 14:30, 14.30 or 1430 on the 24-hour clock; 2pm, 2:30pm or 2.30 p.m. on the 12-hour clock; midday.
TIME_24_PATTERN = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$|^([0-9]{2})([0-9]{2})$")
TIME_12_PATTERN = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))? ?([ap])\.?m\.?$")
MIDDAY = ("midday", "noon", "12 noon")
# "01:30 BST" or "01:30 GMT": which of the two 01:30s is meant on the night the clocks go back.
ZONE_SUFFIX = re.compile(r"^(.*?)\s*\b(bst|gmt)$", re.IGNORECASE)


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


def parse_day(value: str | None) -> date | None:
    """A date from ISO '2026-03-01' or '1/3/2026' ('-' or '.' between the parts too), in the years 1900 to 2200.

    None when the text is empty or is not such a date: a caller that must tell the two apart checks for empty text
    first, and reports a wrong date in its own words."""
    text = (value or "").strip()
    iso, uk = ISO_DAY_PATTERN.match(text), UK_DAY_PATTERN.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif uk:
        day, month, year = int(uk.group(1)), int(uk.group(3)), int(uk.group(4))
    else:
        return None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_time(value: str | None) -> time | None:
    """A time of day from '14:30', '14.30', '1430', '2pm', '2:30pm', '2.30 p.m.' or 'midday'.

    None when the text is empty or is not such a time. Not accepted, because people mean different things by them:
    a bare '2' (2am or 2pm?) and '12am' (the start or the end of a day? 00:00 and 23:59 say which)."""
    text = (value or "").strip().lower()
    if text in MIDDAY:
        return time(12, 0)
    if match := TIME_24_PATTERN.match(text):
        hour, minute = (int(part) for part in match.groups() if part is not None)
    elif match := TIME_12_PATTERN.match(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or (hour, minute, match.group(3)) == (12, 0, "a"):
            return None
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
    else:
        return None
    return time(hour, minute) if hour <= 23 and minute <= 59 else None


def parse_london_time(day: date, text: str | None, message: str) -> datetime:
    """The instant a UK date and a typed time of day mean ("14:30", "2:30pm", or "01:30 BST" on the night the
    clocks go back). Raises ValueError with `message` for a time that is not one (24:00, 25:00, 14:61), with the
    year range's message for a date outside it, and with the clock change's message for a time that does not exist
    or happens twice (engage.common.dates.london_datetime)."""
    zone = ZONE_SUFFIX.match((text or "").strip())
    moment = parse_time(zone.group(1) if zone else text)
    if moment is None:
        raise ValueError(message)
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueError(YEARS_MESSAGE)
    try:
        return london_datetime(day, moment, zone.group(2) if zone else None)
    except ClockChange as change:
        raise ValueError(str(change)) from change
