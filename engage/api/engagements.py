"""Engagements and follow-up actions: list with filters, log, read and change, over engage.engagements services."""

from datetime import datetime
from typing import Any

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import select

from engage.api import bp, spec
from engage.api.http import check_fields, find_or_404, paginated_response, parse_date, parse_datetime, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.dates import LONDON
from engage.common.validation import ValidationError
from engage.engagements import queries, services
from engage.engagements.serializers import action_json, engagement_json
from engage.extensions import db
from engage.models import Authority, Engagement, StrategicMatter
from engage.permissions import EDIT, VIEW, require_permission
from engage.vocab import ActionStatus, Agreement, EngagementKind, EngagementStatus, Level

FIELDS = {
    "title": "string?",
    "kind": "string",
    "status": "string",
    "starts_at": "string",
    "ends_at": "string?",
    "lead_authority": "string",
    "level": "string",
    "plan_stage": "string?",
    "stakeholders": "integers",
    "matters": "strings",
    "summary": "string?",
    "outcome": "string?",
    "agreement": "string",
    "influence_on_plan": "string?",
    "evidence_url": "string?",
}
ACTION_FIELDS = {"description": "string", "owner": "string", "due_on": "string?", "status": "string"}
READ_ONLY = ("id", "after_submission", "created_at", "updated_at")


