"""Checking engagement and action values: one set of rules and messages for the pages, the API and the seeds.

Field names are the API's (shared/API.md); `clean_engagement` returns values ready to set on an Engagement.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from engage.common.dates import LONDON, YEARS_MESSAGE, format_date, in_accepted_years
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.engagements.links import evidence_link_problem, reference_problem
from engage.extensions import db
from engage.models import Authority, Plan, Stakeholder, StrategicMatter
from engage.vocab import ActionStatus, Agreement, EngagementKind, EngagementStatus, Level

TEXT_LIMITS = {
    "title": 300,
    "summary": 20_000,
    "outcome": 20_000,
    "influence_on_plan": 20_000,
    "evidence_url": 1000,
    "incomplete_reason": 20_000,
}
OUTCOME_MESSAGE = "Enter the outcome of the engagement: what was agreed, decided or learned"
ATTENDEES_MESSAGE = "Select who attended, or say why no attendees are recorded"
MATTERS_MESSAGE = "Select at least one strategic matter, or say why none applies"


def current_plan() -> Plan | None:
    """The plan being prepared (the first one configured)."""
    return db.session.scalar(select(Plan).order_by(Plan.id))


def authority_by_code(code: str) -> Authority | None:
    code = (code or "").strip().upper()
    return db.session.scalar(select(Authority).where(Authority.code == code)) if code else None


def _text(data, values, errors) -> None:
    for field, limit in TEXT_LIMITS.items():
        text = str(data.get(field) or "").strip()
        if len(text) > limit:
            errors[field] = [f"{field.replace('_', ' ').capitalize()} must be {limit:,} characters or fewer"]
        values[field] = text
    problem = evidence_link_problem(values["evidence_url"]) if "evidence_url" not in errors else None
    if problem:
        errors["evidence_url"] = [problem]
    reference = str(data.get("examination_library_reference") or "").strip()
    problem = reference_problem(reference)
    if problem:
        errors["examination_library_reference"] = [problem]
    values["examination_library_reference"] = reference


def _choices(data, values, errors) -> None:
    rules = (
        ("kind", EngagementKind.values(), "meeting", "Select the kind of engagement"),
        ("status", EngagementStatus.values(), "planned", "Select whether the engagement is planned, held or cancelled"),
        ("level", Level.values(), "officer", "Select the level: officer, senior officer or member"),
        ("agreement", Agreement.values(), "n-a", "Select the agreement status"),
    )
    for field, allowed, default, message in rules:
        value = str(data.get(field) or default).strip().lower()
        if value not in allowed:
            errors[field] = [message]
        values[field] = value


def _times(data, values, errors) -> None:
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if not isinstance(starts_at, datetime):
        errors["starts_at"] = ["Enter the date and time of the engagement"]
        starts_at = None
    if ends_at is not None and not isinstance(ends_at, datetime):
        errors["ends_at"] = ["Enter the end time in the correct format, like 14:30"]
        ends_at = None
    for name, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value is not None and not in_accepted_years(value):
            errors[name] = [YEARS_MESSAGE]
    starts_at, ends_at = (None if "starts_at" in errors else starts_at), (None if "ends_at" in errors else ends_at)
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = ["The end must be after the start"]
    values["starts_at"], values["ends_at"] = starts_at, ends_at


def _people_and_matters(data, values, errors) -> None:
    given = [(value, parse_id(str(value))) for value in data.get("stakeholders") or []]
    ids = [number for _, number in given if number is not None]
    bad = [str(value) for value, number in given if number is None]
    found = {s.id: s for s in db.session.scalars(select(Stakeholder).where(Stakeholder.id.in_(ids)))} if ids else {}
    missing = [str(i) for i in ids if i not in found] + bad
    if missing:
        errors["stakeholders"] = [f"There is no stakeholder with record number {', '.join(missing)}"]
    values["stakeholders"] = [found[i] for i in dict.fromkeys(ids) if i in found]
    slugs = [str(s).strip().lower() for s in data.get("matters") or [] if str(s).strip()]
    matters = {m.slug: m for m in db.session.scalars(select(StrategicMatter).where(StrategicMatter.slug.in_(slugs)))}
    unknown = [s for s in slugs if s not in matters]
    if unknown:
        errors["matters"] = [f"There is no strategic matter called ‘{unknown[0]}’"]
    values["matters"] = [matters[s] for s in dict.fromkeys(slugs) if s in matters]


def _authority(data, values, errors) -> None:
    authority = authority_by_code(str(data.get("lead_authority") or ""))
    if authority is None:
        errors["lead_authority"] = ["Select the authority that leads this engagement"]
    values["lead_authority"] = authority


def _plan_stage(data, values, errors, plan: Plan | None) -> None:
    """The stage given, or the one in force on the day; a day outside the plan is refused."""
    values["plan"], values["plan_stage"] = plan, None
    starts_at = values.get("starts_at")
    if plan is None or not plan.stages:
        return
    slug = str(data.get("plan_stage") or "").strip().lower()
    if slug:
        stage = next((s for s in plan.stages if s.slug == slug), None)
        if stage is None:
            errors["plan_stage"] = [f"Select a stage of the {plan.name}"]
        values["plan_stage"] = stage
    if starts_at is None or "starts_at" in errors:
        return
    day = starts_at.astimezone(LONDON).date()
    first, last = plan_window(plan)
    if (first and day < first) or (last and day > last):
        window = f"from {format_date(first)}" + (f" to {format_date(last)}" if last else "")
        errors["starts_at"] = [f"The date must be during the plan, {window}"]
    elif not slug:
        values["plan_stage"] = plan.stage_on(day)


def plan_window(plan: Plan) -> tuple[date | None, date | None]:
    """The first day of the plan's first stage and, when its last stage has an end date, that day."""
    starts = [s.begins_on for s in plan.stages if s.begins_on]
    last = (plan.stages[-1].actual_ends_on or plan.stages[-1].ends_on) if plan.stages else None
    return (min(starts) if starts else None), last


