"""iCalendar (RFC 5545) files of engagements, with times in Europe/London and its VTIMEZONE."""

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from flask import url_for

from engage.common.dates import LONDON
from engage.models import Engagement, utcnow

PRODID = "-//Engage//Engagement calendar//EN"
STATUSES = {"planned": "TENTATIVE", "held": "CONFIRMED", "cancelled": "CANCELLED"}
DEFAULT_LENGTH = timedelta(hours=1)

if TYPE_CHECKING:
    from icalendar import Event


def _event(engagement: Engagement, stamp, domain: str) -> "Event":
    from icalendar import Event  # here, not at the top: icalendar takes a quarter of a second to load

    event = Event()
    event.add("uid", f"engagement-{engagement.id}@{domain}")
    event.add("dtstamp", stamp)
    starts = engagement.starts_at.astimezone(LONDON)
    event.add("dtstart", starts)
    event.add("dtend", (engagement.ends_at or engagement.starts_at + DEFAULT_LENGTH).astimezone(LONDON))
    event.add("summary", engagement.title)
    event.add("status", STATUSES.get(engagement.status, "TENTATIVE"))
    event.add("categories", [engagement.kind])
    lines = [f"Lead authority: {engagement.lead_authority.name}"]
    if engagement.plan_stage:
        lines.append(f"Plan stage: {engagement.plan_stage.name}")
    if engagement.matters:
        lines.append("Strategic matters: " + ", ".join(m.name for m in engagement.matters))
    if engagement.summary:
        lines.append(f"Asked or offered: {engagement.summary}")
    if engagement.outcome:
        lines.append(f"Outcome: {engagement.outcome}")
    event.add("description", "\n".join(lines))
    event.add("url", url_for("engagements.show", engagement_id=engagement.id, _external=True))
    if engagement.updated_at:
        event.add("last-modified", engagement.updated_at)
    return event


def calendar_bytes(engagements: Iterable[Engagement], name: str, domain: str = "engage") -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    stamp = utcnow()
    for engagement in engagements:
        calendar.add_component(_event(engagement, stamp, domain))
    calendar.add_missing_timezones()
    return calendar.to_ical()
