"""Pre-submission warnings: what an inspector would question in the co-operation evidence, listed with links so
an officer can put it right before the plan is submitted."""

from flask import Blueprint

bp = Blueprint("warnings", __name__, url_prefix="/warnings")

from engage.evidence.warnings import routes  # noqa: E402, F401
