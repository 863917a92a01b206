"""A row of the co-operation table (DtcRow) and its words: as printed text, and for representations what was said
(summary) and what the respondent found (outcome). The API's JSON of a row is engage.evidence.dtc.schemas.DtcRow."""

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from engage.common.dates import format_date
from engage.vocab import Level, Nature, SoundnessTest


@dataclass(slots=True)
class DtcRow:
    """One row. Invitations and representations leave the engagement-only fields (matters, level, attendees,
    actions, influence) at their empty defaults."""

    ref: str
    source: str
    date: date
    body: str
    body_id: int | None
    body_category: str
    body_category_name: str
    plan_stage: str
    plan_stage_name: str
    form: str
    form_label: str
    summary: str
    outcome: str
    evidence_url: str
    record_url: str
    after_submission: bool
    agreement: str = "n-a"
    title: str = ""
    matters: Sequence[str] = ()
    matter_names: Sequence[str] = ()
    level: str | None = None
    attendees: Sequence[str] = ()
    actions: Sequence[dict[str, Any]] = ()
    action_lines: Sequence[str] = ()  # the actions as printed (action_text), made once per engagement
    influence_on_plan: str = ""
    examination_library_reference: str = ""  # the evidence document's number in the examination library

    def as_text(self) -> dict[str, Any]:
        """The printed row (CSV, XLSX, DOCX): names rather than slugs, lists joined; `date` stays a date."""
        return dict(zip(TEXT_KEYS, self.texts(), strict=True))

    def texts(self) -> list[Any]:
        """`as_text()`'s values in column order (engage.evidence.dtc.rows.COLUMNS), without a dict per row."""
        return [
            self.ref,
            self.date,
            self.body,
            self.body_category_name,
            "; ".join(self.matter_names),
            self.plan_stage_name,
            self.form_label,
            Level.label_of(self.level),
            "; ".join(self.attendees),
            self.summary,
            self.outcome,
            "; ".join(self.action_lines),
            self.influence_on_plan,
            self.evidence_url,
            self.examination_library_reference,
        ]


TEXT_KEYS = (
    "ref",
    "date",
    "body",
    "body_category",
    "matters",
    "plan_stage",
    "form",
    "level",
    "attendees",
    "summary",
    "outcome",
    "actions",
    "influence_on_plan",
    "evidence_url",
    "examination_library_reference",
)


def label(slug: str) -> str:
    """Words for a slug outside every closed list (engage.vocab), such as a stage a plan no longer has."""
    return slug.replace("-", " ").capitalize()


def action_text(action: dict[str, Any]) -> str:
    return f"{action['description']} ({action['owner']}{_due(action['due_on'])}, {action['status']})"


@functools.lru_cache(maxsize=4096)
def _due(due_on: str | None) -> str:
    day = date.fromisoformat(due_on) if due_on else None
    return f", due {format_date(day)}" if day else ""


def person_name(first: str, last: str, organisation: str, kind: str = "person") -> str:
    if kind == "organisation":
        return organisation
    name = f"{first} {last}" if first and last else first or last or ""
    return f"{name} ({organisation})" if organisation and name else name or organisation


def representation_summary(
    nature: str, part: str | None, title: str, comment: str, modification: str, limit: int
) -> str:
    """'Object to Policy SP1 (Regulation 19 consultation title): the comment…'; long comments are shortened."""
    lead = _summary_lead(nature, part, title)
    comment = " ".join(comment.split()) if comment else ""
    if len(comment) > limit:
        comment = comment[: limit - 1].rstrip() + "…"
    text = f"{lead}: {comment}" if comment else lead
    if modification:
        modification = " ".join(modification.split())
        text += f" Modification sought: {modification[:limit]}" if modification else ""
    return text


@functools.lru_cache(maxsize=1024)
def _summary_lead(nature: str, part: str | None, title: str) -> str:
    where = f" to {part}" if part and nature == "object" else f" on {part}" if part else ""
    return f"{Nature.label_of(nature)}{where} (‘{title}’)"


@functools.lru_cache(maxsize=1024)
def representation_outcome(
    legally_compliant: str, sound: str, dtc_compliant: str, unsound_tests, late: bool, status: str
) -> str:
    """Legal compliance, soundness and the duty to co-operate as the respondent answered, and late or withdrawn.
    `unsound_tests` is the JSON list as stored (text); a handful of distinct answers, so each text is made once."""
    findings = []
    for name, value in (
        ("Legally compliant", legally_compliant),
        ("Sound", sound),
        ("Complies with the duty to co-operate", dtc_compliant),
    ):
        if value and value != "not-specified":
            findings.append(f"{name}: {value}")
        if name == "Sound" and value == "no" and unsound_tests:
            tests = json.loads(unsound_tests) if isinstance(unsound_tests, str) else unsound_tests
            findings[-1] += f" (not {', '.join(SoundnessTest.label_of(t).lower() for t in tests)})" if tests else ""
    if late:
        findings.append("Late: not duly made")
    if status == "withdrawn":
        findings.append("Withdrawn")
    return "; ".join(findings) or "No view given on soundness or compliance"
