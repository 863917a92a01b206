"""The evidence index: the outputs an officer can open or download."""

from flask import render_template

from engage.evidence import bp
from engage.permissions import VIEW, require_permission


@bp.route("/")
@require_permission(VIEW)
def index():
    return render_template("evidence/index.html")
