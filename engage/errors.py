"""Error pages for people and problem+json for the API."""

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
    return render_template("errors/error.html", status=status, title=TITLES.get(status, "Error"), error=error), status


def handle_csrf_error(error: CSRFError):
    if wants_json():
        return problem(400, "The CSRF token is missing or invalid")
    message = "Your session timed out or the form was out of date. Go back, refresh the page and try again."
    return render_template("errors/error.html", status=400, title=TITLES[400], message=message), 400


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
