"""The audit trail, for administrators, with the audit page's filters."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.admin.schemas import AuditEvent
from engage.api import bp, spec
from engage.api.http import paginated_response, query_arg
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.models import AuditEvent as AuditRow
from engage.permissions import ADMIN, require_permission


@bp.get("/audit-events")
@require_permission(ADMIN)
def list_audit_events():
    query = select(AuditRow).options(selectinload(AuditRow.user)).order_by(AuditRow.id.desc())
    entity_type, action, entity_id = query_arg("entity_type", 50), query_arg("action", 30), query_arg("entity_id")
    if entity_type:
        query = query.where(AuditRow.entity_type == entity_type)
    if action:
        query = query.where(AuditRow.action == action)
    if entity_id:
        number = parse_id(entity_id)
        if number is None:
            raise ValidationError({"entity_id": ["Entity id must be a whole number"]})
        query = query.where(AuditRow.entity_id == number)
    return paginated_response(query, AuditEvent)


spec.document(
    tag=("Audit trail", "Who changed what, for administrators"),
    paths={
        "/audit-events": {
            "get": {
                "summary": "List the audit trail, newest first",
                "description": "Administrators only.",
                "parameters": [
                    *spec.PAGE_PARAMETERS,
                    spec.query("entity_type", "The kind of record, e.g. stakeholder, consultation, representation"),
                    spec.query("action", "What was done, e.g. create, update, withdraw"),
                    spec.query("entity_id", "The record's id", {"type": "integer"}),
                ],
                "responses": spec.page_of(AuditEvent),
            },
        },
    },
)
