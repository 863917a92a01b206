"""The OpenAPI document's parts: each API module declares its paths here, beside its views.

`document(paths=..., tag=...)` collects them at import time; `engage.api.openapi` assembles the document and fills
in what the routes already say (operationId, security, path parameters, the Idempotency-Key header and the
standard error responses), so a fragment only needs a summary, query parameters, bodies and the success response.
Bodies and responses name pydantic models (`json_body(Model)`, `responds(Model)`, `page_of(Model)`): every model
named becomes a component schema, generated from the model (see `components()`), never written by hand.
"""

import functools
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from engage.api import schemas
from engage.common.schemas import ApiJsonSchema, Input, Output

PATHS: dict[str, dict[str, dict[str, Any]]] = {}
MODELS: dict[str, type[BaseModel]] = {}
TAGS: list[dict[str, str]] = []
REF_TEMPLATE = "#/components/schemas/{model}"


def document(paths: dict[str, dict[str, dict]] | None = None, tag: tuple[str, str] | None = None) -> None:
    """Add operations (keyed by path relative to /api/v1, then method) and a tag (name, description) that the
    operations are filed under."""
    for path, operations in (paths or {}).items():
        documented = PATHS.setdefault(path, {})
        for method, operation in operations.items():
            if method in documented:
                raise ValueError(f"{method.upper()} {path} is documented twice")
            documented[method] = {"tags": [tag[0]], **operation} if tag else operation
    if tag:
        TAGS.append({"name": tag[0], "description": tag[1]})


def ref(model: type[BaseModel]) -> dict[str, str]:
    """A reference to the model's component schema (the model becomes one)."""
    name = model.__name__
    if MODELS.setdefault(name, model) is not model:
        raise ValueError(f"Two models are called {name}")
    return {"$ref": REF_TEMPLATE.format(model=name)}


def components() -> dict[str, dict[str, Any]]:
    """The component schemas of every model named, and of the models inside them: outputs as they are serialised,
    inputs as they are validated."""
    return _components(tuple(MODELS.values()))


@functools.cache
def _components(models: tuple[type[BaseModel], ...]) -> dict[str, dict[str, Any]]:
    modes = [(model, "validation" if issubclass(model, Input) else "serialization") for model in models]
    _, generated = models_json_schema(modes, ref_template=REF_TEMPLATE, schema_generator=ApiJsonSchema)
    return generated["$defs"]


def json_body(model: type[Input]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": ref(model)}}}


def responds(model: type[Output], status: int = 200, description: str = "OK") -> dict[str, Any]:
    return {str(status): {"description": description, "content": {"application/json": {"schema": ref(model)}}}}


def page_of(model: type[Output]) -> dict[str, Any]:
    """The 200 response of a list of the model: the envelope {"items", "page", "per_page", "total"}."""
    return responds(schemas.page_of(model))


def query(name: str, description: str, schema: dict | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or STRING}


STRING = {"type": "string"}

PAGE_PARAMETERS = [
    query("page", "Page number, from 1", {"type": "integer", "minimum": 1, "maximum": 10_000_000, "default": 1}),
    query(
        "per_page",
        "Items per page; values over 500 are treated as 500",
        {"type": "integer", "minimum": 1, "default": 50},
    ),
]
