"""The base classes of every form, so that what no form may take is refused in one place.

A NUL character cannot be stored by PostgreSQL, a lone surrogate cannot be written as UTF-8, and U+FFFD is what
bytes that were not UTF-8 become when the request is read: text holding any of them, in any field or in the name of
an uploaded file, gets a message next to its field, and the form is shown again with what was typed. In a web
address they are a 404 (in the path) or a 400 page (in the query string)."""

import re
from typing import Any

from flask import abort, g, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import BadRequest
from wtforms import Form

UNREADABLE = re.compile("[\x00\ud800-\udfff\ufffd]")


def is_readable(value: Any) -> bool:
    """False for text (or an uploaded file's name) holding a NUL character, a lone surrogate or U+FFFD."""
    if isinstance(value, FileStorage):
        value = value.filename or ""
    return not isinstance(value, str) or UNREADABLE.search(value) is None


def unreadable_message(label: str) -> str:
    return f"{label} must not include a NUL character or characters that could not be read. Remove them and try again"


def refuse_unreadable(form: Form) -> bool:
    """Put the message on every field whose submitted value has an unreadable character, in place of any other
    message about it (the text cannot be checked further); True when none has."""
    readable = True
    for field in form:
        if not all(is_readable(value) for value in field.raw_data or ()):
            field.errors = [unreadable_message(field.label.text or field.name)]
            readable = False
    return readable


CSRF_AGAIN = (
    "Your session timed out or the form was out of date, so nothing was saved. Check your answers and send the "
    "form again"
)


class BaseForm(FlaskForm):
    """Every form that is posted (CSRF checked by Flask-WTF). After a CSRF failure the page is shown again
    (engage.errors.form_again) and the form says why, keeping what was typed."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        readable = refuse_unreadable(self)
        if g.get("csrf_failed"):
            field = self._fields.get("csrf_token") or next(iter(self._fields.values()))
            field.errors = [CSRF_AGAIN]
            return False
        return readable and valid


class QueryForm(Form):
    """Every form read from a query string, such as the filters of a list page."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return refuse_unreadable(self) and valid

    def show_problems(self, problems: dict[str, list[str]]) -> list[dict[str, str]]:
        """Put each filter's problems next to it; the error summary items ({text, href}) for the page."""
        listed = []
        for name, messages in problems.items():
            field = self._fields.get(name)
            if field is not None:
                field.errors = [*field.errors, *messages]
            listed += [{"text": message, "href": f"#{field.id if field else name}"} for message in messages]
        return listed


class UnreadableAddress(BadRequest):
    """A query string holding a NUL character, a lone surrogate or U+FFFD: a 400 page that says which part (the API
    answers 422 with the parameter's name as the field, as for any other value it cannot take)."""

    def __init__(self, name: str):
        super().__init__(
            f"The web address has a character that could not be read in '{name}'. Check the address and try again."
        )
        self.parameter = name


def refuse_unreadable_address() -> None:
    """Before every request: a path that holds an unreadable character matches nothing (404); a query string
    value or name that holds one is a 400 page, or problem+json from the API."""
    if UNREADABLE.search(request.path):
        abort(404)
    for name, value in request.args.items(multi=True):
        if UNREADABLE.search(name) or UNREADABLE.search(value):
            raise UnreadableAddress(name if is_readable(name) else "a name")
