"""A consultation's main issues with how many representations and people raise each, one main issue's
representations, publishing "You said, we did", and an officer's response to one representation."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, MainIssue
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations import services as representation_services
from engage.themes import bp, progress, queries, services
from engage.themes.forms import BulkForm, ConfirmForm, ResponseForm
from engage.themes.selection import Selection
from engage.vocab import SelectionScope

PER_PAGE = 100


def _issues_page(consultation: Consultation, form: ConfirmForm | None = None):
    return render_template(
        "themes/main_issues.html",
        consultation=consultation,
        issues=queries.issues_with_counts(consultation.id),
        publication=queries.publication(consultation),
        progress=progress.of(consultation.id),
        form=form or ConfirmForm(formdata=None),
    )


@bp.route("/consultations/<int:consultation_id>/main-issues")
@require_permission(VIEW)
def main_issues(consultation_id):
    return _issues_page(db.get_or_404(Consultation, consultation_id))


@bp.route("/consultations/<int:consultation_id>/you-said-we-did/publish", methods=["POST"])
@require_permission(EDIT)
def publish_feedback(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.publish_feedback(consultation, user=current_user)
        except ValidationError as error:
            form.submit.errors = [*form.submit.errors, *error.errors["publish"]]
        else:
            flash("“You said, we did” is published", "success")
            return redirect(url_for("themes.main_issues", consultation_id=consultation.id))
    return _issues_page(consultation, form)


@bp.route("/consultations/<int:consultation_id>/you-said-we-did/unpublish", methods=["POST"])
@require_permission(EDIT)
def unpublish_feedback(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    if ConfirmForm().validate_on_submit():
        services.unpublish_feedback(consultation, user=current_user)
        flash("“You said, we did” is no longer public", "success")
    return redirect(url_for("themes.main_issues", consultation_id=consultation.id))


@bp.route("/main-issues/<int:issue_id>")
@require_permission(VIEW)
def main_issue(issue_id):
    return _issue_page(db.get_or_404(MainIssue, issue_id))


def _issue_page(issue: MainIssue, form: BulkForm | None = None):
    page = paginate(queries.linked_representations(issue), parse_int(request.args.get("page"), 1), PER_PAGE)
    return render_template(
        "themes/main_issue.html",
        issue=issue,
        consultation=issue.consultation,
        page=page,
        people=queries.people_count(issue.id),
        form=form or BulkForm(formdata=None),
    )


@bp.route("/main-issues/<int:issue_id>/unlink", methods=["POST"])
@require_permission(EDIT)
def unlink(issue_id):
    issue = db.get_or_404(MainIssue, issue_id)
    form = BulkForm()
    if form.validate_on_submit():
        selection = Selection.of(SelectionScope.SELECTED, ids=form.representations.data or [])
        try:
            count = services.link_to_issue(issue, selection, remove=True, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{count} representation{'' if count == 1 else 's'} unlinked", "success")
            return redirect(url_for("themes.main_issue", issue_id=issue.id))
    return _issue_page(issue, form)


@bp.route("/representations/<reference>/response", methods=["GET", "POST"])
@require_permission(EDIT)
def response(reference):
    representation = representation_services.find_representation(reference)
    if representation is None:
        abort(404)
    found = queries.response_to(representation)
    form = ResponseForm(data={"text": found.text if found else ""} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            saved = services.respond(representation, form.text.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Response saved" if saved else "Response removed", "success")
            return redirect(url_for("consultations.representation", reference=representation.reference))
    return render_template(
        "themes/response.html",
        representation=representation,
        consultation=representation.consultation,
        form=form,
        response=found,
    )
