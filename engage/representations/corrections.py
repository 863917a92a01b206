"""Correcting a representation as it was recorded: a keying-in slip, a misread letter, the wrong part of the plan.

One set of rules for the officers' page and `PATCH /api/v1/representations/{reference}`: the same checks as when it
was recorded (clean_person, clean_item), the respondent's and agent's details corrected for all their
representations, the reason and every change before and after in the audit trail. An online representation keeps
how and when it was sent; a keyed-in one may have its channel and date received corrected (late follows the date).
"""

from datetime import datetime
from typing import Any

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Representation, Respondent, utcnow
from engage.models.representation import PERSON_FIELDS
from engage.representations.services import clean_item, clean_person
from engage.vocab import Channel

REASON_LIMIT = 2000
ITEM_FIELDS = (
    "part_id",
    "nature",
    "legally_compliant",
    "sound",
    "dtc_compliant",
    "unsound_tests",
    "comment",
    "modification",
    "wishes_to_be_heard",
    "heard_reason",
    "notify",
    "answers",
)
ONLINE_FIXED = "An online representation keeps how and when it was sent"


def recorded(representation: Representation) -> dict[str, Any]:
    """What can be corrected, flat, as the audit trail compares it: the representation's fields, `respondent_<field>`
    and `agent` (the agent's details, or None)."""
    respondent = representation.respondent
    values = {field: getattr(representation, field) for field in ITEM_FIELDS}
    values["channel"] = representation.channel
    values["received_at"] = representation.received_at.isoformat()
    values["late"] = representation.late
    values.update({f"respondent_{field}": getattr(respondent, field) for field in PERSON_FIELDS})
    values["agent"] = respondent.agent or None
    return values


def correct_representation(
    representation: Representation,
    person: dict[str, Any],
    agent: dict[str, Any] | None,
    item: dict[str, Any],
    *,
    reason: Any,
    channel: str | None = None,
    received_at: datetime | None = None,
    user=None,
) -> dict[str, list[Any]]:
    """Lay the corrected values over the representation and its respondent, checked as when it was recorded; the
    changes ({field: [before, after]}) go in the audit trail with the reason, and are returned (empty: nothing
    changed, nothing written)."""
    if representation.respondent.erased_at is not None:
        message = f"The personal data of {representation.respondent.reference} has been erased: it cannot be corrected"
        raise ValidationError({"reason": [message]})
    online = representation.channel == Channel.ONLINE
    cleaned, errors = _checked(representation, person, agent, item, online=online)
    reason = "" if reason is None else str(reason).strip()
    if not reason:
        errors["reason"] = ["Enter why you are correcting it"]
    elif len(reason) > REASON_LIMIT:
        errors["reason"] = [f"Enter {REASON_LIMIT:,} characters or fewer"]
    when = _when(representation, channel, received_at, errors, online=online)
    if errors:
        raise ValidationError(errors)
    before = recorded(representation)
    _apply(representation, cleaned, when)
    changes = audit.diff(before, recorded(representation))
    if changes:
        summary = f"{representation.reference} corrected: {reason}"
        audit.record("update", "representation", representation.id, summary, user=user, changes=changes)
        db.session.commit()
    return changes


def _checked(representation, person, agent, item, *, online: bool) -> tuple[dict[str, Any], dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    checks = {
        "person": lambda: clean_person(person, require_contact=online),
        "agent": lambda: clean_person(agent, prefix="agent_") if agent else None,
        "item": lambda: clean_item(representation.consultation, item, online=online),
    }
    cleaned: dict[str, Any] = {}
    for key, check in checks.items():
        try:
            cleaned[key] = check()
        except ValidationError as error:
            errors.update(error.errors)
    return cleaned, errors


def _when(representation, channel, received_at, errors, *, online: bool) -> tuple[str, datetime]:
    """How and when it arrived: an online one's stay as they are (None: as they are); a keyed-in one's are given."""
    if online:
        channel = channel or representation.channel
        received_at = received_at or representation.received_at
        if channel != Channel.ONLINE:
            errors["channel"] = [ONLINE_FIXED]
        if received_at != representation.received_at:
            errors["received_on"] = [ONLINE_FIXED]
        return channel, received_at
    if channel not in Channel.values() or channel == Channel.ONLINE:
        errors["channel"] = ["Select email, post or in person"]
    if received_at is not None and received_at == representation.received_at.replace(second=0, microsecond=0):
        received_at = representation.received_at  # the page shows it to the minute: the same minute is no change
    if received_at is None:
        errors["received_on"] = ["Enter the date the representation was received"]
    elif received_at > utcnow():
        errors["received_on"] = ["The date received must be today or in the past"]
    return channel, received_at


def _apply(representation: Representation, cleaned: dict[str, Any], when: tuple[str, datetime]) -> None:
    respondent: Respondent = representation.respondent
    for field, value in cleaned["person"].items():
        setattr(respondent, field, value)
    respondent.agent = cleaned["agent"] or None
    for field, value in cleaned["item"].items():
        setattr(representation, field, value)
    channel, received_at = when
    if received_at != representation.received_at:
        representation.late = received_at >= representation.consultation.closes_at
    representation.channel, representation.received_at = channel, received_at
