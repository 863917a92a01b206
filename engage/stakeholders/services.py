"""Stakeholders: validate, create, update, erase and find likely duplicates.

Input is a dict keyed by the API's field names, so the pages, the API and imports share one set of rules.
"""

from collections.abc import Collection
from typing import Any

from sqlalchemy import func, or_, select

from engage.common import audit
from engage.common.ids import parse_id
from engage.common.validation import (
    EMAIL_MESSAGE,
    POSTCODE_MESSAGE,
    ValidationError,
    normalise_email,
    normalise_postcode,
)
from engage.extensions import db
from engage.models import Authority, BodyKind, Category, Register, Stakeholder, utcnow
from engage.vocab import PreferredChannel, StakeholderKind

TEXT_FIELDS = {
    "title": 50,
    "first_name": 100,
    "last_name": 100,
    "job_title": 200,
    "phone": 50,
    "address": 2000,
    "party": 100,
    "ward": 200,
    "constituency": 200,
    "accessibility_needs": 5000,
    "language": 50,
    "notes": 20000,
}
BOOL_FIELDS = ("do_not_contact", "consent_to_notifications")
ERASED = "[erased]"
RECORD_NUMBER_MESSAGE = "Enter a record number, like 123"
# The fields that say who a stakeholder is: a change to any of them is checked for duplicates.
IDENTITY_FIELDS = ("kind", "first_name", "last_name", "organisation_name", "email")
# The values `clean` gives that a Stakeholder column stores as they are (the rest link to other rows): the edit
# form is filled from them and an import inserts them.
COLUMN_FIELDS = ("kind", "organisation_name", "email", "postcode", "preferred_channel", *TEXT_FIELDS, *BOOL_FIELDS)


class PossibleDuplicates(Exception):
    """Raised instead of saving when likely duplicates exist that the user has not seen and accepted."""

    def __init__(self, stakeholders: list[Stakeholder]):
        super().__init__(f"{len(stakeholders)} possible duplicates")
        self.stakeholders = stakeholders


class Lookups:
    """Registers, categories, body kinds and authorities by slug or code, loaded once per batch."""

    def __init__(self):
        self.registers = {r.slug: r for r in db.session.scalars(select(Register))}
        self.categories = {c.slug: c for c in db.session.scalars(select(Category))}
        self.body_kinds = {b.slug: b for b in db.session.scalars(select(BodyKind))}
        self.authorities = {a.code.upper(): a for a in db.session.scalars(select(Authority))}


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    return [str(part).strip() for part in value if str(part).strip()]


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y")
    return bool(value)


def _clean_slugs(data, field, table, errors, label) -> list:
    found = []
    for slug in _as_list(data.get(field)):
        item = table.get(slug.strip().lower())
        if item is None:
            errors.setdefault(field, []).append(f"There is no {label} called ‘{slug}’")
        else:
            found.append(item)
    return found


def clean(data: dict[str, Any], lookups: Lookups, *, partial: bool = False, current=None) -> dict[str, Any]:
    """Validated, normalised values ready to set on a Stakeholder. Raises ValidationError."""
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    _clean_text(data, values, errors, partial)
    _clean_contact(data, values, errors)
    _clean_links(data, lookups, values, errors)
    _clean_references(data, values, errors, current)
    _check_name(values, current, errors)
    if errors:
        raise ValidationError(errors)
    return values


def _clean_text(data, values, errors, partial) -> None:
    for field, limit in TEXT_FIELDS.items():
        if field in data or not partial:  # a new record gets "" for what was not given, never None
            text = str(data.get(field) or "").strip()
            if len(text) > limit:
                errors[field] = [f"{field.replace('_', ' ').capitalize()} must be {limit} characters or fewer"]
            values[field] = text
    if "organisation" in data or not partial:
        text = str(data.get("organisation") or "").strip()
        if len(text) > 300:
            errors["organisation"] = ["Organisation must be 300 characters or fewer"]
        values["organisation_name"] = text
    if "kind" in data or not partial:
        kind = str(data.get("kind") or "person").strip().lower()
        if kind not in StakeholderKind.values():
            errors["kind"] = ["Select whether this is a person or an organisation"]
        values["kind"] = kind
    for field in BOOL_FIELDS:
        if field in data:
            values[field] = _as_bool(data[field])


def _clean_contact(data, values, errors) -> None:
    if "email" in data:
        raw = str(data["email"] or "").strip()
        email = normalise_email(raw) if raw else ""
        if email is None:
            errors["email"] = [EMAIL_MESSAGE]
        values["email"] = email or ""
    if "postcode" in data:
        raw = str(data["postcode"] or "").strip()
        postcode = normalise_postcode(raw) if raw else ""
        if postcode is None:
            errors["postcode"] = [POSTCODE_MESSAGE]
        values["postcode"] = postcode or ""
    if "preferred_channel" in data:
        channel = str(data["preferred_channel"] or "email").strip().lower()
        if channel not in PreferredChannel.values():
            errors["preferred_channel"] = ["Select email or post"]
        values["preferred_channel"] = channel


