"""Officers' pages to publish a consultation's public register (with a preview) or take it down, and the register's
two full exports: the public one (redacted, no contact details) and the inspector's (complete, not for
publication)."""

import io

from flask import Response, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from engage.common.pagination import parse_int
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, utcnow
from engage.permissions import EDIT, VIEW, require_permission
from engage.plans import wording
from engage.redaction import bp, exports, publication, queries, register
from engage.redaction.forms import ConfirmForm

MIMETYPES = {"csv": "text/csv", "xlsx": exports.XLSX}


@bp.route("/consultations/<int:consultation_id>/publication", methods=["GET", "POST"])
@require_permission(EDIT)
def publication_page(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            publication.publish_register(consultation, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Register of representations published", "success")
            return redirect(url_for("redaction.publication_page", consultation_id=consultation.id))
    rows = queries.queue(consultation.id)
    preview = register.page_of(consultation, register.RegisterFilters(), parse_int(request.args.get("page"), 1), 10)
    return render_template(
        "redaction/publication.html", consultation=consultation, form=form, preview=preview,
        found=publication.publication_of(consultation.id), blockers=publication.blockers(consultation.id, rows),
        counts=queries.counts(rows), wording=wording.for_plan(consultation.plan),
    )  # fmt: skip


@bp.route("/consultations/<int:consultation_id>/unpublish", methods=["POST"])
@require_permission(EDIT)
def unpublish(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    if ConfirmForm().validate_on_submit():
        try:
            publication.unpublish_register(consultation, user=current_user)
        except ValidationError as error:
            flash(next(iter(error.errors.values()))[0], "error")
        else:
            flash("Register of representations taken down: the public can no longer see it", "success")
    return redirect(url_for("redaction.publication_page", consultation_id=consultation.id))


def _download(consultation, file_format: str, *, inspector: bool):
    now = utcnow()
    name = exports.file_name(consultation, now, file_format, inspector=inspector)
    if file_format == "csv":
        response = Response("".join(exports.csv_lines(consultation, inspector=inspector)), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    data = exports.xlsx_bytes(consultation, now, inspector=inspector)
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


@bp.route("/consultations/<int:consultation_id>/register.<any(csv, xlsx):file_format>")
@require_permission(VIEW)
def public_export(consultation_id, file_format):
    """Every representation as the public register shows it: redacted, without contact details."""
    return _download(db.get_or_404(Consultation, consultation_id), file_format, inspector=False)


@bp.route("/consultations/<int:consultation_id>/inspector.<any(csv, xlsx):file_format>")
@require_permission(EDIT)
def inspector_export(consultation_id, file_format):
    """Every representation as it was made, with contact details: for the inspector and programme officer only."""
    return _download(db.get_or_404(Consultation, consultation_id), file_format, inspector=True)
