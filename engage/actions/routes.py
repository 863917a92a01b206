"""Follow-up actions by owner authority, overdue ones first; marking one done."""

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect
from wtforms import BooleanField, SelectField

from engage.actions import bp
from engage.common.dates import LONDON
from engage.common.forms import QueryForm
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.engagements import queries, services
from engage.engagements.forms import choices
from engage.engagements.lookups import FormLookups
from engage.extensions import db
from engage.models import Action
from engage.permissions import EDIT, VIEW, require_permission
from engage.vocab import ActionStatus

PER_PAGE = 100


class ActionFilterForm(QueryForm):
    owner = SelectField("Owner", widget=GovSelect(), validate_choice=False)
    status = SelectField("Status", widget=GovSelect(), validate_choice=False)
    overdue = BooleanField("Only overdue actions", widget=GovCheckboxInput(), false_values=("", "false"))


@bp.route("/")
@require_permission(VIEW)
def index():
    today = datetime.now(LONDON).date()
    args = request.args.to_dict()
    if "status" not in args and "owner" not in args and "overdue" not in args:
        args["status"] = "open"
    filters = queries.ActionFilters.from_args(args)
    page = paginate(queries.actions_query(filters, today), parse_int(request.args.get("page"), 1), PER_PAGE)
    form = ActionFilterForm(data={"owner": filters.owner, "status": filters.status, "overdue": filters.overdue})
    form.owner.choices = choices([(a.code, a.name) for a in FormLookups().authorities], "All authorities")
    form.status.choices = ActionStatus.choices("Any status")
    problems = form.show_problems(queries.action_filter_problems(args))
    overdue_count = db.session.scalar(
        queries.count_of(queries.actions_query(queries.ActionFilters(owner=filters.owner, overdue=True), today))
    )
    return render_template(
        "actions/index.html",
        page=page,
        actions=page.items,
        filters=filters,
        filter_form=form,
        error_list=problems,
        today=today,
        overdue_count=overdue_count,
        show_engagement=True,
    )


@bp.route("/<int:action_id>", methods=["POST"])
@require_permission(EDIT)
def update(action_id):
    action = db.session.get(Action, action_id) or abort(404)
    try:
        services.set_action_status(action, request.form.get("status", ""), user=current_user)
    except ValidationError:
        flash("Select open, done or cancelled")
    else:
        flash("Action marked as " + action.status, "success")
    if action.engagement_id and request.referrer and "/engagements/" in request.referrer:
        return redirect(url_for("engagements.show", engagement_id=action.engagement_id, _anchor="actions"))
    return redirect(url_for("actions.index"))