def _clean_links(data, lookups: Lookups, values, errors) -> None:
    if "authority" in data:
        code = str(data["authority"] or "").strip().upper()
        authority = lookups.authorities.get(code) if code else None
        if code and authority is None:
            errors["authority"] = [f"There is no authority with the code ‘{code}’"]
        values["authority"] = authority
    if "registers" in data:
        values["registers"] = _clean_slugs(data, "registers", lookups.registers, errors, "register")
    if "categories" in data:
        values["categories"] = _clean_slugs(data, "categories", lookups.categories, errors, "category")
    if "body_kinds" in data:
        values["body_kinds"] = _clean_slugs(data, "body_kinds", lookups.body_kinds, errors, "kind of body")


def _find_record(raw: Any, field: str, errors: dict[str, list[str]]) -> Stakeholder | None:
    text = str(raw or "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        errors[field] = [RECORD_NUMBER_MESSAGE]
        return None
    found = db.session.get(Stakeholder, parse_id(text)) if parse_id(text) else None
    if found is None:
        errors[field] = [f"There is no stakeholder with the record number {text}"]
    return found


def _clean_references(data, values, errors, current: Stakeholder | None) -> None:
    """Links to other stakeholders by record number: the organisation a person belongs to, and an agent."""
    current_id = getattr(current, "id", None)
    if "organisation_id" in data:
        organisation = _find_record(data["organisation_id"], "organisation_id", errors)
        if organisation is not None and organisation.kind != "organisation":
            errors["organisation_id"] = [f"Record {organisation.id} is a person, not an organisation"]
        elif organisation is not None and organisation.id == current_id:
            errors["organisation_id"] = ["An organisation cannot be a member of itself"]
        values["organisation"] = organisation
    if "agent_id" in data:
        agent = _find_record(data["agent_id"], "agent_id", errors)
        if agent is not None and agent.id == current_id:
            errors["agent_id"] = ["A stakeholder cannot be their own agent"]
        elif agent is not None and agent.is_erased:
            errors["agent_id"] = [f"The personal data of record {agent.id} has been erased, so it cannot be an agent"]
        values["agent"] = agent


def _check_name(values: dict[str, Any], current: Stakeholder | None, errors: dict[str, list[str]]) -> None:
    def value(field):
        return values[field] if field in values else getattr(current, field, "")

    kind = value("kind") or "person"
    if kind == "organisation" and not value("organisation_name"):
        errors.setdefault("organisation", []).append("Enter the name of the organisation")
    if kind == "person" and not (value("first_name") or value("last_name")):
        errors.setdefault("last_name", []).append("Enter a first name or last name")


def _snapshot(stakeholder: Stakeholder) -> dict[str, Any]:
    return {
        "name": stakeholder.name,
        "email": stakeholder.email,
        "organisation": stakeholder.organisation_label,
        "authority": stakeholder.authority.code if stakeholder.authority else None,
        "registers": [r.slug for r in stakeholder.registers],
        "categories": [c.slug for c in stakeholder.categories],
        "do_not_contact": stakeholder.do_not_contact,
        "consent_to_notifications": stakeholder.consent_to_notifications,
        "preferred_channel": stakeholder.preferred_channel,
        "body_kinds": [b.slug for b in stakeholder.body_kinds],
        "organisation_id": stakeholder.organisation.id if stakeholder.organisation else None,
        "agent_id": stakeholder.agent.id if stakeholder.agent else None,
    }


def _apply(stakeholder: Stakeholder, values: dict[str, Any]) -> None:
    if values.get("consent_to_notifications") and not stakeholder.consent_to_notifications:
        stakeholder.consent_recorded_at = utcnow()
    for field, value in values.items():
        setattr(stakeholder, field, value)
    stakeholder.refresh_search_fields()


def build_stakeholder(data: dict[str, Any], lookups: Lookups) -> Stakeholder:
    """A new, unsaved stakeholder from validated input (used by imports to batch inserts)."""
    stakeholder = Stakeholder()
    _apply(stakeholder, clean(data, lookups))
    return stakeholder


def create_stakeholder(
    data: dict[str, Any],
    user=None,
    lookups: Lookups | None = None,
    *,
    check_duplicates: bool = False,
    accepted_duplicates: Collection[int] = (),
) -> Stakeholder:
    """Add a stakeholder. With check_duplicates, raise PossibleDuplicates for likely duplicates not accepted yet."""
    values = clean(data, lookups or Lookups())
    if check_duplicates:
        _refuse_unseen_duplicates(values, None, accepted_duplicates)
    stakeholder = Stakeholder()
    _apply(stakeholder, values)
    db.session.add(stakeholder)
    db.session.flush()
    audit.record("create", "stakeholder", stakeholder.id, f"Added stakeholder {stakeholder.id}", user=user)
    db.session.commit()
    return stakeholder


def update_stakeholder(
    stakeholder: Stakeholder,
    data: dict[str, Any],
    user=None,
    *,
    lookups: Lookups | None = None,
    check_duplicates: bool = False,
    accepted_duplicates: Collection[int] = (),
) -> Stakeholder:
    if stakeholder.is_erased:
        raise ValidationError({"kind": ["This stakeholder’s personal data has been erased and cannot be edited"]})
    values = clean(data, lookups or Lookups(), partial=True, current=stakeholder)
    if check_duplicates:
        _refuse_unseen_duplicates(values, stakeholder, accepted_duplicates)
    before = _snapshot(stakeholder)
    _apply(stakeholder, values)
    changes = audit.diff(before, _snapshot(stakeholder))
    audit.record(
        "update",
        "stakeholder",
        stakeholder.id,
        f"Changed {', '.join(changes) or 'nothing'}",
        user=user,
        changes=changes,
    )
    db.session.commit()
    return stakeholder


def erase_stakeholder(stakeholder: Stakeholder, user=None) -> Stakeholder:
    """Pseudonymise personal data; keep the record, its id, registers and links to evidence."""
    if stakeholder.is_erased:
        return stakeholder
    for field in (
        "title",
        "job_title",
        "email",
        "phone",
        "address",
        "postcode",
        "accessibility_needs",
        "notes",
        "party",
        "ward",
        "language",
    ):
        setattr(stakeholder, field, "")
    if stakeholder.kind == "person":
        stakeholder.first_name = ""
        stakeholder.last_name = f"{ERASED} {stakeholder.id}"
        stakeholder.organisation_name = ""
    stakeholder.agent_id = None
    stakeholder.consent_to_notifications = False
    stakeholder.do_not_contact = True
    stakeholder.erased_at = utcnow()
    stakeholder.refresh_search_fields()
    audit.record(
        "erase", "stakeholder", stakeholder.id, f"Erased personal data of stakeholder {stakeholder.id}", user=user
    )
    db.session.commit()
    return stakeholder


def _refuse_unseen_duplicates(values: dict[str, Any], current: Stakeholder | None, accepted: Collection[int]) -> None:
    def value(field):
        return values[field] if field in values else getattr(current, field, "")

    if current is not None and all(value(field) == getattr(current, field) for field in IDENTITY_FIELDS):
        return
    names = (
        {} if value("kind") == "organisation" else {"first_name": value("first_name"), "last_name": value("last_name")}
    )
    with db.session.no_autoflush:
        found = find_duplicates(
            email=value("email"),
            organisation=value("organisation_name"),
            exclude_id=getattr(current, "id", None),
            **names,
        )
    if any(duplicate.id not in accepted for duplicate in found):
        raise PossibleDuplicates(found)


def record_export(filters: dict[str, str], row_count: int, file_format: str, user=None) -> None:
    """Audit a download of stakeholders' personal data: who, which filters, how many rows."""
    audit.record(
        "export",
        "stakeholder",
        None,
        f"Exported {row_count:,} stakeholders as {file_format.upper()}",
        user=user,
        changes={"filters": filters, "rows": row_count, "format": file_format},
    )
    db.session.commit()


def find_duplicates(
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    organisation: str = "",
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[Stakeholder]:
    """Likely duplicates: the same email, or the same name and organisation."""
    conditions = []
    email = (email or "").strip().lower()
    if email:
        conditions.append(func.lower(Stakeholder.email) == email)
    name = " ".join(p for p in (first_name.strip(), last_name.strip()) if p).lower()
    organisation = (organisation or "").strip().lower()
    if name:
        by_name = func.lower(Stakeholder.first_name + " " + Stakeholder.last_name) == name
        if not first_name.strip():
            by_name = func.lower(Stakeholder.last_name) == name
        conditions.append(by_name & (func.lower(Stakeholder.organisation_name) == organisation))
    elif organisation:
        conditions.append(
            (Stakeholder.kind == "organisation") & (func.lower(Stakeholder.organisation_name) == organisation)
        )
    if not conditions:
        return []
    query = select(Stakeholder).where(or_(*conditions), Stakeholder.erased_at.is_(None))
    if exclude_id:
        query = query.where(Stakeholder.id != exclude_id)
    return list(db.session.scalars(query.order_by(Stakeholder.id).limit(limit)))
