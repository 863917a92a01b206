"""Dates and times as people read them, in the one zone the plan runs on (Europe/London, `LONDON`).

Officers' pages and files: "1 December 2026", "1 December 2026 at 09:00", "09:00". The public pages and emails to
respondents, in the GOV.UK style: "9am", "5:30pm", "midday", "midnight", "1 December 2026 at 9am". The API: ISO 8601
with the offset. Reading dates and times typed into forms is engage/validation.py's job (parse_day, parse_time).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


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
