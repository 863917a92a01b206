"""Officer pages for inviting stakeholders to a consultation and following the sending job."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from engage.common.ids import parse_id
from engage.common.pagination import parse_int
from engage.common.validation import ValidationError
from engage.consultations import bp, services
from engage.consultations import invitations as inviting
from engage.consultations.forms import InvitationForm
from engage.consultations.routes import consultation_or_404
from engage.extensions import db
from engage.models import Job, Register
from engage.permissions import EDIT, VIEW, require_permission

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.route("/<int:consultation_id>/invitations", methods=["GET", "POST"])
@require_permission(EDIT)
def invitations(consultation_id):
    consultation = consultation_or_404(consultation_id)
    form = InvitationForm()
    registers = list(db.session.scalars(select(Register).order_by(Register.position)))
    form.registers.choices = [SelectChoice(r.slug, r.name) for r in registers]
    if form.validate_on_submit():
        ids = [number for number in map(parse_id, (form.stakeholders.data or "").replace(" ", "").split(",")) if number]
        try:
            job = inviting.invite(
                consultation,
                form.registers.data or [],
                ids,
                form.method.data,
                web_address=url_for("respond.show", slug=consultation.slug, _external=True),
                user=current_user,
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Invitations recorded", "success")
            return redirect(
                url_for("consultations.invitations", consultation_id=consultation.id, job=job.id if job else None)
            )
    job = _job(request.args.get("job"))
    return render_template(
        "consultations/invitations.html",
        consultation=consultation,
        form=form,
        job=job,
        page=services.invitations_page(consultation.id, parse_int(request.args.get("page"), 1, maximum=100_000)),
        no_address=services.count_letters_without_address(consultation.id),
    )


def _job(value: str | None) -> Job | None:
    if not parse_id(value):
        return None
    job = db.session.get(Job, parse_id(value))
    return job if job and job.kind == inviting.JOB_KIND else None


@bp.route("/<int:consultation_id>/invitations/letters.<any(csv, docx):file_format>")
@require_permission(VIEW)
def letters(consultation_id, file_format):
    consultation = consultation_or_404(consultation_id)
    web_address = url_for("respond.show", slug=consultation.slug, _external=True)
    if file_format == "csv":
        response = Response(inviting.letters_csv(consultation, web_address), mimetype="text/csv")
    else:
        response = Response(inviting.letters_docx(consultation, web_address), mimetype=DOCX_MIMETYPE)
    response.headers.set("Content-Disposition", "attachment", filename=f"letters-{consultation.slug}.{file_format}")
    return response
