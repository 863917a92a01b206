"""Signing a Statement of Common Ground and moving a version through draft → agreed → signed → superseded.

The dates are the ones written on the document, entered by the officer, never the day of the click. Only a party
to the version can sign it, once; a signature cannot predate the agreement it signs, the version is signed only
when every party has signed, and it cannot be signed before its last signature.
"""

from datetime import date
from typing import Any

from engage.common import audit
from engage.common.dates import format_date
from engage.common.ids import parse_id
from engage.common.validation import EARLIEST_YEAR, ValidationError
from engage.extensions import db
from engage.models import CommonGroundParty, CommonGroundSignature, CommonGroundVersion
from engage.webhooks import events as webhook_events

# Where each status may go next. Superseding happens when a later version is signed, or by hand.
TRANSITIONS = {
    "draft": ("agreed",),
    "agreed": ("draft", "signed", "superseded"),
    "signed": ("superseded",),
    "superseded": (),
}
DATE_FIELD = "on"


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    return (data.get(key) or "").strip()[:limit]


def _document_date(day, today: date, what: str, not_before: tuple[date | None, str] = (None, "")) -> str | None:
    """The message for a date entered for the document, or None when it will do."""
    if not isinstance(day, date):
        return f"Enter the date {what}, like 27 3 2026"
    if day > today:
        return f"The date {what} must be today or in the past"
    if day.year < EARLIEST_YEAR:
        return f"Enter the date {what} as a real date, like 27 3 2026"
    earliest, reason = not_before
    if earliest and day < earliest:
        return f"The date {what} cannot be before {reason}, {format_date(earliest)}"
    return None


def _party(version: CommonGroundVersion, value) -> CommonGroundParty | None:
    number = parse_id(str(value or ""))
    return next((p for p in version.parties if number and p.id == number), None)


def add_signature(version: CommonGroundVersion, data: dict[str, Any], today: date, user=None) -> CommonGroundSignature:
    """Record that a party signed an agreed version: who signed for it and on what date."""
    if version.status != "agreed":
        message = "Mark this version agreed before recording signatures"
        if version.status != "draft":
            message = f"Version {version.number} is {version.status}: it cannot take more signatures"
        raise ValidationError({"party": [message]})
    errors = {}
    party = _party(version, data.get("party"))
    if party is None:
        errors["party"] = ["Select the party they signed for: only a party to the statement can sign it"]
    elif version.signature_for(party) is not None:
        errors["party"] = [f"{party.name} has already signed version {version.number}"]
    name = _text(data, "name", 200) or (party.signatory_name if party else "")
    if not name:
        errors["name"] = ["Enter the name of the person who signed"]
    message = _document_date(data.get("signed_on"), today, "they signed", (version.agreed_on, "the version was agreed"))
    if message:
        errors["signed_on"] = [message]
    if errors:
        raise ValidationError(errors)
    signature = CommonGroundSignature(
        party=party,
        name=name,
        role=_text(data, "role", 200) or party.signatory_role,
        organisation=party.name,
        signed_on=data["signed_on"],
        recorded_by_id=getattr(user, "id", None),
    )
    version.signatures.append(signature)
    db.session.flush()
    audit.record("create", "common_ground_signature", signature.id, f"Signature on version {version.number}", user=user)
    db.session.commit()
    return signature


Problem = tuple[str, str] | None  # (field, message)


def _dated(message: str | None) -> Problem:
    return (DATE_FIELD, message) if message else None


def _check_agreed(version: CommonGroundVersion, day, today: date) -> Problem:
    earlier = [v.agreed_on for v in version.statement.versions if v.number < version.number and v.agreed_on]
    floor = (max(earlier), "the previous version was agreed") if earlier else (None, "")
    return _dated(_document_date(day, today, "it was agreed", floor))


def _check_signed(version: CommonGroundVersion, day, today: date) -> Problem:
    total, signed = len(version.parties), version.signed_parties
    if not total:
        return "status", "Add the parties and record their signatures before marking the version signed"
    if signed < total:
        return "status", f"Signed means every party has signed: {signed} of {total} have. Record the others first"
    last = max(s.signed_on for s in version.signatures)
    return _dated(_document_date(day, today, "it was signed", (last, "the last signature")))


def _check_superseded(version: CommonGroundVersion, day, today: date) -> Problem:
    floor = version.signed_on or version.agreed_on
    return _dated(_document_date(day, today, "it was superseded", (floor, f"it was {version.status}")))


def _check_draft(version: CommonGroundVersion, day, today: date) -> Problem:
    if version.signatures:
        return "status", "Signatures have been recorded on this version: start a new version to make changes"
    return None


CHECKS = {"agreed": _check_agreed, "signed": _check_signed, "superseded": _check_superseded, "draft": _check_draft}


def change_status(
    version: CommonGroundVersion, status: str, on: date | None, today: date, user=None
) -> CommonGroundVersion:
    """Move a version on, dated `on` (the date on the document). Signing supersedes the earlier versions."""
    if status not in TRANSITIONS.get(version.status, ()):
        allowed = " or ".join(TRANSITIONS.get(version.status, ())) or "nothing else"
        raise ValidationError({"status": [f"A {version.status} version can only become {allowed}"]})
    problem = CHECKS[status](version, on, today)
    if problem:
        raise ValidationError({problem[0]: [problem[1]]})
    previous = version.status
    version.status = status
    if status == "agreed":
        version.agreed_on = on
    elif status == "signed":
        version.signed_on = on
        _supersede_earlier(version, on, user)
    elif status == "superseded":
        version.superseded_on = on
    else:
        version.agreed_on = None
    audit.record(
        "update", "common_ground_version", version.id, f"Version {version.number}: {previous} to {status}",
        user=user, changes={"status": [previous, status]},
    )  # fmt: skip
    webhook_events.scg_signed(version)
    db.session.commit()
    return version


def _supersede_earlier(version: CommonGroundVersion, day: date, user) -> None:
    for other in version.statement.versions:
        if other.number < version.number and other.status in ("agreed", "signed"):
            other.status = "superseded"
            other.superseded_on = day
            audit.record(
                "update", "common_ground_version", other.id, f"Superseded by version {version.number}", user=user
            )


def unsigned(version: CommonGroundVersion) -> list[CommonGroundParty]:
    """The parties still to sign the version."""
    return [party for party in version.parties if version.signature_for(party) is None]
