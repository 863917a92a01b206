"""Reference data: authorities, registers (with how many are on each) and strategic matters."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select

from engage import models
from engage.api import bp, spec
from engage.api.http import page_of_list, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.matters import services as matters
from engage.matters.schemas import Authority, StrategicMatter, StrategicMatterInput
from engage.permissions import EDIT, VIEW, require_permission
from engage.stakeholders.queries import register_counts
from engage.stakeholders.schemas import Register


@bp.get("/authorities")
@require_permission(VIEW)
def list_authorities():
    return paginated_response(select(models.Authority).order_by(models.Authority.code), Authority)


@bp.get("/registers")
@require_permission(VIEW)
def list_registers():
    return paginated_response(page_of_list(register_counts()), Register)


@bp.get("/strategic-matters")
@require_permission(VIEW)
def list_strategic_matters():
    query = select(models.StrategicMatter).order_by(models.StrategicMatter.name, models.StrategicMatter.id)
    return paginated_response(query, StrategicMatter)


@bp.post("/strategic-matters")
@require_permission(EDIT)
@idempotent
def create_strategic_matter():
    data = parse_json_body(StrategicMatterInput)
    matter = matters.create_strategic_matter(data.get("name") or "", data.get("slug") or "", user=current_user)
    return jsonify(StrategicMatter.serialise(matter)), 201


spec.document(
    tag=("Reference data", "Authorities, registers and strategic matters"),
    paths={
        "/authorities": {
            "get": {
                "summary": "List authorities",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Authority),
            }
        },
        "/registers": {
            "get": {
                "summary": "List registers with how many stakeholders are on each",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Register),
            }
        },
        "/strategic-matters": {
            "get": {
                "summary": "List strategic matters",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(StrategicMatter),
            },
            "post": {
                "summary": "Add a strategic matter",
                "description": "The slug is derived from the name unless given; a slug already in use is a 422.",
                "requestBody": spec.json_body(StrategicMatterInput),
                "responses": spec.responds(StrategicMatter, 201, "Added"),
            },
        },
    },
)
