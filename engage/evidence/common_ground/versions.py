"""Versions of a Statement of Common Ground: starting the next one from the latest, with the officer's change log,
and the differences between a version and the one before it (matters, positions, parties and text), worked out
so the change log never has to list them by hand."""

from typing import Any

from engage.common import audit
from engage.common.validation import ValidationError
from engage.evidence.common_ground.parts import label
from engage.extensions import db
from engage.models import (
    CommonGround,
    CommonGroundMatter,
    CommonGroundParty,
    CommonGroundPosition,
    CommonGroundVersion,
)
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition

CHANGE_LOG_LIMIT = 20_000


def _copy_party(party: CommonGroundParty) -> CommonGroundParty:
    return CommonGroundParty(
        name=party.name, authority_id=party.authority_id, stakeholder_id=party.stakeholder_id,
        signatory_name=party.signatory_name, signatory_role=party.signatory_role, position=party.position,
        matters=list(party.matters),
        positions=[CommonGroundPosition(matter_id=p.matter_id, position=p.position) for p in party.positions],
    )  # fmt: skip


def start_new_version(statement: CommonGround, data: dict[str, Any] | None = None, user=None) -> CommonGroundVersion:
    """A new draft copying the latest version's text, matters, parties and positions (not its signatures), with
    the officer's note of what changes and why."""
    latest = statement.latest
    if latest is not None and latest.status == "draft":
        raise ValidationError({"status": [f"Version {latest.number} is still a draft: change that one instead"]})
    change_log = str((data or {}).get("change_log") or "").strip()
    if latest is not None and not change_log:
        raise ValidationError({"change_log": [f"Enter what changes in version {latest.number + 1} and why"]})
    if len(change_log) > CHANGE_LOG_LIMIT:
        raise ValidationError({"change_log": [f"The change log must be {CHANGE_LOG_LIMIT:,} characters or fewer"]})
    version = CommonGroundVersion(
        number=(latest.number + 1) if latest else 1,
        status="draft",
        change_log=change_log,
        created_by_id=getattr(user, "id", None),
    )
    if latest is not None:
        for name, _part in SCG_TEXT_FIELDS:
            setattr(version, name, getattr(latest, name))
        version.matters = [
            CommonGroundMatter(
                matter_id=m.matter_id, position_status=m.position_status, narrative=m.narrative, position=m.position
            )
            for m in latest.matters
        ]
        version.parties = [_copy_party(p) for p in latest.parties]
    statement.versions.append(version)
    db.session.flush()
    audit.record("create", "common_ground_version", version.id, f"Version {version.number} started", user=user)
    db.session.commit()
    return version


def previous_version(version: CommonGroundVersion) -> CommonGroundVersion | None:
    earlier = [v for v in version.statement.versions if v.number < version.number]
    return earlier[-1] if earlier else None


def _label(value: str) -> str:
    return MatterPosition.label_of(value, "not recorded").lower() if value else "not recorded"


def _matter_changes(before: CommonGroundVersion, after: CommonGroundVersion) -> list[str]:
    old = {m.matter_id: m for m in before.matters}
    new = {m.matter_id: m for m in after.matters}
    lines = [f"{m.matter.name} added ({_label(m.position_status)})" for i, m in new.items() if i not in old]
    lines += [f"{m.matter.name} removed" for i, m in old.items() if i not in new]
    for matter_id, row in new.items():
        was = old.get(matter_id)
        if was is not None and was.position_status != row.position_status:
            lines.append(f"{row.matter.name}: {_label(was.position_status)} → {_label(row.position_status)}")
        if was is not None and was.narrative != row.narrative:
            lines.append(f"{row.matter.name}: narrative changed")
    return lines


def _party_changes(before: CommonGroundVersion, after: CommonGroundVersion) -> list[str]:
    old = {p.name: p for p in before.parties}
    new = {p.name: p for p in after.parties}
    lines = [f"{name} joined as a party" for name in new if name not in old]
    lines += [f"{name} is no longer a party" for name in old if name not in new]
    names = {m.matter_id: m.matter.name for m in after.matters} | {m.matter_id: m.matter.name for m in before.matters}
    for name, party in new.items():
        was = old.get(name)
        if was is None:
            continue
        moves = [
            f"{matter_name} {_label(was.position_on(matter_id))} → {_label(party.position_on(matter_id))}"
            for matter_id, matter_name in names.items()
            if was.position_on(matter_id) != party.position_on(matter_id)
        ]
        if moves:
            lines.append(f"{name}'s positions: " + "; ".join(moves))
    return lines


def differences(version: CommonGroundVersion) -> list[str]:
    """What differs from the previous version, one line each, in the order matters, parties, text."""
    before = previous_version(version)
    if before is None:
        return []
    lines = _matter_changes(before, version) + _party_changes(before, version)
    for name, _part in SCG_TEXT_FIELDS:
        if getattr(before, name) != getattr(version, name):
            lines.append(f"{label(name)} changed")
    return lines
