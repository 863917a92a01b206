"""Writing the audit trail. Services call record(); they commit it with their own change."""

from typing import Any

from engage.extensions import db
from engage.models import AuditEvent


def record(action: str, entity_type: str, entity_id: int | None, summary: str = "", *, user=None, changes=None):
    """Add an audit event to the session; the caller's commit writes it with the change it describes."""
    event = AuditEvent(
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        summary=summary,
        changes=changes or {},
        user_id=getattr(user, "id", None),
    )
    db.session.add(event)
    return event


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields that changed, as {field: [old, new]}."""
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
