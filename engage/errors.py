"""Error pages for people and problem+json for the API.

On the public consultation pages (/consult/…) an error page keeps the public layout and leads back to the
consultation, or to the list of consultations, never to the officers' site."""

import math
import time
from datetime import UTC, datetime

from flask import Flask, jsonify, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from engage.common.dates import format_time
from engage.extensions import limiter

TITLES = {
    400: "Sorry, there is a problem with your request",
    401: "You need to sign in",
    403: "You do not have permission to see this page",
    404: "Page not found",
    405: "Sorry, that is not allowed",
    413: "The file is too large",
    422: "There is a problem with your request",
    429: "Too many requests",
    500: "Sorry, there is a problem with the service",
    503: "Sorry, the service is unavailable",
}
CSRF_MESSAGE = "Your session timed out or the form was out of date. Go back, refresh the page and try again."


def wants_json() -> bool:
    return request.path.startswith("/api/")


def problem(status: int, detail: str = "", errors: dict | None = None, title: str | None = None):
    body = {
        "type": "about:blank",
        "title": title or TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def public_link(status: int) -> dict[str, str] | None:
    """Where an error page on the public consultation pages leads: back to the consultation the address named, or
    to the list of consultations (also for a 404, whose consultation may not exist). None on the officers' site."""
    if request.blueprint != "respond" and not request.path.startswith("/consult/"):
        return None
    slug = (request.view_args or {}).get("slug") if request.blueprint == "respond" else None
    if slug and status != 404:
        return {"href": url_for("respond.show", slug=slug), "text": "Go back to the consultation"}
    return {"href": url_for("respond.index"), "text": "Go to the list of consultations"}


def retry_after_seconds() -> int:
    """Seconds until the rate limit this request broke lets the address in again (60 when the limiter cannot say)."""
    breached = limiter.current_limit
    if breached is None:
        return 60
    return max(1, math.ceil(breached.reset_at - time.time()))


def rate_limited_message(seconds: int) -> str:
    again = format_time(datetime.fromtimestamp(time.time() + seconds, UTC))
    wait = f"{seconds} second{'' if seconds == 1 else 's'}" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes"
    return (
        f"There have been too many attempts from your internet connection in a short time. The answers you have "
        f"given so far are kept. Wait {wait} and try again after {again} (UK time)."
    )


def handle_http_error(error: HTTPException):
    status = error.code or 500
    if wants_json():
        response = problem(status, error.description or "")
        for name, value in error.get_headers():  # e.g. Allow on a 405
            if name.lower() != "content-type":
                response.headers[name] = value
        if status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response
    link = public_link(status)
    headers = {}
    message = None
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if status == 429:
        seconds = retry_after_seconds()
        headers["Retry-After"] = str(seconds)
        message = rate_limited_message(seconds) if link else None
    page = render_template(
        "errors/error.html", status=status, title=TITLES.get(status, "Error"), error=error, message=message, link=link
    )
    return page, status, headers


def handle_csrf_error(error: CSRFError):
    if wants_json():
        return problem(400, "The CSRF token is missing or invalid")
    page = render_template(
        "errors/error.html", status=400, title=TITLES[400], message=CSRF_MESSAGE, link=public_link(400)
    )
    return page, 400


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
