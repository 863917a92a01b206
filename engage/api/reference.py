"""Reference data: authorities, registers (with how many are on each) and strategic matters."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select

from engage.api import bp, serializers, spec
from engage.api.http import input_schema, page_of_list, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.matters import services as matters
from engage.models import Authority, StrategicMatter
from engage.permissions import EDIT, VIEW, require_permission
from engage.stakeholders.queries import register_counts
from engage.vocab import AuthorityKind

MATTER_FIELDS = {"name": "string", "slug": "string?"}


@bp.get("/authorities")
@require_permission(VIEW)
def list_authorities():
    return paginated_response(select(Authority).order_by(Authority.code), serializers.authority)


@bp.get("/registers")
@require_permission(VIEW)
def list_registers():
    return paginated_response(page_of_list(register_counts()), lambda row: serializers.register(*row))


@bp.get("/strategic-matters")
@require_permission(VIEW)
def list_strategic_matters():
    query = select(StrategicMatter).order_by(StrategicMatter.name, StrategicMatter.id)
    return paginated_response(query, serializers.strategic_matter)


@bp.post("/strategic-matters")
@require_permission(EDIT)
@idempotent
def create_strategic_matter():
    data = parse_json_body(MATTER_FIELDS, read_only=("id",))
    matter = matters.create_strategic_matter(data.get("name") or "", data.get("slug") or "", user=current_user)
    return jsonify(serializers.strategic_matter(matter)), 201


def _object(required: list[str], **properties) -> dict:
    return {"type": "object", "required": required, "properties": properties}


INTEGER, STRING = {"type": "integer"}, spec.STRING
spec.document(
    tag=("Reference data", "Authorities, registers and strategic matters"),
    schemas={
        "Authority": _object(
            ["id", "code", "name", "kind"],
            id=INTEGER,
            code={**STRING, "examples": ["WBC"]},
            name=STRING,
            kind={"type": "string", "enum": list(AuthorityKind.values())},
        ),
        "Register": _object(
            ["id", "slug", "name", "stakeholder_count"],
            id=INTEGER,
            slug={**STRING, "examples": ["members-forum"]},
            name=STRING,
            stakeholder_count={"type": "integer", "minimum": 0},
        ),
        "StrategicMatter": _object(["id", "slug", "name"], id=INTEGER, slug=STRING, name=STRING),
        "StrategicMatterInput": input_schema(
            MATTER_FIELDS,
            required=("name",),
            read_only=("id",),
            name={"maxLength": 200, "examples": ["Green Belt"]},
            slug={"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 100, "description": "Derived from the name"},
        ),
    },
    paths={
        "/authorities": {
            "get": {
                "summary": "List authorities",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.responds(spec.page_of("Authority")),
            }
        },
        "/registers": {
            "get": {
                "summary": "List registers with how many stakeholders are on each",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.responds(spec.page_of("Register")),
            }
        },
        "/strategic-matters": {
            "get": {
                "summary": "List strategic matters",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.responds(spec.page_of("StrategicMatter")),
            },
            "post": {
                "summary": "Add a strategic matter",
                "description": "The slug is derived from the name unless given; a slug already in use is a 422.",
                "requestBody": spec.json_body(spec.ref("StrategicMatterInput")),
                "responses": spec.responds(spec.ref("StrategicMatter"), 201, "Added"),
            },
        },
    },
)
