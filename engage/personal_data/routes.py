"""Personal data pages: find a person, erase a respondent (with their other responses), and download everything
held on them."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Plan, Respondent, utcnow
from engage.permissions import EDIT, require_permission
from engage.personal_data import bp, queries, services, subject_access
from engage.personal_data import retention as retaining
from engage.personal_data.forms import EraseForm, FindForm, RetentionForm


def _respondent_or_404(respondent_id: int) -> Respondent:
    return db.session.get(Respondent, respondent_id) or abort(404)


@bp.route("/")
@require_permission(EDIT)
def index():
    form = FindForm(request.args)
    found = queries.find_respondents(form.q.data or "") if form.validate() else []
    return render_template("personal_data/index.html", form=form, found=found, limit=queries.LIMIT)


@bp.route("/respondents/<int:respondent_id>/erase", methods=["GET", "POST"])
@require_permission(EDIT)
def erase(respondent_id):
    respondent = _respondent_or_404(respondent_id)
    if respondent.erased_at:
        flash(f"The personal data of {respondent.reference} has already been erased")
        return redirect(url_for("personal_data.index"))
    others = [r for r in queries.same_person(respondent) if r.id != respondent.id]
    form = EraseForm(data={"also": [str(r.id) for r in others]} if request.method == "GET" else None)
    form.set_others(others)
    if form.validate_on_submit():
        try:
            erased = services.erase_respondents(
                [respondent, *form.chosen_others(others)], form.to_data(), user=current_user
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            references = ", ".join(r.reference for r in erased)
            flash(f"Personal data erased ({references}). The representations and the counts are kept.", "success")
            return redirect(url_for("personal_data.index"))
    stakeholders = queries.stakeholders_of([respondent, *others])
    return render_template(
        "personal_data/erase.html", form=form, respondent=respondent, others=others, stakeholders=stakeholders
    )


@bp.route("/respondents/<int:respondent_id>/subject-access.zip")
@require_permission(EDIT)
def subject_access_file(respondent_id):
    respondent = _respondent_or_404(respondent_id)
    content = subject_access.subject_access_zip(respondent, user=current_user)
    response = Response(content, mimetype="application/zip")
    response.headers.set("Content-Disposition", "attachment", filename=f"subject-access-{respondent.reference}.zip")
    return response


@bp.route("/plans/<int:plan_id>/retention", methods=["GET", "POST"])
@require_permission(EDIT)
def retention(plan_id):
    plan = db.session.get(Plan, plan_id) or abort(404)
    form = RetentionForm(data={"retention_years": str(plan.retention_years)} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            retaining.set_retention(plan, {"retention_years": form.retention_years.data}, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Respondents’ personal data is kept for {plan.retention_years} years", "success")
            return redirect(url_for("plans.show", plan_id=plan.id))
    ended, respondents = retaining.due(plan, utcnow())
    return render_template(
        "personal_data/retention.html",
        form=form,
        plan=plan,
        ended=ended,
        due=len(respondents),
        adopted_on=retaining.adopted_on(plan),
    )
