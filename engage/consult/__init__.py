from flask import Blueprint

bp = Blueprint("consult", __name__, url_prefix="/consult")

from engage.consult import routes  # noqa: E402, F401
