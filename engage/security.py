"""The security headers of every response, set in one place.

Scripts run only from this site or with the request's nonce (`cspNonce` in templates: govuk-frontend-jinja's
template puts it on its one inline script). Styles come from this site; style attributes stay allowed because the
dashboard's SVG charts carry matplotlib's. No page may be framed. HSTS is sent when HSTS_SECONDS is set
(production). A view may set a stricter Referrer-Policy of its own (the password reset page does).
"""

import secrets

from flask import Flask, Response, current_app, g

REFERRER_POLICY = "strict-origin-when-cross-origin"


def csp_nonce() -> str:
    """This request's nonce, made the first time a template or the header asks for it."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy(nonce: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": f"'self' 'nonce-{nonce}'",
        "style-src": "'self'",
        "style-src-attr": "'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(csp_nonce())
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers.setdefault("Referrer-Policy", REFERRER_POLICY)
    seconds = current_app.config.get("HSTS_SECONDS")
    if seconds:
        headers["Strict-Transport-Security"] = f"max-age={seconds}; includeSubDomains"
    return response


def register(app: Flask) -> None:
    app.after_request(add_security_headers)
    app.context_processor(lambda: {"cspNonce": csp_nonce()})
