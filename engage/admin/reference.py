"""Reference data officers' lists are built from, edited by admins: strategic matters, registers, categories and
the kinds of body the regulations name (each with its statutory name and the name it has today).

A slug is set when the row is added and never changes: the API, imports and filters use it.
"""

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import BodyKind, Category, Register, StrategicMatter

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Kind:
    """One list: its model, what one row is called, and its text fields (name, label, longest)."""

    slug: str
    model: type
    title: str
    noun: str
    fields: tuple[tuple[str, str, int], ...]

    @property
    def has_category(self) -> bool:
        return self.model is BodyKind


KINDS = {
    kind.slug: kind
    for kind in (
        Kind("strategic-matters", StrategicMatter, "Strategic matters", "strategic matter", (("name", "Name", 200),)),
        Kind(
            "registers",
            Register,
            "Registers",
            "register",
            (("name", "Name", 200), ("description", "Description", 2000)),
        ),
        Kind(
            "categories",
            Category,
            "Categories",
            "category",
            (("name", "Name", 200), ("description", "Description (the regulation, if any)", 2000)),
        ),
        Kind(
            "body-kinds",
            BodyKind,
            "Kinds of body",
            "kind of body",
            (("statutory_name", "Name in the regulations", 300), ("current_name", "Name today", 300)),
        ),
    )
}


def rows(kind: Kind) -> list[Any]:
    order = [kind.model.position] if hasattr(kind.model, "position") else []
    return list(db.session.scalars(select(kind.model).order_by(*order, kind.model.id)))


def find(kind: Kind, item_id: int) -> Any | None:
    return db.session.get(kind.model, item_id) if 0 < item_id < 2**31 else None


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position, Category.id)))


def _clean(kind: Kind, data: dict[str, Any], current: Any | None) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for field, label, limit in kind.fields:
        value = str(data.get(field) or "").strip()
        if not value and field != "description":
            errors[field] = [f"Enter the {label.lower()}"]
        elif len(value) > limit:
            errors[field] = [f"{label.split(' (')[0]} must be {limit:,} characters or fewer"]
        cleaned[field] = value
    if current is None:
        slug = str(data.get("slug") or "").strip().lower()
        if not SLUG_PATTERN.match(slug) or len(slug) > 100:
            errors["slug"] = ["Enter a slug of lowercase letters and numbers separated by hyphens, like green-belt"]
        elif db.session.scalar(select(kind.model.id).where(kind.model.slug == slug)):
            errors["slug"] = [f"There is already a {kind.noun} with the slug ‘{slug}’"]
        cleaned["slug"] = slug
    if kind.has_category:
        category = db.session.scalar(select(Category).where(Category.slug == str(data.get("category") or "")))
        if category is None:
            errors["category"] = ["Select the category the kind of body belongs to"]
        cleaned["category"] = category
    if errors:
        raise ValidationError(errors)
    return cleaned


def save(kind: Kind, data: dict[str, Any], *, current: Any | None = None, user=None) -> Any:
    """Add a row (current None) or change one; raises ValidationError and writes nothing when a field is wrong."""
    cleaned = _clean(kind, data, current)
    if current is None:
        current = kind.model(**cleaned)
        if hasattr(kind.model, "position"):
            current.position = len(rows(kind))
        db.session.add(current)
        db.session.flush()
        audit.record("create", kind.model.__tablename__, current.id, cleaned["slug"], user=user)
    else:
        before = {field: getattr(current, field) for field in cleaned if field != "category"}
        for field, value in cleaned.items():
            setattr(current, field, value)
        after = {field: getattr(current, field) for field in before}
        changes = audit.diff(before, after)
        audit.record("update", kind.model.__tablename__, current.id, current.slug, user=user, changes=changes)
    db.session.commit()
    return current
