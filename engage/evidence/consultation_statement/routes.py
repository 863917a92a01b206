"""Statement of consultation pages and files, and the main issues officers record for it."""

import io

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from engage.common import office
from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import bp
from engage.evidence.consultation_statement import exports as soc_exports
from engage.evidence.consultation_statement import queries as soc_queries
from engage.evidence.consultation_statement import representations as soc_representations
from engage.evidence.consultation_statement import services as soc_services
from engage.evidence.consultation_statement.forms import MainIssueForm, ScopeForm
from engage.extensions import db
from engage.models import Consultation, MainIssue, utcnow
from engage.permissions import EDIT, VIEW, require_permission

MIMETYPES = {"docx": office.DOCX_MIMETYPE, "xlsx": office.XLSX_MIMETYPE}


def _scope_args(scope: soc_queries.Scope) -> dict:
    return {"plan": scope.plan.slug} if scope.plan else {"consultation": scope.consultations[0].id}


@bp.route("/consultation-statement")
@require_permission(VIEW)
def soc_show():
    form = ScopeForm(request.args)
    asked = bool(request.args.get("consultation") or request.args.get("plan"))
    scope = soc_queries.scope_from_args(request.args) if asked else None
    statement = soc_queries.build(scope) if scope else None
    return render_template(
        "evidence/consultation_statement/show.html",
        filter_form=form,
        asked=asked,
        statement=statement,
        sections=soc_exports.sections(statement) if statement else [],
        scope_args=_scope_args(scope) if scope and scope.consultations else {},
    )


@bp.route("/consultation-statement.<any(docx, xlsx):file_format>")
@require_permission(VIEW)
def soc_download(file_format):
    scope = soc_queries.scope_from_args(request.args)
    if scope is None:
        flash("Select a consultation or a plan to download its statement of consultation")
        return redirect(url_for("evidence.consultation_statement.show"))
    statement = soc_queries.build(scope, invitation_limit=None)
    write = soc_exports.docx_bytes if file_format == "docx" else soc_exports.xlsx_bytes
    now = utcnow()
    data = write(statement, soc_representations.full_representations(scope), now)
    name = f"statement-of-consultation-{now:%Y-%m-%d}.{file_format}"
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


def _back(consultation: Consultation) -> str:
    return url_for("evidence.consultation_statement.show", consultation=consultation.id) + "#main-issues"


@bp.route("/consultation-statement/<int:consultation_id>/main-issues/new", methods=["GET", "POST"])
@require_permission(EDIT)
def soc_issue_new(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = MainIssueForm()
    if form.validate_on_submit():
        try:
            soc_services.add_main_issue(consultation, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Main issue added", "success")
            return redirect(_back(consultation))
    return render_template(
        "evidence/consultation_statement/issue.html", form=form, consultation=consultation, issue=None
    )


@bp.route("/consultation-statement/main-issues/<int:issue_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def soc_issue_edit(issue_id):
    issue = db.get_or_404(MainIssue, issue_id)
    data = None
    if request.method == "GET":
        data = {
            "title": issue.title,
            "summary": issue.summary,
            "representations": soc_services.references_text(issue),
            "council_response": issue.council_response,
            "proposed_change": issue.proposed_change,
        }
    form = MainIssueForm(data=data)
    if form.validate_on_submit():
        try:
            soc_services.update_main_issue(issue, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Main issue saved", "success")
            return redirect(_back(issue.consultation))
    return render_template(
        "evidence/consultation_statement/issue.html", form=form, consultation=issue.consultation, issue=issue
    )
