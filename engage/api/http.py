"""Reading requests and writing responses the same way in every endpoint.

- `Problem(status, detail, errors)`: raise it anywhere in a view to answer with problem+json.
- `parse_json_body(fields, read_only)`: the JSON object sent, its field types checked (422 before any write).
- `page_args()`, `paginated_response(query_or_page, serializer)`: the list envelope.
- `find_or_404(Model, id)`: the row, or a 404 problem (also for ids too large for the database).
- `parse_date`, `parse_datetime`: ISO 8601 strings from JSON into Python values, or a 422.
A `ValidationError` from a service becomes a 422 problem with its field errors (see engage/api/__init__.py).
"""

import json
from datetime import date, datetime
from typing import Any

from flask import jsonify, request
from sqlalchemy import Select

from engage.common.pagination import MAX_PER_PAGE, Page, paginate
from engage.common.validation import ValidationError
from engage.errors import problem
from engage.extensions import db

DEFAULT_PER_PAGE = 50
MAX_PAGE = 10_000_000
MAX_ID = 2**31 - 1

# Field kinds for request bodies: how each is checked, what the message says and what OpenAPI documents.
KINDS: dict[str, tuple[Any, str, dict]] = {
    "string": (lambda v: _is_text(v), "{label} must be text", {"type": "string"}),
    "string?": (lambda v: v is None or _is_text(v), "{label} must be text", {"type": ["string", "null"]}),
    "boolean": (lambda v: isinstance(v, bool), "{label} must be true or false", {"type": "boolean"}),
    "integer": (lambda v: _is_id(v), "{label} must be a whole number", {"type": "integer"}),
    "integer?": (lambda v: v is None or _is_id(v), "{label} must be a whole number", {"type": ["integer", "null"]}),
    "strings": (
        lambda v: isinstance(v, list) and all(_is_text(i) for i in v),
        '{label} must be a list of text values, like ["a", "b"]',
        {"type": "array", "items": {"type": "string"}},
    ),
    "integers": (
        lambda v: isinstance(v, list) and all(_is_id(i) for i in v),
        "{label} must be a list of whole numbers, like [1, 2]",
        {"type": "array", "items": {"type": "integer"}},
    ),
}


class Problem(Exception):
    """An answer other than success, as application/problem+json."""

    def __init__(self, status: int, detail: str = "", errors: dict[str, list[str]] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors


def handle_problem(error: Problem):
    return problem(error.status, error.detail, error.errors)


def handle_validation_error(error: ValidationError):
    return problem(422, "Some of the values are not valid. Correct them and try again.", error.errors)


def _is_text(value: Any) -> bool:
    """A string the database can store: no NUL character and no lone surrogate."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -MAX_ID <= value <= MAX_ID


def label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def parse_json_body(fields: dict[str, str] | None = None, read_only: tuple[str, ...] = ()) -> dict[str, Any]:
    """The request's JSON object. With `fields` ({name: kind}), unknown fields and wrong types are a 422;
    fields in `read_only` (those a GET returns but nobody sets) are dropped, so a fetched record can be sent back."""
    if not request.is_json:
        raise Problem(415, "Send the body as JSON with the header Content-Type: application/json")
    try:
        data = json.loads(request.get_data())
    except (ValueError, RecursionError) as error:
        raise Problem(400, "The body is not valid JSON") from error
    if not isinstance(data, dict):
        raise Problem(422, 'The body must be a JSON object, like {"name": "value"}')
    if fields is None:
        return data
    return check_fields(data, fields, read_only)


def check_fields(data: dict[str, Any], fields: dict[str, str], read_only: tuple[str, ...] = ()) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        if name in read_only:
            continue
        if name not in fields:
            errors[name] = [f"{name} is not a field you can set"]
            continue
        is_valid, message, _ = KINDS[fields[name]]
        if not is_valid(value):
            errors[name] = [message.format(label=label(name))]
    if errors:
        raise ValidationError(errors)
    return {name: value for name, value in data.items() if name in fields}


def input_schema(
    fields: dict[str, str], required: tuple[str, ...] = (), read_only: tuple[str, ...] = (), **extras: dict
) -> dict[str, Any]:
    """The OpenAPI schema of a request body checked with these fields; `extras` add enum, maxLength and so on."""
    properties = {name: {**KINDS[kind][2], **extras.get(name, {})} for name, kind in fields.items()}
    properties.update({name: {"readOnly": True, "description": "Ignored when sent"} for name in read_only})
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def _int_arg(name: str, default: int, maximum: int, errors: dict) -> int:
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    digits = raw.lstrip("0")
    if not (raw.isascii() and raw.isdigit()) or not digits:
        errors[name] = [f"{label(name)} must be a whole number, 1 or more"]
        return default
    return maximum if len(digits) > 12 else min(int(digits), maximum)


def page_args() -> tuple[int, int]:
    """?page= and ?per_page=: whole numbers from 1 (422 otherwise); per_page over 500 counts as 500."""
    errors: dict[str, list[str]] = {}
    page = _int_arg("page", 1, MAX_PAGE + 1, errors)
    per_page = _int_arg("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE, errors)
    if page > MAX_PAGE:
        errors["page"] = [f"Page must be {MAX_PAGE:,} or less"]
    if errors:
        raise ValidationError(errors)
    return page, per_page


def page_of_list(items: list) -> Page:
    """A page of a short list already in memory (reference data)."""
    page, per_page = page_args()
    start = (page - 1) * per_page
    return Page(items=items[start : start + per_page], page=page, per_page=per_page, total=len(items))


def paginated_response(query_or_page: Select | Page, serializer, count_query: Select | None = None):
    """{"items", "page", "per_page", "total"} for a select() of rows (paged by ?page=&per_page=) or a Page."""
    page = query_or_page
    if not isinstance(page, Page):
        page = paginate(query_or_page, *page_args(), count_query=count_query)
    return jsonify(
        items=[serializer(item) for item in page.items], page=page.page, per_page=page.per_page, total=page.total
    )


def query_arg(name: str, maximum: int = 200) -> str:
    """A query-string value, trimmed; a 422 when it holds characters no database column can."""
    value = request.args.get(name, "").strip()
    if not _is_text(value):
        raise ValidationError({name: [f"{label(name)} must be text"]})
    return value[:maximum]


def find_or_404(model, object_id: int, noun: str = ""):
    found = db.session.get(model, object_id) if 0 < object_id <= MAX_ID else None
    if found is None:
        raise Problem(404, f"There is no {noun or model.__tablename__.replace('_', ' ')} with the id {object_id}")
    return found


def parse_date(value: Any, field: str) -> date | None:
    """'2026-03-01' -> date; None for null or ''. Raises ValidationError naming the field."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ValidationError({field: [f"{label(field)} must be a date in the format YYYY-MM-DD"]}) from error


def parse_datetime(value: Any, field: str) -> datetime | None:
    """ISO 8601 with an offset ('2026-03-01T10:00:00+00:00' or '...Z') -> aware datetime; None for null or ''."""
    if value in (None, ""):
        return None
    message = f"{label(field)} must be a date and time with an offset, like 2026-03-01T10:00:00+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ValidationError({field: [message]}) from error
    if parsed.tzinfo is None:
        raise ValidationError({field: [message]})
    return parsed
