"""Reading requests and writing responses the same way in every endpoint.

- `Problem(status, detail, errors)`: raise it anywhere in a view to answer with problem+json.
- `parse_json_body(Model)`: the JSON object sent, checked by the Input model (a 422 before any write), as the dict
  of the fields sent that the services take. `MESSAGES` turns the model's errors into the messages people read.
- `page_args()`, `paginated_response(query_or_page, Model)`: the list envelope of the Output model.
- `find_or_404(Model, id)`: the row, or a 404 problem (also for ids too large for the database).
A `ValidationError` from a service becomes a 422 problem with its field errors (see engage/api/__init__.py).
"""

import json
from typing import Any

import pydantic
from flask import jsonify, request
from sqlalchemy import Select

from engage.api.schemas import page_of
from engage.common.dates import EARLIEST_YEAR, LATEST_YEAR
from engage.common.pagination import MAX_PER_PAGE, Page, paginate
from engage.common.schemas import MAX_ID, Input, Output, is_storable
from engage.common.validation import ValidationError
from engage.errors import problem
from engage.extensions import db

DEFAULT_PER_PAGE = 50
MAX_PAGE = 10_000_000
# What people read when a field sent has the wrong type, by the error type of the Input model (engage.common.schemas).
# {label} is the field's name in words ("Do not contact"), {field} the name as sent; the others come with the error.
MESSAGES = {
    "extra_forbidden": "{field} is not a field you can set",
    "string_type": "{label} must be text",
    "text": "{label} must be text",
    "bool_type": "{label} must be true or false",
    "int_type": "{label} must be a whole number",
    "less_than_equal": "{label} must be a whole number",
    "greater_than_equal": "{label} must be a whole number, 1 or more",
    "text_list": '{label} must be a list of text values, like ["a", "b"]',
    "id_list": "{label} must be a list of whole numbers, like [1, 2]",
    "object_list": "{label} must be a list of objects, like {like}",
    "object": "{label} must be an object with {fields} and so on",
    "date": "{label} must be a date in the format YYYY-MM-DD",
    "date_time": "{label} must be a date and time with an offset, like 2026-03-01T10:00:00+00:00",
    "date_range": f"{{label}} must be in the years {EARLIEST_YEAR} to {LATEST_YEAR}",
    "time": "{label} must be a time in the 24-hour clock, like 14:30",
    "field_message": "{message}",  # a rule's own message, shared with the pages (engage.engagements.links)
    "dict_type": '{label} must be an object of names and values, like {{"name": "value"}}',
}
UNEXPECTED = "{label} is not valid"


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


def label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def parse_json_body(model: type[Input]) -> dict[str, Any]:
    """The fields sent in the request's JSON object, checked by `model`: unknown fields and wrong types are a 422;
    the fields the API returns but nobody sets are dropped, so a fetched record can be sent back."""
    if not request.is_json:
        raise Problem(415, "Send the body as JSON with the header Content-Type: application/json")
    try:
        data = json.loads(request.get_data())
    except (ValueError, RecursionError) as error:
        raise Problem(400, "The body is not valid JSON") from error
    if not isinstance(data, dict):
        raise Problem(422, 'The body must be a JSON object, like {"name": "value"}')
    return validate_body(model, data)


def validate_body(model: type[Input], data: dict[str, Any]) -> dict[str, Any]:
    try:
        return model.model_validate(data).values()
    except pydantic.ValidationError as error:
        raise ValidationError(field_errors(error)) from error


def field_errors(error: pydantic.ValidationError) -> dict[str, list[str]]:
    """{field: [message]}, one message a field. A field inside a list is keyed like a form's (actions-0-owner), a
    field inside an object with a dot (respondent.email)."""
    errors: dict[str, list[str]] = {}
    for found in error.errors():
        location = found["loc"] or ("body",)
        key = str(location[0])
        for before, part in zip(location, location[1:], strict=False):
            key += f"-{part}" if isinstance(part, int) or isinstance(before, int) else f".{part}"
        field = next(str(part) for part in reversed(location) if isinstance(part, str))
        message = MESSAGES.get(found["type"], UNEXPECTED)
        errors.setdefault(key, [message.format(field=field, label=label(field), **found.get("ctx", {}))])
    return errors


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


def paginated_response(query_or_page: Select | Page, model: type[Output], count_query: Select | None = None):
    """{"items", "page", "per_page", "total"} for a select() of rows (paged by ?page=&per_page=) or a Page, each item
    as the Output `model` (`model.of(item)`)."""
    page = query_or_page
    if not isinstance(page, Page):
        page = paginate(query_or_page, *page_args(), count_query=count_query)
    items = [model.of(item) for item in page.items]
    envelope = page_of(model)(items=items, page=page.page, per_page=page.per_page, total=page.total)
    return jsonify(envelope.model_dump(mode="json"))


def query_arg(name: str, maximum: int = 200) -> str:
    """A query-string value, trimmed; a 422 when it holds characters no database column can."""
    value = request.args.get(name, "").strip()
    if not is_storable(value):
        raise ValidationError({name: [f"{label(name)} must be text"]})
    return value[:maximum]


def find_or_404(model, object_id: int, noun: str = ""):
    found = db.session.get(model, object_id) if 0 < object_id <= MAX_ID else None
    if found is None:
        raise Problem(404, f"There is no {noun or model.__tablename__.replace('_', ' ')} with the id {object_id}")
    return found
