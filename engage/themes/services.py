"""Themes and tags on representations, linking representations to main issues by selection, officers' responses
to single representations and publishing a consultation's "You said, we did" page. Every write is audited and
commits last."""

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, insert, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import (
    Consultation,
    FeedbackPublication,
    MainIssue,
    Representation,
    RepresentationResponse,
    StrategicMatter,
    Theme,
    representation_matter,
    representation_theme,
    utcnow,
)
from engage.models.evidence import main_issue_representation
from engage.themes.selection import Selection, representation_ids

__all__ = ["Selection"]

CHUNK = 5000  # ids per IN (...) list, well inside every database's limit on bound parameters
NAME_LENGTH = 200


# Themes ---------------------------------------------------------------------------------------------------------


def _theme_name(consultation: Consultation, name: str | None, current: Theme | None = None) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError({"name": ["Enter the theme’s name"]})
    if len(cleaned) > NAME_LENGTH:
        raise ValidationError({"name": [f"The theme’s name must be {NAME_LENGTH} characters or fewer"]})
    taken = db.session.scalar(
        select(Theme.id).where(
            Theme.consultation_id == consultation.id,
            func.lower(Theme.name) == cleaned.lower(),
            Theme.id != (current.id if current else 0),
        )
    )
    if taken:
        raise ValidationError({"name": [f"There is already a theme called ‘{cleaned}’"]})
    return cleaned


def create_theme(consultation: Consultation, name: str | None, user=None) -> Theme:
    theme = Theme(consultation_id=consultation.id, name=_theme_name(consultation, name))
    db.session.add(theme)
    db.session.flush()
    audit.record("create", "theme", theme.id, f"Theme added to consultation {consultation.id}", user=user)
    db.session.commit()
    return theme


def accept_suggestion(consultation: Consultation, name: str | None, ids: list[int], user=None) -> Theme:
    """A suggested theme becomes a theme, tagged on its representations, in one step."""
    theme = Theme(consultation_id=consultation.id, name=_theme_name(consultation, name))
    selected = representation_ids(consultation, Selection.of("selected", ids=ids))
    db.session.add(theme)
    db.session.flush()
    _add_pairs(representation_theme, "theme_id", theme.id, selected)
    audit.record(
        "create",
        "theme",
        theme.id,
        f"Suggested theme accepted for consultation {consultation.id}, tagged on {len(selected)} representations",
        user=user,
    )
    db.session.commit()
    return theme


def rename_theme(theme: Theme, name: str | None, user=None) -> Theme:
    before = theme.name
    theme.name = _theme_name(theme.consultation, name, current=theme)
    audit.record("update", "theme", theme.id, "Theme renamed", user=user, changes={"name": [before, theme.name]})
    db.session.commit()
    return theme


def delete_theme(theme: Theme, user=None) -> None:
    """The theme goes, and with it its tags; the representations stay as they were."""
    audit.record("delete", "theme", theme.id, f"Theme removed from consultation {theme.consultation_id}", user=user)
    db.session.execute(delete(representation_theme).where(representation_theme.c.theme_id == theme.id))
    db.session.delete(theme)
    db.session.commit()


def find_themes(consultation: Consultation, ids: Iterable) -> list[Theme]:
    wanted = {int(each) for each in ids}
    found = list(
        db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id, Theme.id.in_(wanted)))
    )
    if len(found) != len(wanted):
        raise ValidationError({"themes": ["Choose themes of this consultation"]})
    return found


def find_matters(slugs: Iterable[str]) -> list[StrategicMatter]:
    wanted = {slug for slug in slugs if slug}
    found = list(db.session.scalars(select(StrategicMatter).where(StrategicMatter.slug.in_(wanted))))
    unknown = wanted - {matter.slug for matter in found}
    if unknown:
        raise ValidationError({"matters": [f"There is no strategic matter called ‘{sorted(unknown)[0][:100]}’"]})
    return found


# Tags and links, in bulk ------------------------------------------------------------------------------------------


