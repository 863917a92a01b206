"""Plan pages: the plans, setting one up, its details and partners, its stages' dates, authorities to partner with,
and the plan and its timetable as planning data CSV."""

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Plan
from engage.permissions import ADMIN, EDIT, VIEW, require_permission
from engage.plans import bp, opendata, queries, services
from engage.plans.forms import AuthorityForm, PlanForm, stage_changes, stages_form


def plan_or_404(plan_id: int) -> Plan:
    plan = db.session.get(Plan, plan_id) if plan_id < 2**31 else None
    if plan is None:
        abort(404)
    return plan


@bp.route("/")
@require_permission(VIEW)
def index():
    return render_template("plans/index.html", plans=queries.all_plans(), routes=queries.routes())


@bp.route("/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new():
    form = PlanForm()
    form.set_authorities(queries.all_authorities())
    if form.validate_on_submit():
        try:
            plan = services.create_plan(form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Plan set up: now give its stages their predicted dates", "success")
            return redirect(url_for("plans.stages", plan_id=plan.id))
    return render_template("plans/new.html", form=form)


@bp.route("/<int:plan_id>")
@require_permission(VIEW)
def show(plan_id):
    plan = plan_or_404(plan_id)
    return render_template("plans/show.html", plan=plan, route=queries.route_template(plan.route))


@bp.route("/<int:plan_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(plan_id):
    plan = plan_or_404(plan_id)
    form = PlanForm(data=PlanForm.initial(plan))
    form.set_authorities(queries.all_authorities())
    if form.validate_on_submit():
        try:
            services.update_plan(plan, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Plan updated", "success")
            return redirect(url_for("plans.show", plan_id=plan.id))
    return render_template("plans/edit.html", form=form, plan=plan)


@bp.route("/<int:plan_id>/stages", methods=["GET", "POST"])
@require_permission(EDIT)
def stages(plan_id):
    plan = plan_or_404(plan_id)
    form = stages_form(plan)
    if form.validate_on_submit():
        try:
            services.update_stages(plan, stage_changes(form, plan), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Stage dates saved", "success")
            return redirect(url_for("plans.show", plan_id=plan.id))
    return render_template("plans/stages.html", form=form, plan=plan)


@bp.route("/authorities/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new_authority():
    form = AuthorityForm(data={"kind": "partner"})
    if form.validate_on_submit():
        try:
            authority = services.add_authority(form.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{authority.name} added: it can now be a plan's partner", "success")
            return redirect(url_for("plans.index"))
    return render_template("plans/new_authority.html", form=form)


@bp.route("/<int:plan_id>/plan.csv")
@require_permission(VIEW)
def plan_csv(plan_id):
    plan = plan_or_404(plan_id)
    return _csv(opendata.plan_csv(plan), f"{plan.slug}-plan.csv")


@bp.route("/<int:plan_id>/plan-timetable.csv")
@require_permission(VIEW)
def timetable_csv(plan_id):
    plan = plan_or_404(plan_id)
    return _csv(opendata.timetable_csv(plan), f"{plan.slug}-plan-timetable.csv")


def _csv(text: str, filename: str) -> Response:
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
