"""Stakeholders: list with filters, add, read, change and erase, over engage.stakeholders services and queries."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.api import bp, serializers, spec
from engage.api.http import find_or_404, input_schema, paginated_response, parse_json_body, query_arg
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Authority, Category, Register, Stakeholder
from engage.permissions import EDIT, VIEW, require_permission
from engage.stakeholders import queries, services
from engage.vocab import PreferredChannel, StakeholderKind

FIELDS = {
    "kind": "string",
    "title": "string?",
    "first_name": "string?",
    "last_name": "string?",
    "job_title": "string?",
    "organisation": "string?",
    "organisation_id": "integer?",
    "email": "string?",
    "phone": "string?",
    "address": "string?",
    "postcode": "string?",
    "authority": "string?",
    "registers": "strings",
    "categories": "strings",
    "body_kinds": "strings",
    "party": "string?",
    "ward": "string?",
    "constituency": "string?",
    "preferred_channel": "string",
    "accessibility_needs": "string?",
    "language": "string?",
    "agent_id": "integer?",
    "do_not_contact": "boolean",
    "consent_to_notifications": "boolean",
    "notes": "string?",
}
READ_ONLY = ("id", "name", "erased_at", "created_at", "updated_at")


@bp.get("/stakeholders")
@require_permission(VIEW)
def list_stakeholders():
    filters = _filters()
    query = queries.search(filters).options(selectinload(Stakeholder.body_kinds))
    return paginated_response(query, serializers.stakeholder, count_query=queries.count_query(filters))


@bp.post("/stakeholders")
@require_permission(EDIT)
@idempotent
def create_stakeholder():
    data = parse_json_body(FIELDS, READ_ONLY)
    stakeholder = services.create_stakeholder(data, user=current_user)
    return jsonify(serializers.stakeholder(stakeholder)), 201


@bp.get("/stakeholders/<int:stakeholder_id>")
@require_permission(VIEW)
def show_stakeholder(stakeholder_id: int):
    return jsonify(serializers.stakeholder(find_or_404(Stakeholder, stakeholder_id)))


@bp.patch("/stakeholders/<int:stakeholder_id>")
@require_permission(EDIT)
@idempotent
def update_stakeholder(stakeholder_id: int):
    stakeholder = find_or_404(Stakeholder, stakeholder_id)
    data = parse_json_body(FIELDS, READ_ONLY)
    services.update_stakeholder(stakeholder, data, user=current_user)
    return jsonify(serializers.stakeholder(stakeholder))


@bp.delete("/stakeholders/<int:stakeholder_id>")
@require_permission(EDIT)
@idempotent
def erase_stakeholder(stakeholder_id: int):
    stakeholder = find_or_404(Stakeholder, stakeholder_id)
    services.erase_stakeholder(stakeholder, user=current_user)
    return jsonify(serializers.stakeholder(stakeholder))


def _filters() -> queries.StakeholderFilters:
    """The list's filters from the query string; an unknown register, category, authority or sort is a 422."""
    filters = queries.StakeholderFilters(
        q=query_arg("q"),
        register=query_arg("register").lower(),
        category=query_arg("category").lower(),
        authority=query_arg("authority").upper(),
        sort=query_arg("sort") or "name",
    )
    errors: dict[str, list[str]] = {}
    for field, model, column, noun in (
        ("register", Register, Register.slug, "register"),
        ("category", Category, Category.slug, "category"),
        ("authority", Authority, Authority.code, "authority with the code"),
    ):
        value = getattr(filters, field)
        if value and db.session.scalar(select(model.id).where(column == value)) is None:
            errors[field] = [f"There is no {noun} ‘{value}’"]
    if filters.sort not in queries.SORTS:
        errors["sort"] = [f"Sort must be one of: {', '.join(queries.SORTS)}"]
    if errors:
        raise ValidationError(errors)
    return filters