def _body() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The engagement fields (checked and parsed) and any new actions sent with them."""
    data = parse_json_body()
    actions = data.pop("actions", [])
    errors: dict[str, list[str]] = {}
    if not isinstance(actions, list) or not all(isinstance(a, dict) for a in actions):
        errors["actions"] = ['Actions must be a list of objects, like [{"description": "…", "owner": "WBC"}]']
        actions = []
    parsed = []
    for number, action in enumerate(a for a in actions if "id" not in a):
        try:
            item = check_fields(action, ACTION_FIELDS, ("id",))
            item["due_on"] = parse_date(item.get("due_on"), "due_on")
            parsed.append(item)
        except ValidationError as error:
            errors.update({f"actions-{number}-{key}": value for key, value in error.errors.items()})
    try:
        data = check_fields(data, FIELDS, READ_ONLY)
        for field in ("starts_at", "ends_at"):
            if field in data:
                data[field] = parse_datetime(data[field], field)
    except ValidationError as error:
        errors.update(error.errors)
    if errors:
        raise ValidationError(errors)
    return data, parsed


@bp.get("/engagements")
@require_permission(VIEW)
def list_engagements():
    filters = _filters()
    return paginated_response(queries.engagements_query(filters), engagement_json, queries.count_query(filters))


@bp.post("/engagements")
@require_permission(EDIT)
@idempotent
def create_engagement():
    data, actions = _body()
    engagement = services.log_engagement(data, user=current_user, actions=actions)
    return jsonify(engagement_json(engagement)), 201


@bp.get("/engagements/<int:engagement_id>")
@require_permission(VIEW)
def show_engagement(engagement_id: int):
    return jsonify(engagement_json(find_or_404(Engagement, engagement_id)))


@bp.patch("/engagements/<int:engagement_id>")
@require_permission(EDIT)
@idempotent
def update_engagement(engagement_id: int):
    engagement = find_or_404(Engagement, engagement_id)
    data, actions = _body()
    services.update_engagement(engagement, data, user=current_user, actions=actions)
    return jsonify(engagement_json(engagement))


@bp.get("/actions")
@require_permission(VIEW)
def list_actions():
    filters = queries.ActionFilters.from_args(request.args)
    errors = {}
    if request.args.get("status") and not filters.status:
        errors["status"] = [f"Status must be one of: {', '.join(ActionStatus.values())}"]
    if filters.owner and db.session.scalar(select(Authority.id).where(Authority.code == filters.owner)) is None:
        errors["owner"] = [f"There is no authority with the code ‘{filters.owner}’"]
    if errors:
        raise ValidationError(errors)
    return paginated_response(queries.actions_query(filters, datetime.now(LONDON).date()), action_json)


def _filters() -> queries.EngagementFilters:
    """Filters from the query string; a malformed date or an unknown value is a 422 naming the parameter."""
    args = request.args
    filters = queries.EngagementFilters.from_args(args)
    errors: dict[str, list[str]] = {}
    for name, value in (("from", filters.date_from), ("to", filters.date_to)):
        if args.get(name) and value is None:
            errors[name] = [f"{name.capitalize()} must be a date in the format YYYY-MM-DD"]
    for name, allowed, value in (
        ("status", EngagementStatus.values(), filters.status),
        ("kind", EngagementKind.values(), filters.kind),
    ):
        if args.get(name) and not value:
            errors[name] = [f"{name.capitalize()} must be one of: {', '.join(allowed)}"]
    if args.get("stakeholder") and filters.stakeholder is None:
        errors["stakeholder"] = ["Stakeholder must be a stakeholder id, a whole number"]
    if filters.authority and db.session.scalar(select(Authority.id).where(Authority.code == filters.authority)) is None:
        errors["authority"] = [f"There is no authority with the code ‘{filters.authority}’"]
    if (
        filters.matter
        and db.session.scalar(select(StrategicMatter.id).where(StrategicMatter.slug == filters.matter)) is None
    ):
        errors["matter"] = [f"There is no strategic matter ‘{filters.matter}’"]
    if errors:
        raise ValidationError(errors)
    return filters


ACTION_SCHEMA = {
    "type": "object",
    "required": ["id", "description", "owner", "due_on", "status"],
    "properties": {
        "id": {"type": "integer"},
        "engagement": {"type": ["integer", "null"], "description": "The engagement it follows from"},
        "description": {"type": "string"},
        "owner": {"type": "string", "description": "Authority code, e.g. WBC"},
        "due_on": {"type": ["string", "null"], "format": "date"},
        "status": {"type": "string", "enum": list(ActionStatus.values())},
        "overdue": {"type": "boolean"},
    },
}
ENGAGEMENT_SCHEMA = {
    "type": "object",
    "required": ["id", *FIELDS, "after_submission", "actions"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "kind": {"type": "string", "enum": list(EngagementKind.values())},
        "status": {"type": "string", "enum": list(EngagementStatus.values())},
        "starts_at": spec.DATE_TIME,
        "ends_at": {"type": ["string", "null"], "format": "date-time"},
        "lead_authority": {"type": "string", "description": "Authority code, e.g. WBC"},
        "level": {"type": "string", "enum": list(Level.values())},
        "plan_stage": {"type": ["string", "null"], "description": "Slug of the plan stage, e.g. reg-18"},
        "stakeholders": {"type": "array", "items": {"type": "integer"}},
        "matters": spec.SLUGS,
        "summary": {"type": "string"},
        "outcome": {"type": "string"},
        "agreement": {"type": "string", "enum": list(Agreement.values())},
        "influence_on_plan": {"type": "string"},
        "evidence_url": {"type": "string"},
        "evidence_documents": {"type": "array", "items": {"type": "object"}},
        "strategy_entry_id": {"type": ["integer", "null"]},
        "after_submission": {"type": "boolean", "description": "Held after the plan's submission date"},
        "actions": {"type": "array", "items": spec.ref("Action")},
        "created_at": spec.DATE_TIME,
        "updated_at": spec.DATE_TIME,
    },
}
ACTION_INPUT = {
    "type": "object",
    "required": ["description", "owner"],
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string"},
        "owner": {"type": "string"},
        "due_on": {"type": ["string", "null"], "format": "date"},
        "status": {"type": "string", "enum": list(ActionStatus.values()), "default": "open"},
    },
}
INPUT_SCHEMA = {
    "type": "object",
    "required": ["starts_at", "lead_authority"],
    "properties": {
        **{name: {k: v for k, v in ENGAGEMENT_SCHEMA["properties"][name].items()} for name in FIELDS},
        "actions": {"type": "array", "items": ACTION_INPUT, "description": "Follow-up actions to add"},
    },
}
ONE = {"responses": spec.responds(spec.ref("Engagement"))}
RULES = (
    " A held engagement needs an outcome; the end must be after the start; the date must be within the plan's stages;"
    " stakeholders must exist. `plan_stage` is worked out from the date when not given."
)

spec.document(
    tag=("Engagements", "Planned and held contacts with stakeholders, and their follow-up actions"),
    schemas={"Engagement": ENGAGEMENT_SCHEMA, "EngagementInput": INPUT_SCHEMA, "Action": ACTION_SCHEMA},
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
                "responses": spec.responds(spec.page_of("Engagement")),
            },
            "post": {
                "summary": "Log an engagement",
                "description": "Fields returned but not set (id, after_submission, created_at, updated_at) are ignored."
                + RULES,
                "requestBody": spec.json_body(spec.ref("EngagementInput")),
                "responses": spec.responds(spec.ref("Engagement"), 201, "Logged"),
            },
        },
        "/engagements/{engagement_id}": {
            "get": {"summary": "Get an engagement", **ONE},
            "patch": {
                "summary": "Change an engagement",
                "description": "Only the fields sent are changed; `actions` without an id are added." + RULES,
                "requestBody": spec.json_body(spec.ref("EngagementInput")),
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
                "responses": spec.responds(spec.page_of("Action")),
            },
        },
    },
)
