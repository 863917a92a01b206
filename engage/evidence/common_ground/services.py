"""Statements of Common Ground: create, edit a draft, record matters, parties and signatures, move a version
through draft → agreed → signed → superseded, and start a new version from the latest one."""

from datetime import date
from typing import Any

from sqlalchemy import select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import (
    Authority,
    CommonGround,
    CommonGroundMatter,
    CommonGroundParty,
    CommonGroundSignature,
    CommonGroundVersion,
    Plan,
    StrategicMatter,
)
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition
from engage.webhooks import events as webhook_events

TEXT_FIELDS = tuple(name for name, _part in SCG_TEXT_FIELDS)
# Where each status may go next. Superseding happens when a later version is signed, or by hand.
TRANSITIONS = {
    "draft": ("agreed",),
    "agreed": ("draft", "signed", "superseded"),
    "signed": ("superseded",),
    "superseded": (),
}
NOT_EDITABLE = "Version {number} is {status}, so it cannot be changed. Start a new version to make changes."


def _text(data: dict[str, Any], key: str, limit: int | None = None) -> str:
    value = (data.get(key) or "").strip()
    return value[:limit] if limit else value


def _require_draft(version: CommonGroundVersion) -> None:
    if not version.is_editable:
        raise ValidationError({"status": [NOT_EDITABLE.format(number=version.number, status=version.status)]})


def _authority(code: str) -> Authority | None:
    return db.session.scalar(select(Authority).where(Authority.code == code.upper())) if code else None


def create_statement(data: dict[str, Any], user=None) -> CommonGround:
    errors = {}
    title = _text(data, "title", 300)
    if not title:
        errors["title"] = ["Enter a title for the statement"]
    plan = db.session.scalar(select(Plan).where(Plan.slug == data["plan"])) if data.get("plan") else None
    if data.get("plan") and plan is None:
        errors["plan"] = ["Select the plan the statement is for"]
    authority = _authority(_text(data, "lead_authority"))
    if data.get("lead_authority") and authority is None:
        errors["lead_authority"] = ["Select the authority that leads the statement"]
    if errors:
        raise ValidationError(errors)
    statement = CommonGround(title=title, plan=plan, lead_authority=authority, created_by_id=getattr(user, "id", None))
    version = CommonGroundVersion(number=1, status="draft", created_by_id=getattr(user, "id", None))
    for name in TEXT_FIELDS:
        setattr(version, name, _text(data, name))
    statement.versions.append(version)
    db.session.add(statement)
    db.session.flush()
    audit.record(
        "create", "common_ground", statement.id, f"Statement of Common Ground {statement.id} started", user=user
    )
    db.session.commit()
    return statement


def update_version(version: CommonGroundVersion, data: dict[str, Any], user=None) -> CommonGroundVersion:
    _require_draft(version)
    before = {name: getattr(version, name) for name in TEXT_FIELDS}
    after = {name: _text(data, name) for name in TEXT_FIELDS}
    for name, value in after.items():
        setattr(version, name, value)
    audit.record(
        "update", "common_ground_version", version.id, f"Version {version.number} edited",
        user=user, changes=audit.diff(before, after),
    )  # fmt: skip
    db.session.commit()
    return version


def set_matter(version: CommonGroundVersion, data: dict[str, Any], user=None) -> CommonGroundMatter:
    """Add a strategic matter to a draft, or change where the parties stand on one already in it."""
    _require_draft(version)
    errors = {}
    matter = db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == (data.get("matter") or "")))
    if matter is None:
        errors["matter"] = ["Select a strategic matter"]
    position = data.get("position_status") or ""
    if position not in MatterPosition.values():
        errors["position_status"] = ["Select whether the matter is agreed, not agreed or still being discussed"]
    if errors:
        raise ValidationError(errors)
    row = next((m for m in version.matters if m.matter_id == matter.id), None)
    if row is None:
        row = CommonGroundMatter(matter=matter, position=len(version.matters))
        version.matters.append(row)
    row.position_status = position
    row.narrative = _text(data, "narrative")
    db.session.flush()
    audit.record("update", "common_ground_version", version.id, f"Matter {matter.slug}: {position}", user=user)
    db.session.commit()
    return row


def remove_matter(version: CommonGroundVersion, row_id: int, user=None) -> None:
    _require_draft(version)
    row = next((m for m in version.matters if m.id == row_id), None)
    if row is not None:
        version.matters.remove(row)
        audit.record("update", "common_ground_version", version.id, f"Matter {row.matter.slug} removed", user=user)
        db.session.commit()


