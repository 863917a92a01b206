from flask import Blueprint

bp = Blueprint("consultations", __name__, url_prefix="/consultations")

from engage.consultations import intake, invitations, routes  # noqa: E402, F401
