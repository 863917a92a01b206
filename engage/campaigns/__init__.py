"""Campaigns: groups of near-identical representations, found by a background job (grouping.py, with the
text comparison in similarity.py) and confirmed, named, split and merged by officers (services.py)."""

from flask import Blueprint

bp = Blueprint("campaigns", __name__, url_prefix="/consultations")

from engage.campaigns import routes  # noqa: E402, F401
