"""The chronology of each strategic matter: when each body was first engaged on it and at which plan stage, every
held engagement on it in date order with its outcome and influence on the plan, and where the Statements of
Common Ground stand on it, as pages and a Word document per matter."""

from flask import Blueprint

bp = Blueprint("chronology", __name__, url_prefix="/chronology")

from engage.evidence.chronology import routes  # noqa: E402, F401
