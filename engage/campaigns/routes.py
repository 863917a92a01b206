"""Officers' campaign pages under a consultation: the groups with their counts and the button that looks for
them, and one group with its members and what can be done to it (confirm, rename, split, merge, dissolve)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.campaigns import bp, grouping, queries, services
from engage.campaigns.forms import CampaignForm, ConfirmCampaignForm, DissolveForm, FindForm, MergeForm, SplitForm
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, Representation
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations.counts import counts


def _consultation(consultation_id: int) -> Consultation:
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        abort(404)
    return consultation


def _campaign(consultation_id: int, campaign_id: int):
    campaign = queries.campaign_of(consultation_id, campaign_id)
    if campaign is None:
        abort(404)
    return campaign


@bp.route("/<int:consultation_id>/campaigns")
@require_permission(VIEW)
def index(consultation_id):
    consultation = _consultation(consultation_id)
    return render_template(
        "campaigns/index.html",
        consultation=consultation,
        rows=queries.campaigns_of(consultation.id),
        counts=counts(consultation.id),
        job=grouping.latest_job(consultation.id),
        form=FindForm(),
    )


@bp.route("/<int:consultation_id>/campaigns/find", methods=["POST"])
@require_permission(EDIT)
def find(consultation_id):
    consultation = _consultation(consultation_id)
    if FindForm().validate_on_submit():
        grouping.find_campaigns(consultation, user=current_user)
        flash("Looking for campaigns: the groups found are listed when it finishes", "success")
    return redirect(url_for("campaigns.index", consultation_id=consultation.id))


def _show(consultation, campaign, *, split=None, merge=None, status=200):
    members = queries.members_of(campaign.id)
    others = [row for row in queries.campaigns_of(consultation.id) if row.campaign.id != campaign.id]
    page = render_template(
        "campaigns/show.html",
        consultation=consultation,
        campaign=campaign,
        members=members,
        counts=counts(consultation.id, Representation.campaign_id == campaign.id),
        split_form=(split or SplitForm(formdata=None)).offer(members),
        merge_form=(merge or MergeForm(formdata=None)).offer(others),
        confirm_form=ConfirmCampaignForm(formdata=None),
        dissolve_form=DissolveForm(formdata=None),
        form=split or merge,
    )
    return page, status


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>")
@require_permission(VIEW)
def show(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    return _show(consultation, _campaign(consultation.id, campaign_id))


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    campaign = _campaign(consultation.id, campaign_id)
    form = CampaignForm(obj=campaign, confirmed=campaign.confirmed)
    if form.validate_on_submit():
        changes = {"name": form.name.data, "template_text": form.template_text.data, "confirmed": form.confirmed.data}
        try:
            services.update_campaign(campaign, changes, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Campaign {campaign.name} saved", "success")
            return redirect(url_for("campaigns.show", consultation_id=consultation.id, campaign_id=campaign.id))
    return render_template("campaigns/edit.html", consultation=consultation, campaign=campaign, form=form)


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>/confirm", methods=["POST"])
@require_permission(EDIT)
def confirm(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    campaign = _campaign(consultation.id, campaign_id)
    if ConfirmCampaignForm().validate_on_submit():
        services.confirm_campaign(campaign, user=current_user)
        flash(f"Confirmed: {campaign.name} counts as one argument", "success")
    return redirect(url_for("campaigns.show", consultation_id=consultation.id, campaign_id=campaign.id))


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>/split", methods=["POST"])
@require_permission(EDIT)
def split(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    campaign = _campaign(consultation.id, campaign_id)
    form = SplitForm()
    if form.validate_on_submit():
        try:
            new = services.split_campaign(campaign, form.representations.data or [], user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
            return _show(consultation, campaign, split=form, status=422)
        count = len(form.representations.data)
        flash(f"{count} split out of the group" + (f" into {new.name}" if new else ""), "success")
    return redirect(url_for("campaigns.show", consultation_id=consultation.id, campaign_id=campaign.id))


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>/merge", methods=["POST"])
@require_permission(EDIT)
def merge(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    campaign = _campaign(consultation.id, campaign_id)
    form = MergeForm()
    if form.validate_on_submit():
        try:
            services.merge_campaigns(campaign, parse_id(form.campaign.data), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
            return _show(consultation, campaign, merge=form, status=422)
        flash(f"Groups merged into {campaign.name}", "success")
    return redirect(url_for("campaigns.show", consultation_id=consultation.id, campaign_id=campaign.id))


@bp.route("/<int:consultation_id>/campaigns/<int:campaign_id>/dissolve", methods=["POST"])
@require_permission(EDIT)
def dissolve(consultation_id, campaign_id):
    consultation = _consultation(consultation_id)
    campaign = _campaign(consultation.id, campaign_id)
    if DissolveForm().validate_on_submit():
        services.dissolve_campaign(campaign, user=current_user)
        flash("Group dissolved: its representations are no longer grouped", "success")
        return redirect(url_for("campaigns.index", consultation_id=consultation.id))
    return redirect(url_for("campaigns.show", consultation_id=consultation.id, campaign_id=campaign.id))
