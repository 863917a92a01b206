"""Public consultation pages: find a consultation, read it and respond without an account."""

import io

from flask import abort, current_app, redirect, render_template, request, send_file, session, url_for
from sqlalchemy import select

from engage.common.validation import ValidationError
from engage.extensions import db, limiter
from engage.models import Consultation, ConsultationDocument, Respondent, utcnow
from engage.permissions import VIEW, public, require_permission
from engage.plans.queries import owner
from engage.redaction import publication
from engage.representations.attachments import find_attachment, read_upload, send_attachment
from engage.representations.forms import AboutYouForm, item_form_data, representation_form
from engage.respond import bp, emails, kept_pages, queries, services
from engage.respond.forms import RemoveForm, SaveForm, SubmitForm
from engage.themes import queries as themes_queries

DRAFTS = "consult_drafts"
SUBMITTED = "consult_submitted"


def _page(template: str, **context):
    """A public page, told which plan and councils it speaks for (the layout's header and footer name them)."""
    return render_template(template, owner=owner(), **context)


def _save_limit() -> str:
    return current_app.config["CONSULT_SAVE_RATE_LIMIT"]


def _submit_limit() -> str:
    return current_app.config["CONSULT_SUBMIT_RATE_LIMIT"]


def _reading() -> None:
    """A GET of these pages only reads (queries.only_reading)."""
    if request.method in ("GET", "HEAD"):
        queries.only_reading()


def _consultation(slug: str):
    _reading()
    consultation = queries.open_consultation(slug)
    if consultation is None:
        abort(404)
    return consultation


def _open(slug: str, *, sent_too: bool = False, to_send: bool = False):
    """The consultation (404 unless published) and this session's draft for it, in one query. The draft is None
    when there is none, or when it has been sent unless `sent_too`. `to_send`: the request may send the response
    (queries.open_with_draft)."""
    _reading()
    consultation, draft = queries.open_with_draft(slug, _draft_token(slug), to_send=to_send)
    if consultation is None:
        abort(404)
    if draft is not None and draft.submitted_at and not sent_too:
        draft = None
    return consultation, draft


def _draft_token(slug: str) -> str | None:
    """The token of this session's draft for the consultation, if it has one."""
    return session.get(DRAFTS, {}).get(slug)


def _remember(slug: str, token: str) -> None:
    session[DRAFTS] = {**session.get(DRAFTS, {}), slug: token}


def _forget(slug: str) -> None:
    session[DRAFTS] = {k: v for k, v in session.get(DRAFTS, {}).items() if k != slug}


def _closed(consultation, status: int = 200, refused_at=None):
    return _page("respond/closed.html", consultation=consultation, refused_at=refused_at), status


@bp.route("/")
@public
def index():
    return _page("respond/index.html", groups=queries.public_consultations())


@bp.route("/<slug>")
@public
def show(slug):
    """A consultation's page: kept for everyone who has not started a response (kept_pages)."""
    if kept_pages.same_for_everyone(bool(_draft_token(slug))):
        return kept_pages.page(("show", slug), lambda: _show_blank(slug))
    consultation, draft = _open(slug)
    return _show(consultation, draft)


def _show_blank(slug: str):
    consultation, _ = _open(slug)
    return _show(consultation, None), 200, consultation


def _show(consultation, draft) -> str:
    return _page(
        "respond/show.html",
        consultation=consultation,
        draft=draft,
        preview=False,
        register_published=publication.is_published(consultation.id),
        feedback=themes_queries.publication(consultation) is not None,
    )


@bp.route("/<slug>/documents/<int:document_id>")
@public
def document(slug, document_id):
    return _document(_consultation(slug), document_id, preview=False)


@bp.route("/preview/<int:consultation_id>/documents/<int:document_id>")
@require_permission(VIEW)
def preview_document(consultation_id, document_id):
    """A document as the officers' preview of the public page links to it, published or not."""
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        abort(404)
    return _document(consultation, document_id, preview=True)


def _document(consultation, document_id: int, *, preview: bool):
    query = select(ConsultationDocument).where(
        ConsultationDocument.id == document_id, ConsultationDocument.consultation_id == consultation.id
    )
    doc = db.session.scalar(query)
    if doc is None:
        abort(404)
    if doc.kind == "html":
        return _page("respond/document.html", consultation=consultation, document=doc, preview=preview)
    if doc.kind != "file":
        return redirect(doc.url)
    return send_file(io.BytesIO(doc.content or b""), mimetype=doc.content_type, download_name=doc.filename)


