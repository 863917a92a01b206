"""The plans being prepared: their partner authorities, route and stages, and their open data."""

from flask import Blueprint

bp = Blueprint("plans", __name__, url_prefix="/plans")

from engage.plans import routes  # noqa: E402, F401
