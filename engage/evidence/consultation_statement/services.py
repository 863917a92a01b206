"""Main issues of a consultation: officers record the issue, the representations raising it (by reference), the
council's response and any proposed change. Later analysis features can call the same functions."""

import re
from typing import Any

from sqlalchemy import func, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, MainIssue, Part, Representation
from engage.models.representation import parse_reference

REFERENCE_SEPARATORS = re.compile(r"[\s,;]+")


def _representations(consultation: Consultation, text: str, errors: dict) -> list[Representation]:
    """The representations the references name, in the order given; found in one query however many there are
    (a main issue linked to a whole campaign lists thousands)."""
    tokens = [t for t in REFERENCE_SEPARATORS.split(text or "") if t]
    if not tokens:
        return []
    wanted = {token: parse_reference(token) for token in tokens}
    respondents = {parsed[0] for parsed in wanted.values() if parsed and parsed[1] is not None}
    known: dict[tuple[int, int], Representation] = {}
    for chunk in _chunks(sorted(respondents)):
        query = select(Representation).where(
            Representation.consultation_id == consultation.id, Representation.respondent_id.in_(chunk)
        )
        known.update({(r.respondent_id, r.number): r for r in db.session.scalars(query)})
    found: dict[int, Representation] = {}
    unknown: list[str] = []
    for token in tokens:
        parsed = wanted[token]
        representation = known.get(parsed) if parsed and parsed[1] is not None else None
        if representation is None:
            unknown.append(token)
        else:
            found.setdefault(representation.id, representation)
    if unknown:
        listed = ", ".join(unknown[:5]) + (" and others" if len(unknown) > 5 else "")
        errors["representations"] = [
            f"Enter references of representations to this consultation, like R-00123-1 (not found: {listed})"
        ]
    return list(found.values())


def _chunks(values: list[int], size: int = 5000):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _part(consultation: Consultation, ref: str, errors: dict) -> Part | None:
    """The part of the plan the proposed change is to, by its reference (any capitals); none when not given."""
    wanted = (ref or "").strip().lower()
    if not wanted:
        return None
    found = next((part for part in consultation.parts if part.ref.lower() == wanted), None)
    if found is None:
        errors["part"] = [f"There is no part of the plan called ‘{ref.strip()[:100]}’ in this consultation"]
    return found


def _clean(consultation: Consultation, data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    title = (data.get("title") or "").strip()[:300]
    if not title:
        errors["title"] = ["Enter the main issue"]
    representations = _representations(consultation, data.get("representations") or "", errors)
    part = _part(consultation, data.get("part") or "", errors)
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "summary": (data.get("summary") or "").strip(),
        "council_response": (data.get("council_response") or "").strip(),
        "proposed_change": (data.get("proposed_change") or "").strip(),
        "part": part,
        "representations": representations,
    }


def add_main_issue(consultation: Consultation, data: dict[str, Any], user=None) -> MainIssue:
    cleaned = _clean(consultation, data)
    position = db.session.scalar(
        select(func.count(MainIssue.id)).where(MainIssue.consultation_id == consultation.id)
    )  # fmt: skip
    issue = MainIssue(consultation_id=consultation.id, position=position or 0, **cleaned)
    db.session.add(issue)
    db.session.flush()
    audit.record("create", "main_issue", issue.id, f"Main issue added to consultation {consultation.id}", user=user)
    db.session.commit()
    return issue


def update_main_issue(issue: MainIssue, data: dict[str, Any], user=None) -> MainIssue:
    cleaned = _clean(issue.consultation, data)
    for name, value in cleaned.items():
        setattr(issue, name, value)
    audit.record("update", "main_issue", issue.id, f"Main issue {issue.id} changed", user=user)
    db.session.commit()
    return issue


def references_text(issue: MainIssue) -> str:
    return "\n".join(r.reference for r in issue.representations)
