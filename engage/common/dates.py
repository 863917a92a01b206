"""Dates and times as people read them, in the one zone the plan runs on (Europe/London, `LONDON`).

Officers' pages and files: "1 December 2026", "1 December 2026 at 09:00", "09:00". The public pages and emails to
respondents, in the GOV.UK style: "9am", "5:30pm", "midday", "midnight", "1 December 2026 at 9am". The API: ISO 8601
with the offset. Reading dates and times typed into forms is engage/common/validation.py's job (parse_day, parse_time,
parse_london_time); a UK date and time becomes an instant here (london_datetime), which asks which was meant when
the clocks change.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# The one range of years accepted anywhere (forms, the API, imports), so that nothing stored can break a page,
# the calendar, an ICS feed or an export.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
YEARS_MESSAGE = f"The year must be between {EARLIEST_YEAR} and {LATEST_YEAR}"


def in_accepted_years(value: date | datetime | None) -> bool:
    """Whether a date (or a datetime, by its UK date) falls in the years 1900 to 2200."""
    if value is None:
        return True
    if isinstance(value, datetime) and value.tzinfo is not None:
        if not EARLIEST_YEAR - 1 < value.year < LATEST_YEAR + 1:
            return False
        value = value.astimezone(LONDON)
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


class ClockChange(ValueError):
    """A UK time that does not exist (the clocks went forward over it) or that happens twice (they went back)."""


def _exists(local: datetime) -> bool:
    return local.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == local.replace(tzinfo=None)


def london_datetime(day: date, moment: time, zone_name: str | None = None) -> datetime:
    """The instant a UK date and time of day mean. `zone_name` ("BST" or "GMT") says which of the two was meant when
    the clocks go back and the time happens twice; without it, such a time, or one that never happens because the
    clocks go forward over it, raises ClockChange with a message that names the readings or the gap."""
    first, second = (datetime.combine(day, moment, LONDON).replace(fold=fold) for fold in (0, 1))
    when = f"{format_date(day)}"
    clock = f"{moment:%H:%M}"
    if not _exists(first):
        start = first
        while not _exists(start - timedelta(minutes=1)):
            start -= timedelta(minutes=1)
        end = start + (second.utcoffset() - first.utcoffset())
        raise ClockChange(
            f"There is no {clock} on {when} in UK time: the clocks go forward from {start:%H:%M} to {end:%H:%M}. "
            f"Enter a time before {start:%H:%M} or from {end:%H:%M}"
        )
    readings = {first.tzname(): first, second.tzname(): second}
    if zone_name:
        chosen = readings.get(zone_name.upper())
        if chosen is None:
            raise ClockChange(f"UK time on {when} is {first.tzname()}: enter the time without {zone_name.upper()}")
        return chosen
    if first.utcoffset() != second.utcoffset():
        raise ClockChange(
            f"{clock} happens twice on {when} because the clocks go back. Enter {clock} {first.tzname()} for the "
            f"first (UTC{_offset(first)}) or {clock} {second.tzname()} for the second (UTC{_offset(second)})"
        )
    return first


def _offset(value: datetime) -> str:
    hours = value.utcoffset() // timedelta(hours=1)
    return f"{'+' if hours >= 0 else '-'}{abs(hours)}"


def london(value: datetime | None) -> datetime | None:
    """An aware datetime in UK time (None stays None)."""
    return value.astimezone(LONDON) if value else None


def format_date(value: date | datetime | None) -> str:
    """ "1 December 2026"; a datetime by its UK date; empty for None."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = london(value)
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: datetime | None) -> str:
    """ "1 December 2026 at 09:00" in UK time; empty for None."""
    if not value:
        return ""
    local = london(value)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def format_time(value: datetime | None) -> str:
    """ "09:00" in UK time, the 24-hour clock officers type; empty for None."""
    return f"{london(value):%H:%M}" if value else ""


def govuk_time(value: datetime, *, seconds: bool = False) -> str:
    """ "9am", "11:59pm", "midday", "midnight"; with `seconds`, "11:59:30pm" when the seconds are not 0."""
    local = london(value)
    with_seconds = seconds and local.second
    if not with_seconds and local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute or with_seconds else ""
    extra = f":{local.second:02d}" if with_seconds else ""
    return f"{hour}{minutes}{extra}{'am' if local.hour < 12 else 'pm'}"


def govuk_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    """ "1 December 2026 at 9am"; empty for None."""
    if not value:
        return ""
    local = london(value)
    return f"{local.day} {local:%B %Y} at {govuk_time(local, seconds=seconds)}"


def iso_datetime(value: datetime | None) -> str | None:
    """ISO 8601 with the offset, in UK time: '2026-07-01T10:00:00+01:00'."""
    return value.astimezone(LONDON).isoformat() if value else None


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None
