from flask import Blueprint

bp = Blueprint("stakeholders", __name__, url_prefix="/stakeholders")

from engage.stakeholders import import_routes, routes  # noqa: E402, F401
