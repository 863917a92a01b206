"""Officers' redaction pages: the queue of a consultation's representations, one representation's redaction page
(its texts with the redactions and suggestions marked, and its files), and publishing the register."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.pagination import Page, parse_int
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation
from engage.permissions import EDIT, VIEW, require_permission
from engage.redaction import bp, publication, queries, register, services
from engage.redaction.forms import ConfirmForm, CopyForm, QueueFilterForm, RedactWordsForm, ReviewForm, SuggestionForm
from engage.representations import services as representations
from engage.representations.attachments import find_attachment, read_upload, send_attachment
from engage.vocab import ReviewState

PER_PAGE = 50


@bp.route("/consultations/<int:consultation_id>")
@require_permission(VIEW)
def queue(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = QueueFilterForm(request.args)
    rows = queries.queue(consultation.id)
    counts = queries.counts(rows)
    show = form.show.data or ""
    if show == "attention":
        rows = [row for row in rows if row.needs_attention]
    elif show in ReviewState.values():
        rows = [row for row in rows if row.state == show]
    number = parse_int(request.args.get("page"), 1)
    page = Page(rows[(number - 1) * PER_PAGE : number * PER_PAGE], number, PER_PAGE, len(rows))
    return render_template("redaction/queue.html", consultation=consultation, page=page, filter_form=form,
                           counts=counts, published=publication.is_published(consultation.id))  # fmt: skip


def _representation(reference):
    item = representations.find_representation(reference)
    if item is None:
        abort(404)
    return item


def _show(item, **forms):
    review = queries.review_of(item.id)
    forms.setdefault("words_form", RedactWordsForm(formdata=None))
    forms.setdefault("form", forms["words_form"])  # the form whose errors the summary lists
    forms.setdefault("review_form", ReviewForm(formdata=None, state=review.state if review else ReviewState.TO_REVIEW,
                                               note=review.note if review else ""))  # fmt: skip
    return render_template(
        "redaction/show.html", representation=item, consultation=item.consultation, fields=queries.field_views(item),
        review=review, files=_files(item), suggestion_form=SuggestionForm(formdata=None), confirm_form=ConfirmForm(),
        entry=register.entry(item.consultation, item), **forms,
    )  # fmt: skip


def _files(item):
    copies = queries.redacted_copies(a.id for a in item.attachments)
    return [(attachment, copies.get(attachment.id)) for attachment in item.attachments]


def _back(item, anchor: str = ""):
    return redirect(url_for("redaction.show", reference=item.reference) + anchor)


@bp.route("/representations/<reference>")
@require_permission(VIEW)
def show(reference):
    return _show(_representation(reference))


@bp.route("/representations/<reference>/redact", methods=["POST"])
@require_permission(EDIT)
def redact(reference):
    item = _representation(reference)
    form = RedactWordsForm()
    if form.validate_on_submit():
        try:
            made = services.redact_words(item, form.field.data, form.words.data, form.reason.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{len(made)} redaction{'s' if len(made) > 1 else ''} made", "success")
            return _back(item)
    return _show(item, words_form=form, form=form)


@bp.route("/representations/<reference>/suggestions", methods=["POST"])
@require_permission(EDIT)
def accept(reference):
    """Redact one suggestion (field, start and end sent) or all of them."""
    item = _representation(reference)
    form = SuggestionForm()
    if form.validate_on_submit():
        one = None
        if form.field.data:
            one = (
                form.field.data,
                parse_int(form.start.data, -1, minimum=-1),
                parse_int(form.end.data, -1, minimum=-1),
            )
        try:
            made = services.accept_suggestions(item, only=one, user=current_user)
        except ValidationError as error:
            flash(next(iter(error.errors.values()))[0], "error")
        else:
            flash(f"{len(made)} suggestion{'s' if len(made) > 1 else ''} redacted", "success")
    return _back(item)


@bp.route("/representations/<reference>/redactions/<int:redaction_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove(reference, redaction_id):
    item = _representation(reference)
    redaction = services.find_redaction(item, redaction_id)
    if redaction is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        services.remove_redaction(item, redaction, user=current_user)
        flash("Redaction removed: those words will be published again", "success")
    return _back(item)


@bp.route("/representations/<reference>/review", methods=["POST"])
@require_permission(EDIT)
def review(reference):
    item = _representation(reference)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            services.set_review(item, form.state.data, form.note.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Review saved: {ReviewState.label_of(form.state.data).lower()}", "success")
            return _back(item)
    return _show(item, form=form, review_form=form)


def _attachment(item, attachment_id, content: bool = False):
    found = find_attachment(attachment_id, representation_id=item.id, content=content)
    if found is None:
        abort(404)
    return found


@bp.route("/representations/<reference>/attachments/<int:attachment_id>", methods=["GET", "POST"])
@require_permission(EDIT)
def attachment(reference, attachment_id):
    """Upload a redacted copy of a file, to be published instead of it."""
    item = _representation(reference)
    found = _attachment(item, attachment_id)
    form = CopyForm()
    if form.validate_on_submit():
        try:
            upload = read_upload(request.files.get("file"))
            services.replace_attachment(found, upload, form.reason.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Redacted copy of {found.filename} saved: it is published instead of the original", "success")
            return _back(item, "#files")
    copy = queries.redacted_copies([found.id]).get(found.id)
    return render_template("redaction/attachment.html", representation=item, consultation=item.consultation,
                           attachment=found, copy=copy, form=form)  # fmt: skip


@bp.route("/representations/<reference>/attachments/<int:attachment_id>/redacted")
@require_permission(VIEW)
def redacted_copy(reference, attachment_id):
    item = _representation(reference)
    copy = queries.redacted_copies([_attachment(item, attachment_id).id]).get(attachment_id)
    if copy is None:
        abort(404)
    return send_attachment(copy)


@bp.route("/representations/<reference>/attachments/<int:attachment_id>/redacted/remove", methods=["POST"])
@require_permission(EDIT)
def remove_copy(reference, attachment_id):
    item = _representation(reference)
    found = _attachment(item, attachment_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.remove_redacted_copy(found, user=current_user)
        except ValidationError as error:
            flash(next(iter(error.errors.values()))[0], "error")
        else:
            flash(f"Redacted copy of {found.filename} removed", "success")
    return _back(item, "#files")