@bp.route("/<slug>/respond/about-you", methods=["GET", "POST"])
@public
@limiter.limit(_save_limit, methods=["POST"])
def about_you(slug):
    if request.method == "GET" and kept_pages.same_for_everyone(bool(_draft_token(slug))):
        return kept_pages.page(("about-you", slug), lambda: _about_you_blank(slug))
    consultation, draft = _open(slug)
    if not consultation.is_open:
        return _closed(consultation)
    form = AboutYouForm(data=AboutYouForm.data_from_draft(draft.data) if draft and request.method == "GET" else None)
    if form.validate_on_submit():
        if form.website.data:
            return _refused(consultation)
        try:
            draft = services.save_about_you(consultation, draft, form.to_data())
        except ValidationError as error:
            form.add_errors(error.errors)
        except services.DeadlinePassed as passed:
            return _closed(consultation, 403, passed.moment)
        else:
            _remember(slug, draft.token)
            items = draft.data.get("items", [])
            target = "respond.check" if items else "respond.representation"
            return redirect(url_for(target, slug=slug, number=len(items) + 1))
    return _page("respond/about_you.html", consultation=consultation, form=form)


def _about_you_blank(slug: str):
    """The about-you page as a visitor with no response in progress first sees it (or the closed page)."""
    consultation, _ = _open(slug)
    if not consultation.is_open:
        return *_closed(consultation), consultation
    return _page("respond/about_you.html", consultation=consultation, form=AboutYouForm()), 200, consultation


@bp.route("/<slug>/respond/representations/<int:number>", methods=["GET", "POST"])
@public
@limiter.limit(_save_limit, methods=["POST"])
def representation(slug, number):
    consultation, draft = _open(slug)
    if not consultation.is_open:
        return _closed(consultation)
    if draft is None:
        return redirect(url_for("respond.about_you", slug=slug))
    items = draft.data.get("items", [])
    if number < 1 or number > len(items) + 1:
        abort(404)
    if request.method == "GET" and number == len(items) + 1 and kept_pages.same_for_everyone(False):
        # a new representation's blank form: the same for every visitor at this number, whatever their draft holds
        return kept_pages.page(("representation", slug, number), lambda: _representation_blank(consultation, number))
    existing = item_form_data(items[number - 1]) if number <= len(items) and request.method == "GET" else None
    parts = kept_pages.parts(consultation)
    form = representation_form(consultation, parts=parts, words=kept_pages.wording_of(consultation), data=existing)
    if form.validate_on_submit():
        try:
            upload = read_upload(request.files.get("attachment"))
            services.save_item(consultation, draft, number - 1, form.to_data(consultation), upload, parts=parts)
        except ValidationError as error:
            form.add_errors(error.errors)
        except services.DeadlinePassed as passed:
            return _closed(consultation, 403, passed.moment)
        else:
            return redirect(url_for("respond.check", slug=slug))
    files = services.draft_attachments(draft).get(number - 1, []) if number <= len(items) else []  # none for a new one
    return _page("respond/representation.html", consultation=consultation, form=form, number=number, files=files)


def _representation_blank(consultation, number: int):
    parts, words = kept_pages.parts(consultation), kept_pages.wording_of(consultation)
    form = representation_form(consultation, parts=parts, words=words)
    html = _page("respond/representation.html", consultation=consultation, form=form, number=number, files=[])
    return html, 200, consultation


@bp.route("/<slug>/respond/attachments/<int:attachment_id>")
@public
def attachment(slug, attachment_id):
    """A file the respondent uploaded to their own unsent response (the draft in their session); 404 otherwise."""
    _, draft = _open(slug)
    found = find_attachment(attachment_id, draft_id=draft.id) if draft else None
    if found is None:
        abort(404)
    return send_attachment(found)


@bp.route("/<slug>/respond/attachments/<int:attachment_id>/remove", methods=["POST"])
@public
def remove_attachment(slug, attachment_id):
    """Take one file out of the respondent's own unsent response; 404 for any other file."""
    _, draft = _open(slug)
    if draft is None or not RemoveForm().validate_on_submit():
        abort(404 if draft is None else 400)
    if services.remove_attachment(draft, attachment_id) is None:
        abort(404)
    return redirect(url_for("respond.check", slug=slug))


@bp.route("/<slug>/respond/representations/<int:number>/remove", methods=["GET", "POST"])
@public
def remove(slug, number):
    """Ask "Are you sure?", then remove the representation from the unsent response."""
    consultation, draft = _open(slug)
    if draft is None:
        return redirect(url_for("respond.check", slug=slug))
    items = draft.data.get("items", [])
    if not 1 <= number <= len(items):
        abort(404)
    form = RemoveForm()
    if form.validate_on_submit():
        services.remove_item(draft, number - 1)
        return redirect(url_for("respond.check", slug=slug))
    part = next((p for p in consultation.parts if p.ref == items[number - 1].get("part")), None)
    return _page("respond/remove.html", consultation=consultation, number=number, part=part, form=form)


