"""Error pages for people and problem+json for the API.

On the public consultation pages (/consult/…) an error page keeps the public layout and leads back to the
consultation, or to the list of consultations, never to the officers' site.

When the database cannot be reached or the connection is lost in the middle of a request (a restart, a failover, a
full connection pool), the answer is a 503 that says to try again, with Retry-After, never a 500. Nothing was
committed by that request (writes commit last), and the next request gets a fresh connection: the pool checks each
one before use (pool_pre_ping) and drops every connection it had once one of them has been lost."""

import logging
import math
import sqlite3
import time
from datetime import UTC, datetime

from flask import (
    Flask,
    current_app,
    g,
    has_request_context,
    jsonify,
    make_response,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from engage.common.dates import format_time
from engage.common.forms import UnreadableAddress
from engage.extensions import COMMIT_LATER, db, limiter, login_manager

log = logging.getLogger(__name__)

TITLES = {
    400: "Sorry, there is a problem with your request",
    401: "You need to sign in",
    403: "You do not have permission to see this page",
    404: "Page not found",
    405: "Sorry, that is not allowed",
    409: "Someone else saved the same thing at the same moment",
    413: "The file is too large",
    422: "There is a problem with your request",
    429: "Too many requests",
    500: "Sorry, there is a problem with the service",
    503: "Sorry, the service is unavailable",
}
CSRF_MESSAGE = "Your session timed out or the form was out of date. Go back, refresh the page and try again."
CONFLICT_MESSAGE = (
    "Nothing was saved: it clashed with a record saved a moment before (the same web address, slug or reference). "
    "Go back, check and try again."
)
UNAVAILABLE_RETRY_AFTER = 30  # seconds: a database restart or failover takes about this long
UNAVAILABLE_TITLE = "Sorry, there is a problem with the service"
UNAVAILABLE_MESSAGE = "Try again in a minute."
UNAVAILABLE_PUBLIC_MESSAGE = (
    "Try again in a minute. The answers you gave on earlier pages are kept. If you were sending your response, "
    "sending it again will not send it twice."
)
UNAVAILABLE_DETAIL = (
    "The service could not reach its database. Nothing was saved by this request. Try again in a minute: "
    "send the same Idempotency-Key so that a write is not made twice."
)


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
    if wants_json() and isinstance(error, UnreadableAddress):
        return problem(
            422, "Some of the values are not valid. Correct them and try again.", {error.parameter: [error.description]}
        )
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
    if isinstance(error, UnreadableAddress):
        message = error.description
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
    again = form_again()
    if again is not None:
        return again, 400
    page = render_template(
        "errors/error.html", status=400, title=TITLES[400], message=CSRF_MESSAGE, link=public_link(400)
    )
    return page, 400


def form_again():
    """After a CSRF failure on a page that shows a form (it answers GET too), the same page again, with what was
    typed and the CSRF message in its error summary (engage.common.forms.BaseForm), or None when the view answers
    anything but a page. The view runs with every commit turned into a flush and rolled back after, and its flashed
    messages dropped, so nothing it does is kept: its forms fail validation and nothing is written."""
    rule = request.url_rule
    view = current_app.view_functions.get(request.endpoint or "")
    if request.method != "POST" or rule is None or "GET" not in (rule.methods or ()) or view is None:
        return None
    flashes = session.get("_flashes")
    g.csrf_failed = True
    database = db.session()
    database.info[COMMIT_LATER] = True
    try:
        response = make_response(view(**(request.view_args or {})))
    except HTTPException:
        response = None
    finally:
        database.info.pop(COMMIT_LATER, None)
        db.session.rollback()
        session.pop("_flashes", None)
        if flashes is not None:
            session["_flashes"] = flashes
    if response is None or response.status_code != 200 or response.mimetype != "text/html":
        return None
    return response


def database_unavailable(error: Exception) -> bool:
    """The database could not be reached, the connection was lost, or it asked for the transaction to be tried
    again (deadlock, lock or statement timeout), as opposed to a mistake in the request or the code. On SQLite,
    whose OperationalError also means "no such table", only a locked database counts."""
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return True
    if isinstance(error, OperationalError):
        return not isinstance(error.orig, sqlite3.Error) or "locked" in str(error.orig)
    return False


def handle_database_error(error: Exception):
    """503 "try again" for a database that is down or a lost connection; 409 for a write that broke a unique rule
    in the moment after the service checked it (two requests at once), with nothing saved; any other database error
    is re-raised and becomes a 500."""
    if isinstance(error, IntegrityError):
        return conflict(error)
    if not database_unavailable(error):
        raise error
    cause = getattr(error, "orig", None) or error
    log.warning("Database unavailable (%s) in %s: answered 503", type(cause).__name__, request.endpoint)
    headers = {"Retry-After": str(UNAVAILABLE_RETRY_AFTER)}
    if wants_json():
        response = problem(503, UNAVAILABLE_DETAIL)
        response.headers.update(headers)
        return response
    # The page must not need the database: the signed-in officer may be what could not be loaded, and anything
    # loaded before the failure may be expired. The header shows no account links for this one page.
    g._login_user = login_manager.anonymous_user()
    link = public_link(503)
    message = UNAVAILABLE_PUBLIC_MESSAGE if link else UNAVAILABLE_MESSAGE
    page = render_template("errors/error.html", status=503, title=UNAVAILABLE_TITLE, message=message, link=link)
    return page, 503, headers


def conflict(error: IntegrityError):
    db.session.rollback()
    log.warning("Write refused by a database constraint in %s: answered 409", request.endpoint)
    if wants_json():
        return problem(409, CONFLICT_MESSAGE)
    page = render_template("errors/error.html", status=409, title=TITLES[409], message=CONFLICT_MESSAGE, link=None)
    return page, 409


def end_session(_exception: BaseException | None = None) -> None:
    """Close the request's database session when the app context ends (before Flask-SQLAlchemy's own teardown,
    which then has nothing left to do). If the connection was lost after the answer was ready, the rollback that
    closes a read fails: the answer stands, the lost connection is discarded and the failure logged, where it would
    otherwise have turned a page already rendered into a 500."""
    try:
        db.session.remove()
    except DBAPIError as error:
        if not database_unavailable(error):
            raise
        where = request.endpoint if has_request_context() else "a command or job"
        log.warning("Database connection lost at the end of %s: discarded", where)
        db.session.remove()


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(DBAPIError, handle_database_error)
    app.register_error_handler(PoolTimeout, handle_database_error)
    app.teardown_appcontext(end_session)
