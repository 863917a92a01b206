from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from engage.admin import reference_routes, routes  # noqa: E402, F401