@bp.route("/<slug>/respond/check", methods=["GET", "POST"])
@public
@limiter.limit(_submit_limit, methods=["POST"])
def check(slug):
    consultation, draft = _open(slug, sent_too=True, to_send=request.method == "POST")
    if draft is not None and draft.respondent_id is not None:
        return _confirmed(slug, draft.respondent_id)
    if not consultation.is_open and request.method == "GET":
        return _closed(consultation)
    if draft is None:
        return redirect(url_for("respond.about_you", slug=slug))
    form, error_list = SubmitForm(), []
    if form.validate_on_submit():
        if form.website.data:
            return _refused(consultation)
        try:
            respondent = services.submit_draft(consultation, draft)
        except services.DeadlinePassed as passed:
            return _closed(consultation, 403, passed.moment)
        except ValidationError as error:
            error_list = _to_correct(slug, error.errors)
        else:
            emails.send_acknowledgement(respondent.id)  # after the commit; off the request with Redis
            return _confirmed(slug, respondent.id)
    return _page(
        "respond/check.html",
        consultation=consultation,
        draft=draft,
        form=form,
        error_list=error_list,
        refs={part.ref: part for part in kept_pages.parts(consultation)},
        attachments=services.draft_attachments(draft),
        wording=kept_pages.wording_of(consultation),
    )


def _to_correct(slug: str, errors: dict[str, list[str]]) -> list[dict[str, str]]:
    """The error summary of the check page: each message links to the page where it is put right."""
    listed = []
    for key, messages in errors.items():
        if key.startswith("representation-"):
            href = url_for("respond.representation", slug=slug, number=int(key.rsplit("-", 1)[1]))
        elif key == "items":
            href = url_for("respond.representation", slug=slug, number=1)
        else:
            href = url_for("respond.about_you", slug=slug)
        listed += [{"text": message, "href": href} for message in messages]
    return listed


def _confirmed(slug: str, respondent_id: int):
    session[SUBMITTED] = {**session.get(SUBMITTED, {}), slug: respondent_id}
    _forget(slug)
    return redirect(url_for("respond.confirmation", slug=slug))


def _refused(consultation):
    return _page("respond/refused.html", consultation=consultation), 400


@bp.route("/<slug>/respond/confirmation")
@public
def confirmation(slug):
    respondent_id = session.get(SUBMITTED, {}).get(slug)
    _reading()
    sent = queries.sent_response(slug, respondent_id) if respondent_id else None
    if sent is None:
        _consultation(slug)  # a 404 for a consultation that is not published
        return redirect(url_for("respond.show", slug=slug))
    respondent, consultation = sent.respondent, sent.consultation
    another = bool(respondent.agent) and consultation.is_open  # an agent may go on to respond for another client
    return _page(
        "respond/confirmation.html",
        consultation=consultation,
        respondent=respondent,
        representations=sent.representations,
        form=RemoveForm() if another else None,
    )


@bp.route("/<slug>/respond/another-client", methods=["POST"])
@public
@limiter.limit(_save_limit, methods=["POST"])
def another_client(slug):
    """After sending for one client, an agent responds for another without typing their own details again."""
    consultation = _consultation(slug)
    respondent_id = session.get(SUBMITTED, {}).get(slug)
    respondent = db.session.get(Respondent, respondent_id) if respondent_id else None  # their agent's details
    if respondent is None or respondent.consultation_id != consultation.id or not respondent.agent:
        return redirect(url_for("respond.show", slug=slug))
    if not RemoveForm().validate_on_submit():
        return redirect(url_for("respond.confirmation", slug=slug))
    try:
        draft = services.start_for_another_client(consultation, respondent)
    except services.DeadlinePassed as passed:
        return _closed(consultation, 403, passed.moment)
    _remember(slug, draft.token)
    return redirect(url_for("respond.about_you", slug=slug))


@bp.route("/<slug>/respond/save", methods=["GET", "POST"])
@public
@limiter.limit(_submit_limit, methods=["POST"])
def save(slug):
    consultation, draft = _open(slug)
    if draft is None or not consultation.is_open:
        return redirect(url_for("respond.show", slug=slug))
    form = SaveForm(data={"email": draft.email} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            email = emails.send_return_link(consultation, draft, form.email.data or "")
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            return _page("respond/saved.html", consultation=consultation, email=email)
    return _page("respond/save.html", consultation=consultation, form=form)


@bp.route("/<slug>/respond/return/<token>")
@public
def resume(slug, token):
    consultation = _consultation(slug)
    draft = queries.find_draft(consultation, token)
    if draft is None:
        abort(404)
    if draft.submitted_at is not None:
        return _page("respond/already_sent.html", consultation=consultation, draft=draft)
    if utcnow() >= draft.expires_at or not consultation.is_open:
        return _closed(consultation)
    _remember(slug, draft.token)
    return redirect(url_for("respond.check", slug=slug))
