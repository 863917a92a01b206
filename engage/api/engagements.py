"""Engagements and follow-up actions: list with filters, log, read and change, over engage.engagements services."""

from datetime import datetime
from typing import Any

from flask import jsonify, request
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.dates import LONDON
from engage.common.validation import ValidationError
from engage.engagements import queries, services
from engage.engagements.schemas import Action, Engagement, EngagementInput, EngagementUpdate
from engage.permissions import EDIT, VIEW, require_permission
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


@bp.get("/actions")
@require_permission(VIEW)
def list_actions():
    filters = queries.ActionFilters.from_args(request.args)
    errors = queries.action_filter_problems(request.args)
    if errors:
        raise ValidationError(errors)
    return paginated_response(queries.actions_query(filters, datetime.now(LONDON).date()), Action)


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
    },
)
