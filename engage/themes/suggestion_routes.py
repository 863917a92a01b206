"""Suggested themes for untagged representations, finding them in the background for a large consultation, and
accepting one."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation
from engage.permissions import EDIT, VIEW, require_permission
from engage.themes import bp, services, suggest
from engage.themes.forms import AcceptForm, ConfirmForm


def _page(consultation: Consultation, form: AcceptForm | None = None):
    found = suggest.current(consultation.id)
    return render_template(
        "themes/suggestions.html",
        consultation=consultation,
        suggestions=found.suggestions,
        job=found.job,
        inline=found.inline,
        form=form or AcceptForm(formdata=None),
        start_form=ConfirmForm(formdata=None),
        limit=suggest.INLINE_LIMIT if found.inline else suggest.MAX_REPRESENTATIONS,
    )


@bp.route("/consultations/<int:consultation_id>/suggestions")
@require_permission(VIEW)
def suggestions(consultation_id):
    return _page(db.get_or_404(Consultation, consultation_id))


@bp.route("/consultations/<int:consultation_id>/suggestions/find", methods=["POST"])
@require_permission(EDIT)
def find_suggestions(consultation_id):
    """A large consultation's suggestions are found by a background job; the page shows them when it is done."""
    consultation = db.get_or_404(Consultation, consultation_id)
    if ConfirmForm().validate_on_submit():
        job = suggest.start_job(consultation, user=current_user)
        flash("Finding suggested themes" if job.status != "done" else "Suggested themes found", "success")
    return redirect(url_for("themes.suggestions", consultation_id=consultation.id))


@bp.route("/consultations/<int:consultation_id>/suggestions/accept", methods=["POST"])
@require_permission(EDIT)
def accept_suggestion(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = AcceptForm()
    if form.validate_on_submit():
        try:
            theme = services.accept_suggestion(
                consultation, form.name.data, form.representations.data or [], user=current_user
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Theme ‘{theme.name}’ added to its representations", "success")
            return redirect(url_for("themes.suggestions", consultation_id=consultation.id))
    return _page(consultation, form)
