"""Stakeholders: list with filters, add, read, change and erase, over engage.stakeholders services and queries."""

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy.orm import selectinload

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body, query_arg
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.permissions import EDIT, VIEW, require_permission
from engage.stakeholders import queries, services
from engage.stakeholders.schemas import Stakeholder, StakeholderInput


@bp.get("/stakeholders")
@require_permission(VIEW)
def list_stakeholders():
    filters = _filters()
    query = queries.search(filters).options(selectinload(models.Stakeholder.body_kinds))
    return paginated_response(query, Stakeholder, count_query=queries.count_query(filters))


@bp.post("/stakeholders")
@require_permission(EDIT)
@idempotent
def create_stakeholder():
    data = parse_json_body(StakeholderInput)
    stakeholder = services.create_stakeholder(data, user=current_user)
    return jsonify(Stakeholder.serialise(stakeholder)), 201


@bp.get("/stakeholders/<int:stakeholder_id>")
@require_permission(VIEW)
def show_stakeholder(stakeholder_id: int):
    return jsonify(Stakeholder.serialise(find_or_404(models.Stakeholder, stakeholder_id)))


@bp.patch("/stakeholders/<int:stakeholder_id>")
@require_permission(EDIT)
@idempotent
def update_stakeholder(stakeholder_id: int):
    stakeholder = find_or_404(models.Stakeholder, stakeholder_id)
    data = parse_json_body(StakeholderInput)
    services.update_stakeholder(stakeholder, data, user=current_user)
    return jsonify(Stakeholder.serialise(stakeholder))


@bp.delete("/stakeholders/<int:stakeholder_id>")
@require_permission(EDIT)
@idempotent
def erase_stakeholder(stakeholder_id: int):
    stakeholder = find_or_404(models.Stakeholder, stakeholder_id)
    services.erase_stakeholder(stakeholder, user=current_user)
    return jsonify(Stakeholder.serialise(stakeholder))


def _filters() -> queries.StakeholderFilters:
    """The list's filters from the query string; an unknown register, category, authority or sort is a 422."""
    filters = queries.StakeholderFilters(
        q=query_arg("q"),
        register=query_arg("register").lower(),
        category=query_arg("category").lower(),
        authority=query_arg("authority").upper(),
        sort=query_arg("sort") or "name",
    )
    errors = queries.filter_problems(request.args)
    if errors:
        raise ValidationError(errors)
    return filters


INPUT_NOTE = (
    f" Fields the API returns but nobody sets ({', '.join(StakeholderInput.read_only())}) are ignored, so a fetched"
    " record can be sent back; any other unknown field is a 422."
)
ONE = {"responses": spec.responds(Stakeholder)}

spec.document(
    tag=("Stakeholders", "People and organisations on the registers"),
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
                "responses": spec.page_of(Stakeholder),
            },
            "post": {
                "summary": "Add a stakeholder",
                "description": "A person needs a first or last name; an organisation needs `organisation`."
                + INPUT_NOTE,
                "requestBody": spec.json_body(StakeholderInput),
                "responses": spec.responds(Stakeholder, 201, "Added"),
            },
        },
        "/stakeholders/{stakeholder_id}": {
            "get": {"summary": "Get a stakeholder", **ONE},
            "patch": {
                "summary": "Change a stakeholder",
                "description": "Only the fields sent are changed." + INPUT_NOTE,
                "requestBody": spec.json_body(StakeholderInput),
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
