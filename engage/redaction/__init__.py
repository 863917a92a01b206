"""Redaction and publication: officers redact personal data from representations (text spans and redacted copies
of files), review each one, and publish the consultation's public register."""

from flask import Blueprint

bp = Blueprint("redaction", __name__, url_prefix="/redaction")

from engage.redaction import publication_routes, routes  # noqa: E402, F401
