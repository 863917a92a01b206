"""The evidence dashboard: charts of engagement for a period, each with the table of its numbers."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")

from engage.evidence.dashboard import routes  # noqa: E402, F401
