"""Officer pages for representations: the inbox, one representation, keying in email, post and in-person ones,
linking a respondent to a stakeholder, withdrawing on request and reinstating."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.campaigns import queries as campaign_queries
from engage.common.ids import parse_id
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.consultations import bp
from engage.consultations.correction_forms import CorrectionForm
from engage.consultations.forms import ConfirmForm, KeyInForm, ReinstateForm, RepresentationFilterForm, WithdrawForm
from engage.consultations.routes import consultation_or_404
from engage.extensions import db
from engage.models import Stakeholder
from engage.permissions import EDIT, VIEW, require_permission
from engage.plans import wording
from engage.representations import corrections, queries, respondents, withdrawals
from engage.representations import services as service
from engage.representations.attachments import find_attachment, read_upload, send_attachment
from engage.representations.forms import item_form_data, representation_form
from engage.themes import queries as themes_queries

PER_PAGE = 50


@bp.route("/<int:consultation_id>/representations")
@require_permission(VIEW)
def representations(consultation_id):
    consultation = consultation_or_404(consultation_id)
    filters = queries.RepresentationFilters.from_args(request.args)
    page = paginate(
        queries.representations_query(consultation.id, filters),
        parse_int(request.args.get("page"), 1),
        PER_PAGE,
        queries.count_query(consultation.id, filters),
    )
    campaigns = [(row.campaign.id, row.campaign.name) for row in campaign_queries.campaigns_of(consultation.id)]
    form = RepresentationFilterForm(request.args, consultation, campaigns)
    problems = queries.filter_problems([part.ref for part in consultation.parts], request.args)
    return render_template(
        "consultations/representations.html",
        consultation=consultation,
        page=page,
        filter_form=form,
        error_list=form.show_problems(problems),
        filters=filters,
    )


@bp.route("/representations/<reference>")
@require_permission(VIEW)
def representation(reference):
    item = _representation(reference)
    matches = [] if item.respondent.stakeholder_id else service.matching_stakeholders(item.respondent.person())
    return render_template(
        "consultations/representation.html",
        representation=item,
        consultation=item.consultation,
        matches=matches,
        form=ConfirmForm(),
        before_close=withdrawals.before_close(item),
        wording=wording.for_plan(item.consultation.plan),
        analysis=themes_queries.analysis_of(item),
    )


@bp.route("/representations/<reference>/attachments/<int:attachment_id>")
@require_permission(VIEW)
def attachment(reference, attachment_id):
    found = find_attachment(attachment_id, representation_id=_representation(reference).id)
    if found is None:
        abort(404)
    return send_attachment(found)


@bp.route("/representations/<reference>/withdraw", methods=["GET", "POST"])
@require_permission(EDIT)
def withdraw(reference):
    """Are you sure? The officer gives the reason, which goes in the audit trail."""
    item = _representation(reference)
    form = WithdrawForm()
    if item.status != "withdrawn" and form.validate_on_submit():
        try:
            withdrawals.withdraw_representation(item, form.reason.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Representation {item.reference} withdrawn", "success")
            return redirect(url_for("consultations.representation", reference=item.reference))
    return _confirm_page("withdraw", item, form)


@bp.route("/representations/<reference>/reinstate", methods=["GET", "POST"])
@require_permission(EDIT)
def reinstate(reference):
    item = _representation(reference)
    form = ReinstateForm()
    if item.status == "withdrawn" and form.validate_on_submit():
        try:
            withdrawals.reinstate_representation(
                item, form.reason.data, by_mistake=form.by_mistake.data, user=current_user
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Representation {item.reference} reinstated", "success")
            return redirect(url_for("consultations.representation", reference=item.reference))
    return _confirm_page("reinstate", item, form)


@bp.route("/representations/<reference>/correct", methods=["GET", "POST"])
@require_permission(EDIT)
def correct_representation(reference):
    """Correct what was recorded (a keying-in slip): the same checks as keying in; the reason and the changes go
    in the audit trail. An online representation keeps how and when it was sent."""
    item = _representation(reference)
    consultation = item.consultation
    initial = CorrectionForm.initial(item) if request.method == "GET" else None
    form = representation_form(consultation, base=CorrectionForm, data=initial)
    if form.validate_on_submit():
        about = form.about_data()
        try:
            changes = corrections.correct_representation(
                item,
                about["respondent"],
                about["agent"],
                form.item_data(consultation),
                reason=form.reason.data,
                channel=form.channel.data if item.channel != "online" else None,
                received_at=form.received_at() if item.channel != "online" else None,
                user=current_user,
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Representation {item.reference} corrected" if changes else "Nothing was changed", "success")
            return redirect(url_for("consultations.representation", reference=item.reference))
    return render_template(
        "consultations/correct_representation.html", representation=item, consultation=consultation, form=form
    )


def _representation(reference):
    item = service.find_representation(reference)
    if item is None:
        abort(404)
    return item


def _confirm_page(action: str, item, form):
    """The question page; a representation already withdrawn (or not withdrawn, to reinstate) just says so."""
    return render_template(
        f"consultations/{action}.html",
        representation=item,
        consultation=item.consultation,
        form=form,
        freely=withdrawals.before_close(item),
    )


@bp.route("/representations/<reference>/link", methods=["POST"])
@require_permission(EDIT)
def link_stakeholder(reference):
    item = service.find_representation(reference)
    if item is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        stakeholder_id = parse_id(request.form.get("stakeholder_id"))
        stakeholder = db.session.get(Stakeholder, stakeholder_id) if stakeholder_id else None
        service.link_stakeholder(item.respondent, stakeholder, user=current_user)
        flash("Respondent linked to the stakeholder" if stakeholder else "Link removed", "success")
    return redirect(url_for("consultations.representation", reference=item.reference))


@bp.route("/<int:consultation_id>/representations/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new_representation(consultation_id):
    """Key in a letter or email. When respondents on record may be the same person, the page asks which."""
    consultation = consultation_or_404(consultation_id)
    initial = {**item_form_data({}), **_agent_of(consultation)} if request.method == "GET" else None
    form = representation_form(consultation, base=KeyInForm, data=initial)
    if form.validate_on_submit():
        try:
            first = _key_in(consultation, form)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            late = " It arrived after the deadline and is flagged as late." if first.late else ""
            flash(f"Representation {first.reference} saved.{late}", "success")
            return redirect(url_for("consultations.representation", reference=first.reference))
    if request.method == "POST":
        candidates = respondents.matching_respondents(consultation, form.about_data()["respondent"])
        form.set_candidates([(found.reference, respondents.describe(found)) for found in candidates])
    chosen = request.files.get("attachment")
    return render_template(
        "consultations/new_representation.html",
        consultation=consultation,
        form=form,
        file_dropped=bool(chosen and chosen.filename),
    )


def _agent_of(consultation) -> dict:
    """`?agent_of=R-00123`: the agent of that respondent, filled in for their next client."""
    acting = respondents.agent_of(consultation, request.args.get("agent_of", ""))
    if not acting:
        return {}
    return {"is_agent": "yes", **{f"agent_{field}": value for field, value in acting.items()}}


def _key_in(consultation, form: KeyInForm):
    about = form.about_data()
    return service.key_in_representation(
        consultation,
        about["respondent"],
        about["agent"],
        form.item_data(consultation),
        channel=form.channel.data or "email",
        received_at=form.received_at(),
        stakeholder_id=form.stakeholder_id.data,
        upload=read_upload(request.files.get("attachment")),
        user=current_user,
        **form.respondent_choice(),
    )
