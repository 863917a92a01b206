"""Dates and times on the public pages and in emails to respondents, in the GOV.UK style: "9am", "5:30pm",
"midday", "midnight", "1 December 2026 at 9am" (Europe/London)."""

from datetime import datetime

from engage.filters import london


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
