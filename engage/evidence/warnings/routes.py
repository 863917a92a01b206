"""The pre-submission warnings page."""

from flask import render_template

from engage.evidence.common_ground import checks as scg_checks
from engage.evidence.warnings import bp, queries
from engage.permissions import VIEW, require_permission


@bp.route("/")
@require_permission(VIEW)
def index():
    return render_template(
        "evidence/warnings/index.html",
        late_matters=queries.late_matters(),
        incomplete=queries.incomplete_held(),
        objections=queries.duty_objections(),
        past_planned=queries.past_planned(),
        statements=scg_checks.statement_warnings(),
        limit=queries.LIMIT,
    )