def _chunks(ids: Sequence[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _add_pairs(table, column: str, target_id: int, ids: list[int]) -> int:
    """Link each representation to the target once; the number newly linked."""
    have = set(db.session.scalars(select(table.c.representation_id).where(table.c[column] == target_id)))
    rows = [{"representation_id": each, column: target_id} for each in ids if each not in have]
    if rows:
        db.session.execute(insert(table), rows)
    return len(rows)


def _remove_pairs(table, column: str, target_id: int, ids: list[int]) -> int:
    removed = 0
    for chunk in _chunks(ids):
        result = db.session.execute(
            delete(table).where(table.c[column] == target_id, table.c.representation_id.in_(chunk))
        )
        removed += result.rowcount or 0
    return removed


def tag(
    consultation: Consultation,
    selection: Selection,
    themes: list[Theme] = (),
    matters: list[StrategicMatter] = (),
    *,
    remove: bool = False,
    user=None,
) -> int:
    """Add (or with `remove`, take off) themes and strategic matters on the selected representations; the number
    of tags added or removed."""
    if not themes and not matters:
        raise ValidationError({"themes": ["Choose a theme or a strategic matter"]})
    ids = representation_ids(consultation, selection)
    change = _remove_pairs if remove else _add_pairs
    changed = sum(change(representation_theme, "theme_id", theme.id, ids) for theme in themes)
    changed += sum(change(representation_matter, "matter_id", matter.id, ids) for matter in matters)
    audit.record(
        "untag" if remove else "tag",
        "consultation",
        consultation.id,
        f"{changed} tags {'removed from' if remove else 'added to'} {len(ids)} representations",
        user=user,
        changes={"themes": [t.id for t in themes], "matters": [m.slug for m in matters], "count": len(ids)},
    )
    db.session.commit()
    return changed


def link_to_issue(issue: MainIssue, selection: Selection, *, remove: bool = False, user=None) -> int:
    """Link the selected representations to the main issue (or unlink them); the number linked or unlinked."""
    ids = representation_ids(issue.consultation, selection)
    change = _remove_pairs if remove else _add_pairs
    changed = change(main_issue_representation, "main_issue_id", issue.id, ids)
    audit.record(
        "unlink" if remove else "link",
        "main_issue",
        issue.id,
        f"{changed} representations {'unlinked from' if remove else 'linked to'} main issue {issue.id}",
        user=user,
        changes={"representations": changed},
    )
    db.session.expire(issue, ["representations"])
    db.session.commit()
    return changed


# Responses and publishing -----------------------------------------------------------------------------------------


def respond(representation: Representation, text: str | None, user=None) -> RepresentationResponse | None:
    """The council's response to one representation; an empty response takes it away."""
    cleaned = (text or "").strip()
    found = db.session.get(RepresentationResponse, representation.id)
    if not cleaned:
        if found is None:
            raise ValidationError({"text": ["Enter the council’s response"]})
        db.session.delete(found)
        audit.record("delete", "representation", representation.id, "Officer response removed", user=user)
        db.session.commit()
        return None
    if found is None:
        found = RepresentationResponse(
            representation_id=representation.id, consultation_id=representation.consultation_id
        )
        db.session.add(found)
    found.text = cleaned
    found.responded_at = utcnow()
    found.responded_by_id = getattr(user, "id", None)
    audit.record("respond", "representation", representation.id, "Officer response recorded", user=user)
    db.session.commit()
    return found


def publish_feedback(consultation: Consultation, user=None) -> FeedbackPublication:
    """Make the consultation's "You said, we did" page public: once it has closed and a main issue has the
    council's response."""
    if consultation.status != "closed":
        raise ValidationError({"publish": ["You can publish “You said, we did” once the consultation has closed"]})
    answered = db.session.scalar(
        select(func.count(MainIssue.id)).where(
            MainIssue.consultation_id == consultation.id, MainIssue.council_response != ""
        )
    )
    if not answered:
        raise ValidationError({"publish": ["Write the council’s response to at least one main issue first"]})
    found = db.session.get(FeedbackPublication, consultation.id)
    if found is None:
        found = FeedbackPublication(consultation_id=consultation.id, published_by_id=getattr(user, "id", None))
        db.session.add(found)
        audit.record("publish", "consultation", consultation.id, "“You said, we did” published", user=user)
    db.session.commit()
    return found


def unpublish_feedback(consultation: Consultation, user=None) -> None:
    found = db.session.get(FeedbackPublication, consultation.id)
    if found is not None:
        db.session.delete(found)
        audit.record("unpublish", "consultation", consultation.id, "“You said, we did” withdrawn", user=user)
    db.session.commit()
