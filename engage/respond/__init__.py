from flask import Blueprint

bp = Blueprint("respond", __name__, url_prefix="/consult")

from engage.respond import feedback_routes, register_routes, routes  # noqa: E402, F401
