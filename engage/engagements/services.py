"""Logging, changing and completing engagements, their follow-up actions and evidence documents.

Services own the transaction and write the audit trail; pages, the API, the seeds and the scheduler call them.
"""

import hashlib
from datetime import date
from typing import Any

import filetype

from engage.common import audit
from engage.common.validation import ValidationError
from engage.engagements.rules import clean_action, clean_engagement
from engage.extensions import db
from engage.models import Action, Engagement, EngagementDocument, utcnow
from engage.vocab import ActionStatus
from engage.webhooks import events as webhook_events

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
DOCUMENT_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "image/tiff": "TIFF image",
}
DOCUMENT_MESSAGE = "The selected file must be a PDF, a Word document (DOCX) or an image (JPG, PNG, GIF or WebP)"
AUDITED = (
    "title",
    "kind",
    "status",
    "summary",
    "outcome",
    "agreement",
    "influence_on_plan",
    "evidence_url",
    "examination_library_reference",
    "level",
    "incomplete_reason",
)


def engagement_values(engagement: Engagement) -> dict[str, Any]:
    """An engagement's current values by API field name, the starting point for a partial change."""
    return {
        "title": engagement.title,
        "kind": engagement.kind,
        "status": engagement.status,
        "starts_at": engagement.starts_at,
        "ends_at": engagement.ends_at,
        "lead_authority": engagement.lead_authority.code,
        "level": engagement.level,
        "plan_stage": engagement.plan_stage.slug if engagement.plan_stage else "",
        "stakeholders": [s.id for s in engagement.stakeholders],
        "matters": [m.slug for m in engagement.matters],
        "summary": engagement.summary,
        "outcome": engagement.outcome,
        "agreement": engagement.agreement,
        "influence_on_plan": engagement.influence_on_plan,
        "evidence_url": engagement.evidence_url,
        "examination_library_reference": engagement.examination_library_reference,
        "incomplete_reason": engagement.incomplete_reason,
    }


def _apply(engagement: Engagement, values: dict[str, Any]) -> None:
    for field, value in values.items():
        setattr(engagement, field, value)


def check_document(filename: str, content: bytes) -> str:
    """The file's real content type (from its bytes, not its name), or a ValidationError on `evidence_file`."""
    if len(content) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"evidence_file": ["The selected file must be smaller than 20 MB"]})
    if not content:
        raise ValidationError({"evidence_file": ["The selected file is empty"]})
    kind = filetype.guess(content)
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError({"evidence_file": [DOCUMENT_MESSAGE]})
    return kind.mime


def _document(filename: str, content: bytes, mime: str, user) -> EngagementDocument:
    return EngagementDocument(
        filename=(filename or "evidence").rsplit("/", 1)[-1][:300],
        content_type=mime,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_id=getattr(user, "id", None),
    )


def _actions(items: list[dict[str, Any]], user) -> list[Action]:
    errors: dict[str, list[str]] = {}
    actions = []
    for number, item in enumerate(items):
        try:
            values = clean_action(item, prefix=f"actions-{number}-")
        except ValidationError as error:
            errors.update(error.errors)
            continue
        actions.append(Action(**values, created_by_id=getattr(user, "id", None)))
    if errors:
        raise ValidationError(errors)
    return actions


def log_engagement(
    data: dict[str, Any],
    *,
    user=None,
    actions: list[dict[str, Any]] | None = None,
    document: tuple[str, bytes] | None = None,
    commit: bool = True,
) -> Engagement:
    """Record a planned or held engagement with its follow-up actions and evidence. Nothing is saved on error."""
    errors: dict[str, list[str]] = {}
    values, new_actions, mime = {}, [], ""
    for check in (
        lambda: values.update(clean_engagement(data)),
        lambda: new_actions.extend(_actions(actions or [], user)),
    ):
        try:
            check()
        except ValidationError as error:
            errors.update(error.errors)
    if document:
        try:
            mime = check_document(*document)
        except ValidationError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationError(errors)
    engagement = Engagement(created_by_id=getattr(user, "id", None))
    _apply(engagement, values)
    engagement.actions = new_actions
    if document:
        engagement.documents.append(_document(document[0], document[1], mime, user))
    db.session.add(engagement)
    db.session.flush()
    audit.record("create", "engagement", engagement.id, engagement.title, user=user)
    webhook_events.engagement_held(engagement)
    if commit:
        db.session.commit()
    return engagement


def update_engagement(
    engagement: Engagement,
    changes: dict[str, Any],
    *,
    user=None,
    actions: list[dict[str, Any]] | None = None,
    document: tuple[str, bytes] | None = None,
    action: str = "update",
) -> Engagement:
    """Change some fields (the rest keep their values), optionally adding actions and a document."""
    before = engagement_values(engagement)
    errors: dict[str, list[str]] = {}
    values, new_actions, mime = {}, [], ""
    try:
        values = clean_engagement({**before, **changes}, engagement.plan)
    except ValidationError as error:
        errors.update(error.errors)
    try:
        new_actions = _actions(actions or [], user)
    except ValidationError as error:
        errors.update(error.errors)
    if document:
        try:
            mime = check_document(*document)
        except ValidationError as error:
            errors.update(error.errors)
    if errors:
        db.session.rollback()
        raise ValidationError(errors)
    _apply(engagement, values)
    engagement.actions.extend(new_actions)
    if document:
        engagement.documents.append(_document(document[0], document[1], mime, user))
    after = engagement_values(engagement)
    changed = audit.diff({k: before[k] for k in AUDITED}, {k: after[k] for k in AUDITED})
    audit.record(action, "engagement", engagement.id, engagement.title, user=user, changes=changed)
    webhook_events.engagement_held(engagement, was=before["status"])
    db.session.commit()
    return engagement


def mark_held(engagement: Engagement, changes: dict[str, Any], *, user=None, **extras) -> Engagement:
    """Record that a planned engagement took place, with its outcome, in one step."""
    return update_engagement(engagement, {**changes, "status": "held"}, user=user, action="held", **extras)


def cancel_engagement(engagement: Engagement, *, user=None) -> Engagement:
    return update_engagement(engagement, {"status": "cancelled"}, user=user, action="cancel")


def add_action(engagement: Engagement | None, data: dict[str, Any], *, user=None) -> Action:
    values = clean_action(data)
    action = Action(**values, engagement=engagement, created_by_id=getattr(user, "id", None))
    db.session.add(action)
    db.session.flush()
    audit.record("create", "action", action.id, values["description"][:200], user=user)
    db.session.commit()
    return action


def set_action_status(action: Action, status: str, *, user=None) -> Action:
    if status not in ActionStatus.values():
        raise ValidationError({"status": ["Select open, done or cancelled"]})
    before = action.status
    action.status = status
    action.completed_at = utcnow() if status == "done" else None
    audit.record("update", "action", action.id, "", user=user, changes={"status": [before, status]})
    db.session.commit()
    return action


def overdue(action: Action, today: date) -> bool:
    return action.is_overdue(today)
