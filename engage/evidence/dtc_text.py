"""A row of the co-operation table (DtcRow) and its words: as JSON, as printed text, and for representations what
was said (summary) and what the respondent found (outcome)."""

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class DtcRow:
    ref: str
    source: str
    date: date
    body: str
    body_id: int | None
    body_category: str
    body_category_name: str
    matters: list[str]
    matter_names: list[str]
    plan_stage: str
    plan_stage_name: str
    form: str
    form_label: str
    level: str | None
    attendees: list[str]
    summary: str
    outcome: str
    agreement: str
    actions: list[dict[str, Any]]
    influence_on_plan: str
    evidence_url: str
    record_url: str
    after_submission: bool
    title: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The API's row: exactly the documented fields."""
        return {
            "ref": self.ref,
            "date": self.date.isoformat(),
            "body": self.body,
            "body_category": self.body_category or None,
            "matters": self.matters,
            "plan_stage": self.plan_stage or None,
            "form": self.form,
            "level": self.level,
            "attendees": self.attendees,
            "summary": self.summary,
            "outcome": self.outcome,
            "agreement": self.agreement,
            "actions": self.actions,
            "influence_on_plan": self.influence_on_plan,
            "evidence_url": self.evidence_url,
            "after_submission": self.after_submission,
        }

    def action_texts(self) -> list[str]:
        return [action_text(action) for action in self.actions]

    def as_text(self) -> dict[str, Any]:
        """The printed row (CSV, XLSX, DOCX): names rather than slugs, lists joined; `date` stays a date."""
        return dict(zip(TEXT_KEYS, self.texts(), strict=True))

    def texts(self) -> list[Any]:
        """`as_text()`'s values in column order (engage.evidence.dtc.COLUMNS), without a dict per row."""
        return [
            self.ref,
            self.date,
            self.body,
            self.body_category_name,
            "; ".join(self.matter_names),
            self.plan_stage_name,
            self.form_label,
            label(self.level) if self.level else "",
            "; ".join(self.attendees),
            self.summary,
            self.outcome,
            "; ".join([action_text(action) for action in self.actions]) if self.actions else "",
            self.influence_on_plan,
            self.evidence_url,
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
)


def label(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def action_text(action: dict[str, Any]) -> str:
    due_on = date.fromisoformat(action["due_on"]) if action["due_on"] else None
    due = f", due {due_on.day} {due_on:%B %Y}" if due_on else ""
    return f"{action['description']} ({action['owner']}{due}, {action['status']})"


def person_name(first: str, last: str, organisation: str, kind: str = "person") -> str:
    if kind == "organisation":
        return organisation
    name = " ".join(part for part in (first, last) if part)
    return f"{name} ({organisation})" if organisation and name else name or organisation


def _label(slug: str) -> str:
    return slug.replace("-", " ")


def representation_summary(r: Any, limit: int) -> str:
    """'Object to Policy SP1 (Regulation 19 consultation title): the comment…'; long comments are shortened."""
    part = f" to {r.part}" if r.part and r.nature == "object" else f" on {r.part}" if r.part else ""
    comment = " ".join((r.comment or "").split())
    if len(comment) > limit:
        comment = comment[: limit - 1].rstrip() + "…"
    lead = f"{r.nature.capitalize()}{part} (‘{r.title}’)"
    modification = " ".join((r.modification or "").split())
    text = f"{lead}: {comment}" if comment else lead
    if modification:
        text += f" Modification sought: {modification[:limit]}"
    return text


def representation_outcome(r: Any) -> str:
    """Legal compliance, soundness and the duty to co-operate as the respondent answered, and late or withdrawn."""
    findings = []
    for name, value in (
        ("Legally compliant", r.legally_compliant),
        ("Sound", r.sound),
        ("Complies with the duty to co-operate", r.dtc_compliant),
    ):
        if value and value != "not-specified":
            findings.append(f"{name}: {value}")
        tests = r.unsound_tests
        if name == "Sound" and value == "no" and tests:
            tests = json.loads(tests) if isinstance(tests, str) else tests
            findings[-1] += f" (not {', '.join(map(_label, tests))})" if tests else ""
    if r.late:
        findings.append("Late: not duly made")
    if r.status == "withdrawn":
        findings.append("Withdrawn")
    return "; ".join(findings) or "No view given on soundness or compliance"
