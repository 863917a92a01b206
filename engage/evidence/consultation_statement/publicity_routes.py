"""Officer pages recording how a consultation was publicised, for the statement of consultation."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import bp
from engage.evidence.consultation_statement import publicity as publicising
from engage.evidence.consultation_statement.forms import PublicityForm, RemoveForm
from engage.extensions import db
from engage.models import Consultation, Publicity
from engage.permissions import EDIT, require_permission


def _back(consultation_id: int) -> str:
    return (
        url_for("evidence.consultation_statement.show", consultation=consultation_id)
        + f"#how-invited-{consultation_id}"
    )


@bp.route("/consultation-statement/<int:consultation_id>/publicity/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new_publicity(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = PublicityForm()
    if form.validate_on_submit():
        try:
            publicising.record_publicity(consultation, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Publicity recorded", "success")
            return redirect(_back(consultation.id))
    return render_template(
        "evidence/consultation_statement/publicity.html", form=form, consultation=consultation, item=None
    )


@bp.route("/consultation-statement/publicity/<int:publicity_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit_publicity(publicity_id):
    item = db.get_or_404(Publicity, publicity_id)
    form = PublicityForm(data=publicising.current(item))
    if form.validate_on_submit():
        try:
            publicising.update_publicity(item, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Publicity saved", "success")
            return redirect(_back(item.consultation_id))
    return render_template(
        "evidence/consultation_statement/publicity.html", form=form, consultation=item.consultation, item=item
    )


@bp.route("/consultation-statement/publicity/<int:publicity_id>/remove", methods=["GET", "POST"])
@require_permission(EDIT)
def remove_publicity(publicity_id):
    item = db.get_or_404(Publicity, publicity_id)
    form = RemoveForm()
    if form.validate_on_submit():
        consultation_id = item.consultation_id
        publicising.remove_publicity(item, user=current_user)
        flash("Publicity removed", "success")
        return redirect(_back(consultation_id))
    return render_template("evidence/consultation_statement/remove_publicity.html", form=form, item=item)
