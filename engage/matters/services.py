"""Adding strategic matters to the editable list (the seed list is in engage/seeds/reference.py)."""

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import StrategicMatter

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """'Green Belt & Countryside' -> 'green-belt-countryside'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:100].strip("-")


def create_strategic_matter(name: str, slug: str = "", user=None) -> StrategicMatter:
    """A new matter; the slug is derived from the name unless given. Raises ValidationError."""
    name = (name or "").strip()
    slug = (slug or "").strip().lower()
    field = "slug" if slug else "name"
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = ["Enter the name of the strategic matter"]
    elif len(name) > 200:
        errors["name"] = ["Name must be 200 characters or fewer"]
    slug = slug or slugify(name)
    if slug and (len(slug) > 100 or not SLUG_PATTERN.match(slug)):
        errors["slug"] = ["Slug must be up to 100 lowercase letters and numbers separated by hyphens, like green-belt"]
    elif name and not slug:
        errors["name"] = ["Name must contain letters or numbers"]
    elif slug and db.session.scalar(select(StrategicMatter.id).where(StrategicMatter.slug == slug)):
        errors[field] = [_taken(slug)]
    if errors:
        raise ValidationError(errors)
    matter = StrategicMatter(slug=slug, name=name)
    db.session.add(matter)
    try:
        db.session.flush()
    except IntegrityError as error:  # added by someone else a moment ago
        db.session.rollback()
        raise ValidationError({field: [_taken(slug)]}) from error
    audit.record("create", "strategic-matter", matter.id, f"Added strategic matter {slug}", user=user)
    db.session.commit()
    return matter


def _taken(slug: str) -> str:
    return f"There is already a strategic matter with the slug ‘{slug}’"
