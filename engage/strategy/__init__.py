from flask import Blueprint

bp = Blueprint("strategy", __name__, url_prefix="/strategy")

from engage.strategy import routes  # noqa: E402, F401
