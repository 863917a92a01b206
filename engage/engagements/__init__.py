from flask import Blueprint

bp = Blueprint("engagements", __name__, url_prefix="/engagements")

from engage.engagements import calendar_routes, routes  # noqa: E402, F401
