"""The parts of the plan a consultation takes comments on (chapters, policies, paragraphs, sites, the policies
map): checked, read from the officers' one-line-a-part text, and replaced without losing parts that have
representations."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, Part, Representation
from engage.models.consultation import part_label
from engage.vocab import PartKind


@dataclass(frozen=True, slots=True)
class Outlined:
    """A part of the plan as a respondent chooses it and sees it named: plain values, read without the ORM, so
    that they can be kept between requests (engage.respond.kept_pages.parts)."""

    id: int
    ref: str
    title: str

    @property
    def label(self) -> str:
        return part_label(self.ref, self.title)


def outline(consultation_id: int) -> tuple[Outlined, ...]:
    """The consultation's parts in their order, as they are now: one statement, no ORM objects."""
    return tuple(Outlined(*row) for row in db.session.execute(_OUTLINE, {"consultation_id": consultation_id}))


_OUTLINE = (
    select(Part.id, Part.ref, Part.title)
    .where(Part.consultation_id == bindparam("consultation_id"))
    .order_by(Part.position, Part.id)
)


def nest(parts: list[Part], rows: list[dict[str, Any]]) -> list[Part]:
    """Policies, paragraphs and sites belong to the chapter above them (or as `child` says)."""
    chapter = None
    for part, row in zip(parts, rows, strict=True):
        if row.get("child", part.kind in ("policy", "paragraph", "site")) and chapter is not None:
            part.parent = chapter
        elif part.kind == "chapter":
            chapter = part
    return parts


def clean_parts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parts as dicts of ref, title, kind and position; a parent is given by the ref of an earlier part."""
    errors: dict[str, list[str]] = {}
    seen: set[str] = set()
    cleaned = []
    for position, row in enumerate(rows):
        ref = str(row.get("ref") or "").strip()[:100]
        kind = row.get("kind") or "policy"
        if not ref:
            errors.setdefault("parts", []).append(f"Part {position + 1}: enter a reference, like Policy SP1")
        elif ref.lower() in seen:
            errors.setdefault("parts", []).append(f"Part {position + 1}: ‘{ref}’ is listed more than once")
        if kind not in PartKind.values():
            errors.setdefault("parts", []).append(
                f"Part {position + 1}: choose chapter, policy, paragraph, site or policies map"
            )
        seen.add(ref.lower())
        cleaned.append(
            {"ref": ref, "title": str(row.get("title") or "").strip()[:300], "kind": kind, "position": position}
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


def parse_parts_text(text: str) -> list[dict[str, Any]]:
    """One part a line, `Ref | Title | kind`; lines indented under a chapter are its policies, paragraphs or sites."""
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        kind = cells[2] if len(cells) > 2 and cells[2] else ("policy" if line[:1].isspace() else "chapter")
        rows.append(
            {"ref": cells[0], "title": cells[1] if len(cells) > 1 else "", "kind": kind, "child": line[:1].isspace()}
        )
    return rows


def replace_parts(consultation: Consultation, rows: list[dict[str, Any]], *, user=None) -> None:
    """Set the parts from rows; parts that already have representations keep their row (matched by ref)."""
    cleaned = clean_parts(rows)
    existing = {part.ref.lower(): part for part in consultation.parts}
    parts, chapter = [], None
    for row, values in zip(rows, cleaned, strict=True):
        part = existing.pop(values["ref"].lower(), None) or Part(consultation=consultation)
        part.ref, part.title, part.kind, part.position = (
            values["ref"],
            values["title"],
            values["kind"],
            values["position"],
        )
        part.parent = chapter if row.get("child") else None
        if not row.get("child"):
            chapter = part
        parts.append(part)
    with db.session.no_autoflush:  # the new parts are not in the session until the collection is set below
        for stale in existing.values():
            if _part_used(stale):
                stale.position = len(parts)
                parts.append(stale)
    consultation.parts = parts
    audit.record("update", "consultation", consultation.id, f"{len(parts)} parts", user=user)
    db.session.commit()


def _part_used(part: Part) -> bool:
    return (
        part.id is not None
        and db.session.scalar(select(func.count()).select_from(Representation).where(Representation.part_id == part.id))
        > 0
    )


def parts_text(consultation: Consultation) -> str:
    lines = []
    for part in consultation.parts:
        prefix = "  " if part.parent_id else ""
        lines.append(f"{prefix}{part.ref} | {part.title} | {part.kind}")
    return "\n".join(lines)