def _held_needs_outcome(values, errors) -> None:
    if values.get("status") == "held" and not values.get("outcome"):
        errors["outcome"] = [OUTCOME_MESSAGE]


def _held_needs_people_and_matters(values, errors) -> None:
    """A held engagement names who attended and what it was about, or says why not, so that nothing held drops
    out of the co-operation table unnoticed."""
    if values.get("status") != "held" or values.get("incomplete_reason"):
        return
    if not values.get("stakeholders") and "stakeholders" not in errors:
        errors["stakeholders"] = [ATTENDEES_MESSAGE]
    if not values.get("matters") and "matters" not in errors:
        errors["matters"] = [MATTERS_MESSAGE]


def clean_engagement(data: dict[str, Any], plan: Plan | None = None) -> dict[str, Any]:
    """Validated values for an Engagement from API-named fields. Raises ValidationError with every problem."""
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    _text(data, values, errors)
    _choices(data, values, errors)
    _times(data, values, errors)
    _people_and_matters(data, values, errors)
    _authority(data, values, errors)
    _plan_stage(data, values, errors, plan if plan is not None else current_plan())
    _held_needs_outcome(values, errors)
    _held_needs_people_and_matters(values, errors)
    if not values["title"] and "title" not in errors:
        values["title"] = _default_title(values)
        if not values["title"]:
            errors["title"] = ["Enter a title, like ‘Officer liaison meeting with Natural England’"]
    if errors:
        raise ValidationError(errors)
    return values


def _default_title(values) -> str:
    people = values.get("stakeholders") or []
    if not people:
        return ""
    kind = EngagementKind.label_of(values["kind"])
    names = people[0].name + (f" and {len(people) - 1} more" if len(people) > 1 else "")
    return f"{kind} with {names}"


def clean_action(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Validated values for an Action: description, owner (authority code), due_on, status."""
    errors: dict[str, list[str]] = {}
    description = str(data.get("description") or "").strip()
    if not description:
        errors[f"{prefix}description"] = ["Enter what needs to be done"]
    owner = authority_by_code(str(data.get("owner") or ""))
    if owner is None:
        errors[f"{prefix}owner"] = ["Select the authority that owns the action"]
    due_on = data.get("due_on")
    if due_on is not None and not isinstance(due_on, date):
        errors[f"{prefix}due_on"] = ["Enter the due date in the correct format, like 27 3 2027"]
    elif not in_accepted_years(due_on):
        errors[f"{prefix}due_on"] = [YEARS_MESSAGE]
    status = str(data.get("status") or "open").strip().lower()
    if status not in ActionStatus.values():
        errors[f"{prefix}status"] = ["Select open, done or cancelled"]
    if errors:
        raise ValidationError(errors)
    return {"description": description, "owner_authority": owner, "due_on": due_on, "status": status}
