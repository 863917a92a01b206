from flask import Blueprint

bp = Blueprint("engagements", __name__, url_prefix="/engagements", cli_group=None)  # commands at the top level

from engage.engagements import calendar_routes, reminders, routes  # noqa: E402, F401