def add_party(version: CommonGroundVersion, data: dict[str, Any], user=None) -> CommonGroundParty:
    _require_draft(version)
    errors = {}
    authority = _authority(_text(data, "authority"))
    name = _text(data, "name", 300) or (authority.name if authority else "")
    if not name:
        errors["name"] = ["Enter the name of the party, or select an authority"]
    slugs = set(data.get("matters") or [])
    matters = list(db.session.scalars(select(StrategicMatter).where(StrategicMatter.slug.in_(slugs)))) if slugs else []
    if len(matters) != len(slugs):
        errors["matters"] = ["Select strategic matters from the list"]
    if errors:
        raise ValidationError(errors)
    party = CommonGroundParty(
        name=name,
        authority=authority,
        signatory_name=_text(data, "signatory_name", 200),
        signatory_role=_text(data, "signatory_role", 200),
        position=len(version.parties),
        matters=matters,
    )
    version.parties.append(party)
    db.session.flush()
    audit.record("update", "common_ground_version", version.id, f"Party {party.id} added", user=user)
    db.session.commit()
    return party


def remove_party(version: CommonGroundVersion, party_id: int, user=None) -> None:
    _require_draft(version)
    party = next((p for p in version.parties if p.id == party_id), None)
    if party is not None:
        version.parties.remove(party)
        audit.record("update", "common_ground_version", version.id, f"Party {party_id} removed", user=user)
        db.session.commit()


def add_signature(version: CommonGroundVersion, data: dict[str, Any], today: date, user=None) -> CommonGroundSignature:
    if version.status not in ("agreed", "signed"):
        raise ValidationError({"name": ["Mark this version agreed before recording signatures"]})
    errors = {}
    name = _text(data, "name", 200)
    if not name:
        errors["name"] = ["Enter the name of the person who signed"]
    organisation = _text(data, "organisation", 300)
    if not organisation:
        errors["organisation"] = ["Enter the organisation they signed for"]
    signed_on = data.get("signed_on")
    if not isinstance(signed_on, date):
        errors["signed_on"] = ["Enter the date they signed, like 27 3 2026"]
    elif signed_on > today:
        errors["signed_on"] = ["The date they signed must be today or in the past"]
    if errors:
        raise ValidationError(errors)
    signature = CommonGroundSignature(
        name=name,
        role=_text(data, "role", 200),
        organisation=organisation,
        signed_on=signed_on,
        recorded_by_id=getattr(user, "id", None),
    )
    version.signatures.append(signature)
    db.session.flush()
    audit.record("create", "common_ground_signature", signature.id, f"Signature on version {version.number}", user=user)
    db.session.commit()
    return signature


def change_status(version: CommonGroundVersion, status: str, today: date, user=None) -> CommonGroundVersion:
    if status not in TRANSITIONS.get(version.status, ()):
        allowed = " or ".join(TRANSITIONS.get(version.status, ())) or "nothing else"
        raise ValidationError({"status": [f"A {version.status} version can only become {allowed}"]})
    if status == "signed" and not version.signatures:
        raise ValidationError({"status": ["Record at least one signature before marking the version signed"]})
    previous = version.status
    version.status = status
    if status == "agreed":
        version.agreed_on = today
    elif status == "signed":
        version.signed_on = today
        _supersede_earlier(version, today, user)
    elif status == "superseded":
        version.superseded_on = today
    audit.record(
        "update", "common_ground_version", version.id, f"Version {version.number}: {previous} to {status}",
        user=user, changes={"status": [previous, status]},
    )  # fmt: skip
    webhook_events.scg_signed(version)
    db.session.commit()
    return version


def _supersede_earlier(version: CommonGroundVersion, today: date, user) -> None:
    for other in version.statement.versions:
        if other.number < version.number and other.status in ("agreed", "signed"):
            other.status = "superseded"
            other.superseded_on = today
            audit.record(
                "update", "common_ground_version", other.id, f"Superseded by version {version.number}", user=user
            )


def start_new_version(statement: CommonGround, user=None) -> CommonGroundVersion:
    """A new draft copying the latest version's text, matters and parties (not its signatures)."""
    latest = statement.latest
    if latest is not None and latest.status == "draft":
        raise ValidationError({"status": [f"Version {latest.number} is still a draft: change that one instead"]})
    version = CommonGroundVersion(
        number=(latest.number + 1) if latest else 1, status="draft", created_by_id=getattr(user, "id", None)
    )
    if latest is not None:
        for name in TEXT_FIELDS:
            setattr(version, name, getattr(latest, name))
        version.matters = [
            CommonGroundMatter(
                matter_id=m.matter_id, position_status=m.position_status, narrative=m.narrative, position=m.position
            )
            for m in latest.matters
        ]
        version.parties = [
            CommonGroundParty(
                name=p.name, authority_id=p.authority_id, stakeholder_id=p.stakeholder_id,
                signatory_name=p.signatory_name, signatory_role=p.signatory_role, position=p.position,
                matters=list(p.matters),
            )
            for p in latest.parties
        ]  # fmt: skip
    statement.versions.append(version)
    db.session.flush()
    audit.record("create", "common_ground_version", version.id, f"Version {version.number} started", user=user)
    db.session.commit()
    return version
