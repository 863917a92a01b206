"""Statement of consultation pages and files, the programme officer's hearing lists, and the main issues officers
record for it."""

import io

from flask import Response, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from engage.common import office
from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import bp, heard, heard_exports
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
def show():
    form = ScopeForm(request.args)
    asked = bool(request.args.get("consultation") or request.args.get("plan"))
    scope = soc_queries.scope_from_args(request.args) if asked else None
    statement = soc_queries.build(scope) if scope else None
    return render_template(
        "evidence/consultation_statement/show.html",
        filter_form=form,
        asked=asked,
        statement=statement,
        kinds=soc_exports,
        heard_count=heard.count(scope.ids) if scope else 0,
        scope_args=_scope_args(scope) if scope and scope.consultations else {},
    )


def _scope_or_redirect():
    scope = soc_queries.scope_from_args(request.args)
    if scope is None:
        flash("Select a consultation or a plan to download its statement of consultation")
    return scope


@bp.route("/consultation-statement.<any(docx, xlsx):file_format>")
@require_permission(VIEW)
def download(file_format):
    scope = _scope_or_redirect()
    if scope is None:
        return redirect(url_for("evidence.consultation_statement.show"))
    now = utcnow()
    statement = soc_queries.build(scope, now)
    write = soc_exports.docx_bytes if file_format == "docx" else soc_exports.xlsx_bytes
    data = write(statement, soc_representations.full_representations(scope), now)
    name = f"statement-of-consultation-{now:%Y-%m-%d}.{file_format}"
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


def _hearing_list(file_format: str, *, contacts: bool):
    scope = _scope_or_redirect()
    if scope is None:
        return redirect(url_for("evidence.consultation_statement.show"))
    now = utcnow()
    name = heard_exports.file_name(now, file_format, contacts=contacts)
    if file_format == "csv":
        response = Response("".join(heard_exports.csv_lines(scope, contacts=contacts)), mimetype="text/csv")
        response.headers.set("Content-Disposition", "attachment", filename=name)
        return response
    write = heard_exports.docx_bytes if file_format == "docx" else heard_exports.xlsx_bytes
    data = write(scope, now, contacts=contacts)
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


@bp.route("/consultation-statement/hearing-list.<any(csv, docx, xlsx):file_format>")
@require_permission(VIEW)
def hearing_list(file_format):
    """Those who wish to be heard, without contact details: fit to publish."""
    return _hearing_list(file_format, contacts=False)


@bp.route("/consultation-statement/hearing-list-contacts.<any(csv, docx, xlsx):file_format>")
@require_permission(EDIT)
def hearing_contacts(file_format):
    """The same list with contact details, for the programme officer: not for publication, officers only."""
    return _hearing_list(file_format, contacts=True)


def _back(consultation: Consultation) -> str:
    return (
        url_for("evidence.consultation_statement.show", consultation=consultation.id)
        + f"#main-issues-{consultation.id}"
    )


@bp.route("/consultation-statement/<int:consultation_id>/main-issues/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new_issue(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = MainIssueForm().set_parts(consultation)
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
def edit_issue(issue_id):
    issue = db.get_or_404(MainIssue, issue_id)
    data = None
    if request.method == "GET":
        data = {
            "title": issue.title,
            "summary": issue.summary,
            "representations": soc_services.references_text(issue),
            "council_response": issue.council_response,
            "proposed_change": issue.proposed_change,
            "part": issue.part.ref if issue.part else "",
        }
    form = MainIssueForm(data=data).set_parts(issue.consultation)
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
