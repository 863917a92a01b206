"""Engagements and follow-up actions: list with filters, log, read and change, add evidence documents and actions,
mark actions done, over engage.engagements services."""

from datetime import datetime
from typing import Any

from flask import jsonify, request
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.dates import LONDON
from engage.common.forms import is_readable, unreadable_message
from engage.common.validation import ValidationError
from engage.engagements import queries, services
from engage.engagements.schemas import (
    Action,
    ActionInput,
    ActionStatusInput,
    Engagement,
    EngagementInput,
    EngagementUpdate,
)
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations.attachments import read_upload
from engage.vocab import ActionStatus, EngagementKind, EngagementStatus


def _body(model: type[EngagementInput]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The engagement fields sent and the new actions sent with them."""
    data = parse_json_body(model)
    return data, data.pop("actions", [])


@bp.get("/engagements")
@require_permission(VIEW)
def list_engagements():
    filters = _filters()
    return paginated_response(queries.engagements_query(filters), Engagement, queries.count_query(filters))


@bp.post("/engagements")
@require_permission(EDIT)
@idempotent
def create_engagement():
    data, actions = _body(EngagementInput)
    engagement = services.log_engagement(data, user=current_user, actions=actions)
    return jsonify(Engagement.serialise(engagement)), 201


@bp.get("/engagements/<int:engagement_id>")
@require_permission(VIEW)
def show_engagement(engagement_id: int):
    return jsonify(Engagement.serialise(find_or_404(models.Engagement, engagement_id)))


@bp.patch("/engagements/<int:engagement_id>")
@require_permission(EDIT)
@idempotent
def update_engagement(engagement_id: int):
    engagement = find_or_404(models.Engagement, engagement_id)
    data, actions = _body(EngagementUpdate)
    services.update_engagement(engagement, data, user=current_user, actions=actions)
    return jsonify(Engagement.serialise(engagement))


@bp.post("/engagements/<int:engagement_id>/documents")
@require_permission(EDIT)
@idempotent
def add_engagement_document(engagement_id: int):
    engagement = find_or_404(models.Engagement, engagement_id)
    if not is_readable(request.files.get("file")):
        raise ValidationError({"file": [unreadable_message("The file's name")]})
    upload = read_upload(request.files.get("file"), limit=services.MAX_DOCUMENT_BYTES)
    if upload is None:
        raise ValidationError({"file": ["Select a file, sent as multipart/form-data in the field ‘file’"]})
    services.update_engagement(engagement, {}, user=current_user, document=upload)
    return jsonify(Engagement.serialise(engagement)), 201


@bp.post("/engagements/<int:engagement_id>/actions")
@require_permission(EDIT)
@idempotent
def add_engagement_action(engagement_id: int):
    engagement = find_or_404(models.Engagement, engagement_id)
    action = services.add_action(engagement, parse_json_body(ActionInput), user=current_user)
    return jsonify(Action.serialise(action)), 201


@bp.get("/actions")
@require_permission(VIEW)
def list_actions():
    filters = queries.ActionFilters.from_args(request.args)
    errors = queries.action_filter_problems(request.args)
    if errors:
        raise ValidationError(errors)
    return paginated_response(queries.actions_query(filters, datetime.now(LONDON).date()), Action)


@bp.patch("/actions/<int:action_id>")
@require_permission(EDIT)
@idempotent
def update_action(action_id: int):
    action = find_or_404(models.Action, action_id)
    services.set_action_status(action, parse_json_body(ActionStatusInput).get("status") or "", user=current_user)
    return jsonify(Action.serialise(action))


def _filters() -> queries.EngagementFilters:
    """Filters from the query string; a malformed date or an unknown value is a 422 naming the parameter."""
    filters = queries.EngagementFilters.from_args(request.args)
    errors = queries.filter_problems(request.args)
    if errors:
        raise ValidationError(errors)
    return filters


ONE = {"responses": spec.responds(Engagement)}
RULES = (
    " A held engagement needs an outcome; the end must be after the start; the date must be within the plan's stages;"
    " stakeholders must exist. `plan_stage` is worked out from the date when not given."
)

spec.document(
    tag=("Engagements", "Planned and held contacts with stakeholders, and their follow-up actions"),
    paths={
        "/engagements": {
            "get": {
                "summary": "List engagements",
                "parameters": [
                    *spec.PAGE_PARAMETERS,
                    spec.query(
                        "from", "On or after this day (Europe/London), YYYY-MM-DD", {"type": "string", "format": "date"}
                    ),
                    spec.query(
                        "to", "On or before this day (Europe/London), YYYY-MM-DD", {"type": "string", "format": "date"}
                    ),
                    spec.query(
                        "status",
                        "planned, held or cancelled",
                        {"type": "string", "enum": list(EngagementStatus.values())},
                    ),
                    spec.query("stakeholder", "Stakeholder id among the attendees", {"type": "integer"}),
                    spec.query("matter", "Strategic matter slug"),
                    spec.query("authority", "Lead authority code, e.g. WBC"),
                    spec.query("kind", "Kind of engagement", {"type": "string", "enum": list(EngagementKind.values())}),
                ],
                "responses": spec.page_of(Engagement),
            },
            "post": {
                "summary": "Log an engagement",
                "description": f"Fields returned but not set ({', '.join(EngagementInput.read_only())}) are ignored."
                + RULES,
                "requestBody": spec.json_body(EngagementInput),
                "responses": spec.responds(Engagement, 201, "Logged"),
            },
        },
        "/engagements/{engagement_id}": {
            "get": {"summary": "Get an engagement", **ONE},
            "patch": {
                "summary": "Change an engagement",
                "description": "Only the fields sent are changed; `actions` without an id are added." + RULES,
                "requestBody": spec.json_body(EngagementUpdate),
                **ONE,
            },
        },
        "/engagements/{engagement_id}/documents": {
            "post": {
                "summary": "Add evidence to an engagement: minutes, a letter, a photo",
                "description": "Sent as multipart/form-data in the field `file`: a PDF, a Word document or an image"
                " (JPG, PNG, GIF or WebP), up to 20 MB, checked by its content. Answers with the engagement; the"
                " file is in `evidence_documents`. A file that is not allowed is a 422 on `evidence_file`.",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {"file": {"type": "string", "format": "binary"}},
                            }
                        }
                    },
                },
                "responses": spec.responds(Engagement, 201, "Added"),
            },
        },
        "/engagements/{engagement_id}/actions": {
            "post": {
                "summary": "Add a follow-up action to an engagement",
                "requestBody": spec.json_body(ActionInput),
                "responses": spec.responds(Action, 201, "Added"),
            },
        },
        "/actions": {
            "get": {
                "summary": "List follow-up actions",
                "parameters": [
                    *spec.PAGE_PARAMETERS,
                    spec.query(
                        "status", "open, done or cancelled", {"type": "string", "enum": list(ActionStatus.values())}
                    ),
                    spec.query("owner", "Owner authority code, e.g. HCC"),
                    spec.query("overdue", "true: only open actions past their due date", {"type": "boolean"}),
                ],
                "responses": spec.page_of(Action),
            },
        },
        "/actions/{action_id}": {
            "patch": {
                "summary": "Mark a follow-up action open, done or cancelled",
                "requestBody": spec.json_body(ActionStatusInput),
                "responses": spec.responds(Action),
            },
        },
    },
)