TEXT = {name: {"maxLength": limit} for name, limit in services.TEXT_FIELDS.items()}
OUTPUT_TYPES = {
    "string": {"type": "string"},
    "string?": {"type": "string"},
    "integer?": {"type": ["integer", "null"]},
    "boolean": {"type": "boolean"},
    "strings": spec.SLUGS,
}
STAKEHOLDER_SCHEMA = {
    "type": "object",
    "required": [*READ_ONLY, *FIELDS],
    "properties": {
        "id": {"type": "integer"},
        **{name: OUTPUT_TYPES[kind] for name, kind in FIELDS.items()},
        "kind": {"type": "string", "enum": list(StakeholderKind.values())},
        "name": {"type": "string", "description": "Display name: the person's names or the organisation's name"},
        "authority": {"type": ["string", "null"], "description": "Authority code, e.g. WBC"},
        "preferred_channel": {"type": "string", "enum": list(PreferredChannel.values())},
        "erased_at": {"type": ["string", "null"], "format": "date-time"},
        "created_at": spec.DATE_TIME,
        "updated_at": spec.DATE_TIME,
    },
}
INPUT_SCHEMA = input_schema(
    FIELDS,
    read_only=READ_ONLY,
    kind={"enum": list(StakeholderKind.values()), "default": "person"},
    preferred_channel={"enum": list(PreferredChannel.values()), "default": "email"},
    email={"format": "email"},
    organisation={"maxLength": 300, "description": "Organisation name (for an organisation, its own name)"},
    organisation_id={"description": "Record number of the organisation a person belongs to"},
    agent_id={"description": "Record number of the stakeholder's agent"},
    authority={"description": "Authority code, e.g. WBC"},
    registers={"description": "Register slugs, e.g. general-consultees"},
    categories={"description": "Category slugs, e.g. specific-consultation-body"},
    **TEXT,
)
INPUT_NOTE = (
    " Fields the API returns but nobody sets (id, name, erased_at, created_at, updated_at) are ignored, so a fetched"
    " record can be sent back; any other unknown field is a 422."
)
ONE = {"responses": spec.responds(spec.ref("Stakeholder"))}

spec.document(
    tag=("Stakeholders", "People and organisations on the registers"),
    schemas={"Stakeholder": STAKEHOLDER_SCHEMA, "StakeholderInput": INPUT_SCHEMA},
    paths={
        "/stakeholders": {
            "get": {
                "summary": "List stakeholders",
                "description": "Filters combine. An unknown register, category, authority or sort is a 422.",
                "parameters": [
                    *spec.PAGE_PARAMETERS,
                    spec.query("register", "Register slug, e.g. members-forum"),
                    spec.query("category", "Category slug, e.g. specific-consultation-body"),
                    spec.query("authority", "Authority code, e.g. WBC"),
                    spec.query("q", "Words to find in the name, organisation or email"),
                    spec.query("sort", "Order", {"type": "string", "enum": list(queries.SORTS), "default": "name"}),
                ],
                "responses": spec.responds(spec.page_of("Stakeholder")),
            },
            "post": {
                "summary": "Add a stakeholder",
                "description": "A person needs a first or last name; an organisation needs `organisation`."
                + INPUT_NOTE,
                "requestBody": spec.json_body(spec.ref("StakeholderInput")),
                "responses": spec.responds(spec.ref("Stakeholder"), 201, "Added"),
            },
        },
        "/stakeholders/{stakeholder_id}": {
            "get": {"summary": "Get a stakeholder", **ONE},
            "patch": {
                "summary": "Change a stakeholder",
                "description": "Only the fields sent are changed." + INPUT_NOTE,
                "requestBody": spec.json_body(spec.ref("StakeholderInput")),
                **ONE,
            },
            "delete": {
                "summary": "Erase a stakeholder's personal data",
                "description": (
                    "Pseudonymises the record (names, contact details and notes are cleared and the record is marked"
                    " do not contact) but keeps it, its id, registers and links to evidence. Answers 200 with the"
                    " erased record; erasing again changes nothing."
                ),
                **ONE,
            },
        },
    },
)
