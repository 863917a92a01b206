"""The public "You said, we did" page of a consultation: the main issues people raised, the council's response and
any change it proposes. Only once officers publish it; names and contact details never appear."""

from flask import abort, render_template

from engage.permissions import public
from engage.plans.queries import owner
from engage.respond import bp
from engage.themes import queries as themes_queries


@bp.route("/<slug>/you-said-we-did")
@public
def you_said_we_did(slug):
    found = themes_queries.published_feedback(slug)
    if found is None:
        abort(404)
    consultation, issues = found
    return render_template("respond/you_said_we_did.html", owner=owner(), consultation=consultation, issues=issues)
