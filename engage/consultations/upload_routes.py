"""Officer pages for an agent's spreadsheet of their clients' representations: the template, the upload (checked
completely: any bad row and nothing is kept), a preview of every client and representation, and confirming it."""

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.consultations import bp
from engage.consultations.forms import ConfirmForm
from engage.consultations.routes import consultation_or_404
from engage.consultations.upload_forms import UploadForm
from engage.permissions import EDIT, require_permission
from engage.representations import respondents, upload_rows, uploads
from engage.representations.attachments import read_upload

TEMPLATES = {
    "csv": (upload_rows.template_csv, "text/csv; charset=utf-8"),
    "xlsx": (upload_rows.template_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@bp.route("/<int:consultation_id>/representation-uploads/template.<extension>")
@require_permission(EDIT)
def upload_template(consultation_id, extension):
    consultation_or_404(consultation_id)
    if extension not in TEMPLATES:
        abort(404)
    write, mimetype = TEMPLATES[extension]
    headers = {"Content-Disposition": f'attachment; filename="agent-representations.{extension}"'}
    return write(), 200, {"Content-Type": mimetype, **headers}


@bp.route("/<int:consultation_id>/representation-uploads/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new_upload(consultation_id):
    consultation = consultation_or_404(consultation_id)
    acting = respondents.agent_of(consultation, request.args.get("agent_of", "")) if request.method == "GET" else {}
    form = UploadForm(data={f"agent_{name}": value for name, value in acting.items()} or None)
    problems = []
    if form.validate_on_submit():
        upload = read_upload(request.files.get("file")) or ("", b"")
        try:
            job = uploads.prepare(
                consultation, form.agent(), form.channel.data, form.received_at(), *upload, user=current_user
            )
        except uploads.UploadProblems as error:
            problems = error.problems
            form.add_errors({"file": [_summary(problems)]})
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            return redirect(url_for("consultations.upload", consultation_id=consultation.id, upload_id=job.id))
    return render_template(
        "consultations/new_upload.html",
        consultation=consultation,
        form=form,
        problems=problems[: uploads.MAX_LISTED],
        more=max(0, len(problems) - uploads.MAX_LISTED),
    )


def _summary(problems) -> str:
    rows = len({problem.row for problem in problems})
    return f"{rows:,} row{'' if rows == 1 else 's'} of the spreadsheet must be put right – nothing has been saved"


@bp.route("/<int:consultation_id>/representation-uploads/<int:upload_id>", methods=["GET", "POST"])
@require_permission(EDIT)
def upload(consultation_id, upload_id):
    """The preview: every client and representation the spreadsheet makes; saving them all, or none."""
    consultation = consultation_or_404(consultation_id)
    job = uploads.find_draft(consultation, upload_id, current_user)
    if job is None:
        abort(404)
    form, problems, checked = ConfirmForm(), [], None
    if job.status == "draft":
        try:
            if form.validate_on_submit():
                created = uploads.confirm(job, user=current_user)
                saved = f"{len(created):,} representation{'' if len(created) == 1 else 's'}"
                flash(f"{saved} saved from {job.filename}", "success")
                return redirect(request.path)
            checked = uploads.preview(job)
        except uploads.UploadProblems as error:
            problems = error.problems
    return render_template(
        "consultations/upload.html",
        consultation=consultation,
        job=job,
        checked=checked,
        problems=problems[: uploads.MAX_LISTED],
        form=form,
        parts={part.id: part.ref for part in consultation.parts},
        received_at=datetime.fromisoformat(job.params["received_at"]),
    )
