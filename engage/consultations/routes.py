"""Officer pages for setting up consultations: list, add, edit, parts, documents, questions, preview, publish."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.common.validation import ValidationError
from engage.consultations import bp, services
from engage.consultations import parts as plan_parts
from engage.consultations.forms import ConfirmForm, ConsultationForm, DocumentForm, PartsForm, QuestionForm
from engage.extensions import db
from engage.models import Consultation, ConsultationDocument, Plan, Question
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations import queries
from engage.representations.attachments import read_upload
from engage.representations.counts import counts
from engage.vocab import ConsultationStage, ConsultationStatus


def consultation_or_404(consultation_id: int) -> Consultation:
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        abort(404)
    return consultation


def _stages() -> list[tuple[str, str]]:
    plan = db.session.scalar(select(Plan).order_by(Plan.id))
    if plan and plan.stages:
        return [(stage.slug, stage.name) for stage in plan.stages if stage.is_consultation]
    return [(stage.value, stage.label) for stage in ConsultationStage]


@bp.route("/")
@require_permission(VIEW)
def index():
    status = request.args.get("status", "")
    unknown = status and status not in ConsultationStatus.values()
    return render_template(
        "consultations/index.html",
        consultations=services.list_consultations(status),
        counts=queries.counts_by_consultation(),
        status=status,
        error_list=[
            {"text": f"Status must be one of: {', '.join(ConsultationStatus.values())}", "href": "#main-content"}
        ]
        if unknown
        else [],
    )


@bp.route("/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new():
    form = ConsultationForm()
    form.set_stages(_stages())
    if form.validate_on_submit():
        data = form.to_data()
        try:
            consultation = services.create_consultation(_with_plan(data), user=current_user)
        except ValidationError as error:
            form.add_errors(_date_errors(error.errors))
        else:
            flash("Consultation added. Now add the parts of the plan people can comment on.", "success")
            return redirect(url_for("consultations.parts", consultation_id=consultation.id))
    _more_errors(form)
    return render_template("consultations/new.html", form=form)


def _with_plan(data: dict) -> dict:
    plan = db.session.scalar(select(Plan).order_by(Plan.id))
    return {**data, "plan_id": plan.id if plan else None}


def _more_errors(form: ConsultationForm, current: Consultation | None = None) -> None:
    """When the form's own checks failed (a date that does not exist), show the service's messages too."""
    if not form.is_submitted() or not form.errors or "csrf_token" in form.errors:
        return
    try:
        services.clean(form.to_data(), current=current)
    except ValidationError as error:
        errors = _date_errors(error.errors)
        form.add_errors({key: messages for key, messages in errors.items() if not form[key].errors})


def _date_errors(errors: dict) -> dict:
    """Errors about opens_at/closes_at belong on the date boxes of the form."""
    renamed = {"opens_at": "opens_on", "closes_at": "closes_on"}
    return {renamed.get(key, key): messages for key, messages in errors.items()}


@bp.route("/<int:consultation_id>")
@require_permission(VIEW)
def show(consultation_id):
    consultation = consultation_or_404(consultation_id)
    return render_template(
        "consultations/show.html",
        consultation=consultation,
        count=queries.counts_by_consultation().get(consultation.id, 0),
        counted=counts(consultation.id),
        invitations=services.count_invitations(consultation.id),
        form=ConfirmForm(),
    )


@bp.route("/<int:consultation_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(consultation_id):
    consultation = consultation_or_404(consultation_id)
    form = ConsultationForm(data=ConsultationForm.initial(consultation) if request.method == "GET" else None)
    form.set_stages(_stages())
    if form.validate_on_submit():
        try:
            services.update_consultation(consultation, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(_date_errors(error.errors))
        else:
            flash("Consultation updated", "success")
            return redirect(url_for("consultations.show", consultation_id=consultation.id))
    _more_errors(form, consultation)
    return render_template("consultations/edit.html", form=form, consultation=consultation)


@bp.route("/<int:consultation_id>/publish", methods=["POST"])
@require_permission(EDIT)
def publish(consultation_id):
    consultation = consultation_or_404(consultation_id)
    if ConfirmForm().validate_on_submit():
        published = request.form.get("published") == "true"
        try:
            services.set_published(consultation, published, user=current_user)
        except ValidationError as error:
            flash(" ".join(m for messages in error.errors.values() for m in messages), "error")
        else:
            flash("Consultation published" if published else "Consultation unpublished: it is a draft again", "success")
    return redirect(url_for("consultations.show", consultation_id=consultation.id))


@bp.route("/<int:consultation_id>/parts", methods=["GET", "POST"])
@require_permission(EDIT)
def parts(consultation_id):
    consultation = consultation_or_404(consultation_id)
    form = PartsForm(data={"parts": plan_parts.parts_text(consultation)} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            plan_parts.replace_parts(consultation, plan_parts.parse_parts_text(form.parts.data), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Parts of the plan saved", "success")
            return redirect(url_for("consultations.show", consultation_id=consultation.id))
    return render_template("consultations/parts.html", form=form, consultation=consultation)


@bp.route("/<int:consultation_id>/documents", methods=["GET", "POST"])
@require_permission(EDIT)
def documents(consultation_id):
    consultation = consultation_or_404(consultation_id)
    form = DocumentForm()
    if form.validate_on_submit():
        try:
            services.add_document(consultation, _document_data(form), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Document added", "success")
            return redirect(url_for("consultations.documents", consultation_id=consultation.id))
    return render_template("consultations/documents.html", form=form, consultation=consultation, remove=ConfirmForm())


def _document_data(form: DocumentForm) -> dict:
    data = {"title": form.title.data, "kind": form.kind.data, "url": form.url.data, "body_html": form.body_html.data}
    upload = read_upload(request.files.get("file"), limit=services.MAX_PDF_BYTES) if form.kind.data == "file" else None
    if upload:
        data.update(filename=upload[0], content=upload[1])
    return data


@bp.route("/<int:consultation_id>/documents/<int:document_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_document(consultation_id, document_id):
    document = db.session.get(ConsultationDocument, document_id)
    if document is None or document.consultation_id != consultation_id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        services.remove_document(document, user=current_user)
        flash("Document removed", "success")
    return redirect(url_for("consultations.documents", consultation_id=consultation_id))


@bp.route("/<int:consultation_id>/questions", methods=["GET", "POST"])
@require_permission(EDIT)
def questions(consultation_id):
    consultation = consultation_or_404(consultation_id)
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            services.add_question(consultation, form.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Question added", "success")
            return redirect(url_for("consultations.questions", consultation_id=consultation.id))
    return render_template("consultations/questions.html", form=form, consultation=consultation, remove=ConfirmForm())


@bp.route("/<int:consultation_id>/questions/<int:question_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_question(consultation_id, question_id):
    question = db.session.get(Question, question_id)
    if question is None or question.consultation_id != consultation_id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        services.remove_question(question, user=current_user)
        flash("Question removed", "success")
    return redirect(url_for("consultations.questions", consultation_id=consultation_id))


@bp.route("/<int:consultation_id>/preview")
@require_permission(VIEW)
def preview(consultation_id):
    consultation = consultation_or_404(consultation_id)
    return render_template("consultations/preview.html", consultation=consultation, draft=None, preview=True)
