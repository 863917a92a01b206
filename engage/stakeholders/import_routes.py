"""Pages of the stakeholder import: upload, choose columns, preview, then follow the job to its result."""

from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.permissions import EDIT, require_permission
from engage.stakeholders import bp, imports
from engage.stakeholders.import_forms import ImportUploadForm, columns_form


def _draft(job_id: int):
    """The user's import, while it is still a draft; otherwise None (the caller sends them to its progress)."""
    job = imports.find_job(job_id, current_user)
    if job is None:
        abort(404)
    return job if job.status == "draft" else None


@bp.route("/import", methods=["GET", "POST"])
@require_permission(EDIT)
def import_upload():
    form = ImportUploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            job = imports.create_import(upload.filename or "", upload.read(), user=current_user)
        except ValidationError as error:
            form.file.errors = list(form.file.errors) + error.errors["file"]
        else:
            return redirect(url_for("stakeholders.import_columns", job_id=job.id))
    return render_template("stakeholders/import_upload.html", form=form)


@bp.route("/import/<int:job_id>/columns", methods=["GET", "POST"])
@require_permission(EDIT)
def import_columns(job_id: int):
    job = _draft(job_id)
    if job is None:
        return redirect(url_for("stakeholders.import_show", job_id=job_id))
    columns = job.params.get("columns", [])
    form = columns_form(columns, job.params.get("mapping", {}), imports.samples(job))
    if form.validate_on_submit():
        imports.save_mapping(job, form.mapping())
        return redirect(url_for("stakeholders.import_preview", job_id=job.id))
    return render_template("stakeholders/import_columns.html", form=form, job=job)


@bp.route("/import/<int:job_id>/preview", methods=["GET", "POST"])
@require_permission(EDIT)
def import_preview(job_id: int):
    job = _draft(job_id)
    if job is None:
        return redirect(url_for("stakeholders.import_show", job_id=job_id))
    if not job.params.get("mapped"):
        return redirect(url_for("stakeholders.import_columns", job_id=job.id))
    if request.method == "POST":
        imports.start_import(job)
        return redirect(url_for("stakeholders.import_show", job_id=job_id))
    check = imports.check_job(job)
    only_errors = request.args.get("show") == "errors"
    shown = (check.invalid if only_errors else check.rows)[: imports.PREVIEW_ROWS]
    return render_template(
        "stakeholders/import_preview.html",
        job=job,
        check=check,
        shown=shown,
        only_errors=only_errors,
        fields=imports.FIELDS,
        display_name=imports.display_name,
    )


@bp.route("/import/<int:job_id>")
@require_permission(EDIT)
def import_show(job_id: int):
    job = imports.find_job(job_id, current_user)
    if job is None:
        abort(404)
    if job.status == "draft":
        return redirect(url_for("stakeholders.import_preview", job_id=job.id))
    return render_template("stakeholders/import_show.html", job=job)


@bp.route("/import/<int:job_id>/progress.json")
@require_permission(EDIT)
def import_progress(job_id: int):
    job = imports.find_job(job_id, current_user)
    if job is None:
        abort(404)
    return jsonify(
        status=job.status,
        processed_rows=job.processed_rows,
        total_rows=job.total_rows,
        finished=job.finished,
    )
