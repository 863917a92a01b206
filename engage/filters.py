"""Jinja filters and globals: dates in Europe/London, the signed-in user's permissions."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Flask, request, url_for
from flask_login import current_user
from markupsafe import Markup

from engage.permissions import has_permission

LONDON = ZoneInfo("Europe/London")


def london(value: datetime | None) -> datetime | None:
    return value.astimezone(LONDON) if value else None


def format_datetime(value: datetime | None) -> str:
    if not value:
        return ""
    local = london(value)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def format_date(value: date | datetime | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        value = london(value)
    return f"{value.day} {value:%B %Y}"


def url_with(**changes) -> str:
    """The current page's URL with some query arguments changed (None removes one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = [value]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def multiline(text: str) -> Markup:
    """Text someone typed, escaped, with its line breaks kept as <br>."""
    return Markup("<br>").join((text or "").splitlines())


def register(app: Flask) -> None:
    app.add_template_filter(multiline, "multiline")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(format_date, "date")
    app.add_template_global(url_with)

    @app.context_processor
    def inject_permissions():
        return {
            "can": lambda permission: has_permission(current_user, permission),
            "service_name": app.config["SERVICE_NAME"],
        }
