"""OpenAPI fragments: each API module declares its paths and schemas here, beside its views.

`document(paths=..., schemas=...)` collects them at import time; `engage.api.openapi` assembles the document
and fills in what the routes already say (operationId, security, path parameters, the Idempotency-Key header
and the standard error responses), so a fragment only needs a summary, query parameters, bodies and the
success response.
"""

from typing import Any

PATHS: dict[str, dict[str, dict[str, Any]]] = {}
SCHEMAS: dict[str, dict[str, Any]] = {}
TAGS: list[dict[str, str]] = []


def document(
    paths: dict[str, dict[str, dict]] | None = None,
    schemas: dict[str, dict] | None = None,
    tag: tuple[str, str] | None = None,
) -> None:
    """Add operations (keyed by path relative to /api/v1, then method), component schemas and a tag
    (name, description) that the operations are filed under."""
    for path, operations in (paths or {}).items():
        documented = PATHS.setdefault(path, {})
        for method, operation in operations.items():
            if method in documented:
                raise ValueError(f"{method.upper()} {path} is documented twice")
            documented[method] = {"tags": [tag[0]], **operation} if tag else operation
    for name, schema in (schemas or {}).items():
        if name in SCHEMAS:
            raise ValueError(f"The schema {name} is documented twice")
        SCHEMAS[name] = schema
    if tag:
        TAGS.append({"name": tag[0], "description": tag[1]})


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def responds(schema: dict, status: int = 200, description: str = "OK") -> dict[str, Any]:
    return {str(status): {"description": description, "content": {"application/json": {"schema": schema}}}}


def page_of(name: str) -> dict[str, Any]:
    """The list envelope around items of a schema."""
    return {
        "type": "object",
        "required": ["items", "page", "per_page", "total"],
        "properties": {
            "items": {"type": "array", "items": ref(name)},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": 500},
            "total": {"type": "integer", "minimum": 0},
        },
    }


def query(name: str, description: str, schema: dict | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or STRING}


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATE_TIME = {"type": "string", "format": "date-time"}
SLUGS = {"type": "array", "items": {"type": "string"}}

PAGE_PARAMETERS = [
    query("page", "Page number, from 1", {"type": "integer", "minimum": 1, "maximum": 10_000_000, "default": 1}),
    query(
        "per_page",
        "Items per page; values over 500 are treated as 500",
        {"type": "integer", "minimum": 1, "default": 50},
    ),
]
