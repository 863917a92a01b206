"""Officers' work on a consultation's representations after the deadline: themes and tags, suggested themes, main
issues linked by selection, responses, progress, and publishing "You said, we did"."""

from flask import Blueprint

bp = Blueprint("themes", __name__, url_prefix="/themes")

from engage.themes import issue_routes, routes, suggestion_routes  # noqa: E402, F401
