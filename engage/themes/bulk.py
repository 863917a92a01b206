"""The bulk action of the themes page: which button was pressed, on which representations, with what."""

from sqlalchemy import select

from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, MainIssue
from engage.representations.queries import RepresentationFilters
from engage.themes import services
from engage.themes.selection import Selection
from engage.vocab import TagAction


def apply(consultation: Consultation, data: dict, filters: RepresentationFilters, tagged: str = "", user=None) -> str:
    """Carry out the action the officer chose; the confirmation to show. `data`: the bulk form's fields
    (action, scope, representations, campaign, theme, matter, issue); `filters` and `tagged`: the search shown."""
    action = TagAction.find(data.get("action"))
    if action is None:
        raise ValidationError({"action": ["Choose what to do with the selected representations"]})
    selection = Selection.of(
        data.get("scope") or "",
        ids=data.get("representations") or [],
        filters=filters,
        campaign=data.get("campaign") or "",
        tagged=tagged,
    )
    if action in (TagAction.LINK, TagAction.UNLINK):
        issue = _issue(consultation, data.get("issue"))
        changed = services.link_to_issue(issue, selection, remove=action == TagAction.UNLINK, user=user)
        verb = "unlinked from" if action == TagAction.UNLINK else "linked to"
        return f"{_representations(changed)} {verb} ‘{issue.title}’"
    theme_id = parse_id(data.get("theme"))
    themes = services.find_themes(consultation, [theme_id]) if theme_id else []
    matters = services.find_matters([data.get("matter") or ""]) if data.get("matter") else []
    changed = services.tag(consultation, selection, themes, matters, remove=action == TagAction.UNTAG, user=user)
    return f"{changed} tag{'' if changed == 1 else 's'} {'removed' if action == TagAction.UNTAG else 'added'}"


def _issue(consultation: Consultation, value) -> MainIssue:
    issue_id = parse_id(value)
    issue = (
        db.session.scalar(
            select(MainIssue).where(MainIssue.id == issue_id, MainIssue.consultation_id == consultation.id)
        )
        if issue_id
        else None
    )
    if issue is None:
        raise ValidationError({"main_issue": ["Choose a main issue of this consultation"]})
    return issue


def _representations(count: int) -> str:
    return f"{count} representation{'' if count == 1 else 's'}"
