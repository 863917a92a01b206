"""Recording how a consultation was made known, for the statement of consultation: each method (public notice,
press, website, social media, newsletter, exhibition or event, deposit point, and emails or letters sent outside
the invitations) with what and where, its dates, and the attendance of exhibitions and events. Pages and the API
call the same functions."""

from datetime import date
from typing import Any

from engage.common import audit
from engage.common.schemas import is_storable
from engage.common.validation import EARLIEST_YEAR, LATEST_YEAR, ValidationError, parse_day
from engage.extensions import db
from engage.models import Consultation, Publicity
from engage.vocab import PublicityMethod

FIELDS = ("method", "description", "starts_on", "ends_on", "attendance")
MAX_ATTENDANCE = 10_000_000
DATE_MESSAGE = f"Enter a real date between {EARLIEST_YEAR} and {LATEST_YEAR}, like 27 3 2027"


def _day(value: Any, field: str, errors: dict) -> date | None:
    if value is None or value == "":
        return None
    day = value if isinstance(value, date) else parse_day(value if isinstance(value, str) else "")
    if day is None or not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        errors[field] = [DATE_MESSAGE]
        return None
    return day


def _attendance(value: Any, method: str, errors: dict) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().replace(",", "")
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()) or int(text) > MAX_ATTENDANCE:
        errors["attendance"] = [f"Enter the attendance as a whole number, 0 to {MAX_ATTENDANCE:,}"]
        return None
    member = PublicityMethod.find(method)
    if member is not None and not member.has_attendance:
        errors["attendance"] = ["Attendance is recorded only for exhibitions and events: leave it empty"]
        return None
    return int(text)


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """The values to store, or a ValidationError naming each field that is wrong."""
    errors: dict[str, list[str]] = {}
    method = str(data.get("method") or "").strip().lower()
    if method not in PublicityMethod.values():
        errors["method"] = ["Select how the consultation was publicised"]
    description = data.get("description")
    description = description.strip() if isinstance(description, str) and is_storable(description) else ""
    if not description:
        errors["description"] = ["Enter what was done and where, like “Notice in the Watford Observer”"]
    elif len(description) > 300:
        errors["description"] = ["What and where must be 300 characters or fewer"]
    starts_on = _day(data.get("starts_on"), "starts_on", errors)
    if starts_on is None and "starts_on" not in errors:
        errors["starts_on"] = ["Enter the date it was done or started, like 27 3 2027"]
    ends_on = _day(data.get("ends_on"), "ends_on", errors)
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = ["The end date must be the same as or after the start date"]
    attendance = _attendance(data.get("attendance"), method, errors)
    if errors:
        raise ValidationError(errors)
    return {"method": method, "description": description, "starts_on": starts_on, "ends_on": ends_on,
            "attendance": attendance}  # fmt: skip


def record_publicity(consultation: Consultation, data: dict[str, Any], user=None) -> Publicity:
    item = Publicity(consultation_id=consultation.id, **clean(data))
    db.session.add(item)
    db.session.flush()
    audit.record("create", "publicity", item.id, f"Publicity added to consultation {consultation.id}", user=user)
    db.session.commit()
    return item


def current(item: Publicity) -> dict[str, Any]:
    return {name: getattr(item, name) for name in FIELDS}


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """The values as the audit trail's JSON stores them (dates as YYYY-MM-DD)."""
    return {name: value.isoformat() if isinstance(value, date) else value for name, value in values.items()}


def update_publicity(item: Publicity, data: dict[str, Any], user=None) -> Publicity:
    """Changes the fields given; the others keep their values."""
    before = current(item)
    cleaned = clean({**before, **data})
    for name, value in cleaned.items():
        setattr(item, name, value)
    changes = audit.diff(_plain(before), _plain(cleaned))
    audit.record("update", "publicity", item.id, f"Publicity {item.id} changed", user=user, changes=changes)
    db.session.commit()
    return item


def remove_publicity(item: Publicity, user=None) -> None:
    audit.record("delete", "publicity", item.id, f"Publicity removed from consultation {item.consultation_id}",
                 user=user)  # fmt: skip
    db.session.delete(item)
    db.session.commit()
