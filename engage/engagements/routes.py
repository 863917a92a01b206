"""Engagement pages: the list, log a contact, an engagement's page, change it, mark it held, its documents."""

import io
from datetime import datetime

from flask import abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.common.dates import LONDON, format_time
from engage.common.ids import parse_id
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.engagements import bp, queries, services
from engage.engagements.filter_form import EngagementFilterForm
from engage.engagements.forms import ActionForm, EngagementForm, HeldForm
from engage.engagements.lookups import FormLookups, attendee_search
from engage.extensions import db
from engage.models import Engagement, EngagementDocument, Register, Stakeholder
from engage.permissions import EDIT, VIEW, require_permission

PER_PAGE = 50


@bp.route("/")
@require_permission(VIEW)
def index():
    filters = queries.EngagementFilters.from_args(request.args)
    page = paginate(
        queries.engagements_query(filters, newest_first=True),
        parse_int(request.args.get("page"), 1),
        PER_PAGE,
        queries.count_query(filters),
    )
    form = filter_form(request.args)
    problems = form.show_problems(queries.filter_problems(request.args))
    return render_template("engagements/index.html", page=page, filters=filters, filter_form=form, error_list=problems)


def filter_form(args) -> EngagementFilterForm:
    registers = list(db.session.scalars(select(Register).order_by(Register.position, Register.id)))
    return EngagementFilterForm(args, FormLookups(), registers)


def _engagement_or_404(engagement_id: int) -> Engagement:
    return db.first_or_404(queries.with_details(select(Engagement).where(Engagement.id == engagement_id)))


def _prefill(args) -> dict:
    """Log a contact starts from today, the officer's authority and the stakeholder or engagement it came from."""
    now = datetime.now(LONDON)
    data = {"starts_on": now.date(), "start_time": f"{now:%H}:00", "status": "held"}
    if current_user.authority:
        data["lead_authority"] = data["action_owner"] = current_user.authority.code
    if parse_id(args.get("stakeholder")):
        data["stakeholders"] = [args["stakeholder"]]
    source_id = parse_id(args.get("engagement"))
    source = db.session.get(Engagement, source_id) if source_id else None
    if source is not None:
        data.update(
            stakeholders=[str(s.id) for s in source.stakeholders],
            matters=[m.slug for m in source.matters],
            kind=source.kind,
            level=source.level,
            lead_authority=source.lead_authority.code,
            title=f"Follow-up: {source.title}"[:300],
        )
    return data


def _document(form) -> tuple[str, bytes] | None:
    upload = form.evidence_file.data
    if not upload or not getattr(upload, "filename", ""):
        return None
    return upload.filename, upload.read()


@bp.route("/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new():
    form = EngagementForm(data=_prefill(request.args) if request.method == "GET" else None)
    lookups = FormLookups()
    results = attendee_search(form.attendee_search.data) if form.find.data else []
    form.setup(lookups.authorities, lookups.stages, lookups.matters, lookups.attendees(form.stakeholders.data, results))
    if form.validate_on_submit() and not form.find.data:
        data, errors = form.to_data()
        try:
            if errors:
                raise ValidationError(errors)
            engagement = services.log_engagement(
                data, user=current_user, actions=form.action_data(), document=_document(form)
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Engagement logged: {engagement.title}", "success")
            return redirect(url_for("engagements.show", engagement_id=engagement.id))
    return render_template("engagements/new.html", form=form, results=results)


@bp.route("/<int:engagement_id>")
@require_permission(VIEW)
def show(engagement_id):
    engagement = _engagement_or_404(engagement_id)
    action_form = ActionForm(data={"owner": engagement.lead_authority.code})
    action_form.setup(FormLookups().authorities)
    return render_template(
        "engagements/show.html", engagement=engagement, action_form=action_form, today=datetime.now(LONDON).date()
    )


def _edit_data(engagement: Engagement) -> dict:
    values = services.engagement_values(engagement)
    values.update(
        starts_on=engagement.local_date,
        start_time=format_time(engagement.starts_at),
        end_time=format_time(engagement.ends_at),
        stakeholders=[str(i) for i in values["stakeholders"]],
        lead_authority=engagement.lead_authority.code,
    )
    return values


@bp.route("/<int:engagement_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(engagement_id):
    engagement = _engagement_or_404(engagement_id)
    form = EngagementForm(data=_edit_data(engagement) if request.method == "GET" else None)
    lookups = FormLookups()
    results = attendee_search(form.attendee_search.data) if form.find.data else []
    form.setup(lookups.authorities, lookups.stages, lookups.matters, lookups.attendees(form.stakeholders.data, results))
    if form.validate_on_submit() and not form.find.data:
        data, errors = form.to_data()
        try:
            if errors:
                raise ValidationError(errors)
            services.update_engagement(
                engagement, data, user=current_user, actions=form.action_data(), document=_document(form)
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Changes saved", "success")
            return redirect(url_for("engagements.show", engagement_id=engagement.id))
    return render_template("engagements/edit.html", form=form, engagement=engagement, results=results)


@bp.route("/<int:engagement_id>/held", methods=["GET", "POST"])
@require_permission(EDIT)
def held(engagement_id):
    engagement = _engagement_or_404(engagement_id)
    initial = {
        "summary": engagement.summary,
        "agreement": engagement.agreement,
        "evidence_url": engagement.evidence_url,
        "examination_library_reference": engagement.examination_library_reference,
    }
    form = HeldForm(
        data={**initial, "action_owner": engagement.lead_authority.code} if request.method == "GET" else None
    )
    form.setup(FormLookups().authorities)
    if form.validate_on_submit():
        try:
            services.mark_held(
                engagement, form.to_data(), user=current_user, actions=form.action_data(), document=_document(form)
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Engagement marked as held", "success")
            return redirect(url_for("engagements.show", engagement_id=engagement.id))
    return render_template("engagements/held.html", form=form, engagement=engagement)


@bp.route("/<int:engagement_id>/actions", methods=["POST"])
@require_permission(EDIT)
def add_action(engagement_id):
    engagement = _engagement_or_404(engagement_id)
    form = ActionForm()
    form.setup(FormLookups().authorities)
    if form.validate_on_submit():
        data = {"description": form.description.data, "owner": form.owner.data, "due_on": form.due_on.data}
        try:
            services.add_action(engagement, data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Action added", "success")
            return redirect(url_for("engagements.show", engagement_id=engagement.id, _anchor="actions"))
    return render_template(
        "engagements/show.html", engagement=engagement, action_form=form, today=datetime.now(LONDON).date()
    )


@bp.route("/<int:engagement_id>/documents/<int:document_id>")
@require_permission(VIEW)
def document(engagement_id, document_id):
    found = db.session.get(EngagementDocument, document_id)
    if found is None or found.engagement_id != engagement_id:
        abort(404)
    return send_file(
        io.BytesIO(found.content), mimetype=found.content_type, as_attachment=True, download_name=found.filename
    )


@bp.route("/stakeholder-search")
@require_permission(VIEW)
def stakeholder_search():
    """Suggestions for the attendee picker (the page works without it: the search button does the same)."""
    people: list[Stakeholder] = attendee_search(request.args.get("q", ""))
    return jsonify(
        [{"id": s.id, "name": s.name, "organisation": s.organisation_label, "label": _label(s)} for s in people]
    )


def _label(stakeholder: Stakeholder) -> str:
    organisation = stakeholder.organisation_label
    return f"{stakeholder.name} ({organisation})" if organisation else stakeholder.name
