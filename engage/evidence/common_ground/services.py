"""Statements of Common Ground: create a statement, edit a draft's text, its matters, its parties and where each
party stands on each matter. Signing and status changes are in signing.py, new versions in versions.py."""

from typing import Any

from sqlalchemy import select

from engage.common import audit
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import (
    Authority,
    CommonGround,
    CommonGroundMatter,
    CommonGroundParty,
    CommonGroundPosition,
    CommonGroundVersion,
    Plan,
    Stakeholder,
    StrategicMatter,
)
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition

TEXT_FIELDS = tuple(name for name, _part in SCG_TEXT_FIELDS)
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
    if "change_log" in data:
        before["change_log"], after["change_log"] = version.change_log, _text(data, "change_log")
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
        for party in version.parties:
            party.positions = [p for p in party.positions if p.matter_id != row.matter_id]
        audit.record("update", "common_ground_version", version.id, f"Matter {row.matter.slug} removed", user=user)
        db.session.commit()


def _stakeholder(value, errors: dict) -> Stakeholder | None:
    """The body in the registers a party is, from its record number, so its engagements can be checked."""
    text = str(value or "").strip()
    if not text:
        return None
    number = parse_id(text)
    found = db.session.get(Stakeholder, number) if number else None
    if found is None or found.erased_at is not None:
        errors["stakeholder"] = [f"There is no stakeholder with record number {text[:20]}"]
        return None
    return found


def add_party(version: CommonGroundVersion, data: dict[str, Any], user=None) -> CommonGroundParty:
    """Add a party: an authority, a body in the registers (its record number) or a name."""
    _require_draft(version)
    errors = {}
    authority = _authority(_text(data, "authority"))
    stakeholder = _stakeholder(data.get("stakeholder"), errors)
    name = _text(data, "name", 300) or (authority.name if authority else stakeholder.name if stakeholder else "")
    if not name:
        errors["name"] = ["Enter the name of the party, or select an authority"]
    slugs = set(data.get("matters") or [])
    matters = list(db.session.scalars(select(StrategicMatter).where(StrategicMatter.slug.in_(slugs)))) if slugs else []
    if len(matters) != len(slugs):
        errors["matters"] = ["Select strategic matters from the list"]
    if any(p.name == name for p in version.parties):
        errors["name"] = [f"{name} is already a party to this version"]
    if errors:
        raise ValidationError(errors)
    party = CommonGroundParty(
        name=name,
        authority=authority,
        stakeholder=stakeholder,
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


def set_positions(version: CommonGroundVersion, party: CommonGroundParty, data: dict[str, Any], user=None) -> None:
    """Where a party stands on each of the version's matters: {matter slug: position}, "" for not recorded."""
    _require_draft(version)
    if party not in version.parties:
        raise ValidationError({"status": ["Select a party to this version"]})
    rows = {row.matter.slug: row.matter for row in version.matters}
    errors = {}
    for slug, position in data.items():
        if slug not in rows:
            errors[f"matter-{slug}"] = ["Select a strategic matter of this version"]
        elif position and position not in MatterPosition.values():
            errors[f"matter-{slug}"] = ["Select agreed, not agreed or ongoing"]
    if errors:
        raise ValidationError(errors)
    current = {p.matter_id: p for p in party.positions}
    before = {slug: party.position_on(matter.id) for slug, matter in rows.items()}
    after = {slug: (data[slug] or "") if slug in data else before[slug] for slug in rows}
    for slug, matter in rows.items():
        row = current.get(matter.id)
        if not after[slug] and row is not None:
            party.positions.remove(row)
        elif after[slug] and row is None:
            party.positions.append(CommonGroundPosition(matter_id=matter.id, matter=matter, position=after[slug]))
        elif after[slug]:
            row.position = after[slug]
    audit.record(
        "update", "common_ground_party", party.id, f"Positions of party {party.id}",
        user=user, changes=audit.diff(before, after),
    )  # fmt: skip
    db.session.commit()
