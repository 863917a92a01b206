from flask import Blueprint

bp = Blueprint("consultations", __name__, url_prefix="/consultations")

from engage.consultations import invitation_routes as invitations  # noqa: E402, F401
from engage.consultations import representation_routes as intake  # noqa: E402, F401
from engage.consultations import routes  # noqa: E402, F401
from engage.consultations import upload_routes as uploads  # noqa: E402, F401
