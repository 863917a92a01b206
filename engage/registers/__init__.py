from flask import Blueprint

bp = Blueprint("registers", __name__, url_prefix="/stakeholders")

from engage.registers import import_routes, routes  # noqa: E402, F401
