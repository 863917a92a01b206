"""Writing the communications strategy: one entry per audience and mechanism."""

from datetime import date, time
from typing import Any

from sqlalchemy import select

from engage.common import audit
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.engagements.rules import authority_by_code, current_plan
from engage.extensions import db
from engage.models import Register, Stakeholder, StrategicMatter, StrategyEntry
from engage.vocab import Cadence, Level, Mechanism


def _audience(data, values, errors) -> None:
    slug = str(data.get("register") or "").strip()
    register = db.session.scalar(select(Register).where(Register.slug == slug)) if slug else None
    if slug and register is None:
        errors["register"] = [f"There is no register called ‘{slug}’"]
    given = [parse_id(str(i)) for i in data.get("stakeholders") or []]
    ids = [number for number in given if number is not None]
    people = list(db.session.scalars(select(Stakeholder).where(Stakeholder.id.in_(ids)))) if ids else []
    if len(people) < len(set(ids)) or len(ids) < len(given):
        errors["stakeholders"] = ["There is no stakeholder with one of those record numbers"]
    if not slug and not ids:
        errors["register"] = ["Select a register, or name the stakeholders this entry is for"]
    values["register"], values["stakeholders"] = register, people


def _choices(data, values, errors) -> None:
    for field, allowed, message in (
        ("mechanism", Mechanism.values(), "Select how they will be engaged"),
        ("cadence", Cadence.values(), "Select how often"),
        ("level", Level.values(), "Select the level: officer, senior officer or member"),
    ):
        value = str(data.get(field) or "").strip().lower()
        if value not in allowed:
            errors[field] = [message]
        values[field] = value


def clean_entry(data: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {"title": str(data.get("title") or "").strip()[:300]}
    if not values["title"]:
        errors["title"] = ["Enter a name for this entry, like ‘Members’ forum’"]
    _audience(data, values, errors)
    _choices(data, values, errors)
    values["lead_authority"] = authority_by_code(str(data.get("lead_authority") or ""))
    if values["lead_authority"] is None:
        errors["lead_authority"] = ["Select the authority that leads it"]
    values["starts_on"], values["ends_on"] = data.get("starts_on"), data.get("ends_on")
    if not isinstance(values["starts_on"], date):
        errors["starts_on"] = ["Enter the date of the first one, like 27 3 2027"]
    elif isinstance(values["ends_on"], date) and values["ends_on"] < values["starts_on"]:
        errors["ends_on"] = ["The end date must be on or after the start date"]
    values["time_of_day"] = data.get("time_of_day") or time(10, 0)
    plan = current_plan()
    slugs = set(data.get("stages") or [])
    values["stages"] = [s for s in (plan.stages if plan else []) if s.slug in slugs]
    matter_slugs = list(data.get("matters") or [])
    values["matters"] = (
        list(db.session.scalars(select(StrategicMatter).where(StrategicMatter.slug.in_(matter_slugs))))
        if matter_slugs
        else []
    )
    values["owner"] = str(data.get("owner") or "").strip()[:200]
    values["key_messages"] = str(data.get("key_messages") or "").strip()
    values["plan"] = plan
    if errors:
        raise ValidationError(errors)
    return values


def create_entry(data: dict[str, Any], *, user=None, commit: bool = True) -> StrategyEntry:
    entry = StrategyEntry(**clean_entry(data), created_by_id=getattr(user, "id", None))
    db.session.add(entry)
    db.session.flush()
    audit.record("create", "strategy_entry", entry.id, entry.title, user=user)
    if commit:
        db.session.commit()
    return entry


def update_entry(entry: StrategyEntry, data: dict[str, Any], *, user=None) -> StrategyEntry:
    for field, value in clean_entry(data).items():
        setattr(entry, field, value)
    audit.record("update", "strategy_entry", entry.id, entry.title, user=user)
    db.session.commit()
    return entry
