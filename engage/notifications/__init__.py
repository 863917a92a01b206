"""Telling respondents who asked to be notified of the plan's submission, the Inspector's report and adoption."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

from engage.notifications import routes  # noqa: E402, F401
