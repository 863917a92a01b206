"""GET /api/v1/openapi.json: the OpenAPI 3.1 document, built from the fragments in engage.api.spec, the routes and
the pydantic models (the component schemas are generated from them).

What a route already says is filled in here, so fragments stay short: operationId (the view's name), security
(none for @public views, bearer otherwise) and x-permission, path parameters, the Idempotency-Key header on
@idempotent views, and the problem responses (401/403 when signed in, 404 with an id in the path, 400/415/422
with a body, 422 with query parameters, 409 with idempotency, 503 on every operation that reads the database).
"""

import copy
import re
from typing import Any

from flask import Flask, current_app, jsonify

from engage.api import bp, spec
from engage.api.schemas import Problem
from engage.common.ids import MAX_ID
from engage.permissions import public

CONVERTER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
PATH_TYPES = {"int": {"type": "integer", "minimum": 1, "maximum": MAX_ID}, "float": {"type": "number"}}
PROBLEMS = {
    "400": ("BadRequest", "The body is not valid JSON"),
    "401": ("Unauthorized", "No valid bearer token was sent"),
    "403": ("Forbidden", "The token's role does not allow this"),
    "404": ("NotFound", "There is nothing with that id"),
    "409": (
        "Conflict",
        "A request with this Idempotency-Key is still being processed, or the write clashed with one saved a "
        "moment before (the same slug or reference): nothing was saved",
    ),
    "415": ("UnsupportedMediaType", "The body was not sent as application/json"),
    "422": ("UnprocessableContent", "Some values are not valid; `errors` says which and why. Nothing was written."),
    "503": (
        "ServiceUnavailable",
        "The database could not be reached or the connection was lost. Nothing was written: send the request again"
        " after `Retry-After` seconds, with the same Idempotency-Key",
    ),
}
RETRY_AFTER = {"description": "Seconds to wait before trying again", "schema": {"type": "integer", "minimum": 1}}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Any unique string of up to 200 visible ASCII characters, such as a UUID. The same key and body within"
        " 24 hours returns the first answer and writes nothing new; the same key with a different body is a 422."
    ),
    "schema": {"type": "string", "pattern": "^[!-~]{1,200}$"},
}
DESCRIPTION = """Engagement and consultation evidence for a joint strategic plan.

Send `Authorization: Bearer <token>` (a token from the account page or `flask create-token EMAIL`). Viewers may
read; officers and admins may also write; only admins read the audit trail (each operation's `x-permission` says).
Lists take `?page=` and `?per_page=` (at most 500) and answer `{"items", "page", "per_page", "total"}`. Errors are
`application/problem+json`. Date-times are ISO 8601 with an offset (shown in Europe/London); dates are
`YYYY-MM-DD`. Enumerations are lowercase kebab-case."""


@bp.get("/openapi.json")
@public
def openapi_document():
    return jsonify(build_document(current_app))


def openapi_path(rule: str) -> str:
    """'/api/v1/stakeholders/<int:stakeholder_id>' -> '/stakeholders/{stakeholder_id}'."""
    return CONVERTER.sub(lambda match: "{" + match.group(2) + "}", rule.removeprefix(bp.url_prefix))


def api_routes(app: Flask) -> dict[tuple[str, str], tuple[str, Any]]:
    """{(OpenAPI path, method): (Flask rule, view)} for every route of the API blueprint."""
    routes = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(f"{bp.name}."):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                routes[(openapi_path(rule.rule), method.lower())] = (rule.rule, app.view_functions[rule.endpoint])
    return routes


def build_document(app: Flask) -> dict[str, Any]:
    routes = api_routes(app)
    problem = spec.ref(Problem)
    paths: dict[str, dict[str, Any]] = {}
    for path, operations in spec.PATHS.items():
        for method, operation in operations.items():
            rule, view = routes.get((path, method), ("", None))
            paths.setdefault(path, {})[method] = complete(path, operation, rule, view)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Engage API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": bp.url_prefix}],
        "security": [{"bearer": []}],
        "tags": spec.TAGS,
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API token"}},
            "schemas": spec.components(),
            "responses": {
                name: {
                    "description": text,
                    "content": {"application/problem+json": {"schema": problem}},
                    **({"headers": {"Retry-After": RETRY_AFTER}} if name == "ServiceUnavailable" else {}),
                }
                for name, text in PROBLEMS.values()
            },
        },
    }


def complete(path: str, operation: dict[str, Any], rule: str, view) -> dict[str, Any]:
    """The operation as documented, plus what its route and view say about it."""
    operation = copy.deepcopy(operation)
    parameters = operation.get("parameters", [])
    statuses = set()
    if view is not None:
        operation.setdefault("operationId", view.__name__)
        if view.permission == "public":
            operation["security"] = []
        else:
            operation["x-permission"] = view.permission
            statuses |= {"401", "403"}
        if getattr(view, "idempotent", False):
            parameters.append(IDEMPOTENCY_KEY)
            statuses |= {"409", "422"}
        if view is not openapi_document:  # the one operation that needs no database
            statuses.add("503")
    declared = {parameter["name"] for parameter in parameters if parameter["in"] == "path"}
    for converter, name in CONVERTER.findall(rule):
        if name not in declared:
            schema = PATH_TYPES.get(converter, {"type": "string"})
            parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    if "{" in path:
        statuses.add("404")
    if "requestBody" in operation:
        statuses |= {"400", "415", "422"}
    elif any(parameter["in"] == "query" for parameter in parameters):
        statuses.add("422")
    if parameters:
        operation["parameters"] = parameters
    responses = operation.setdefault("responses", {})
    for status in sorted(statuses):
        responses.setdefault(status, {"$ref": f"#/components/responses/{PROBLEMS[status][0]}"})
    return operation


spec.document(
    tag=("API description", "This document"),
    paths={
        "/openapi.json": {
            "get": {
                "summary": "The OpenAPI 3.1 description of this API",
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {}}}}},
            }
        }
    },
)
