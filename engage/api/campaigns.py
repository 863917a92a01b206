"""Campaigns: a consultation's groups of near-identical representations, looking for them (a background job), and
confirming, renaming, splitting, merging and dissolving them. Over engage.campaigns, as the campaign pages."""

from flask import jsonify
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_args, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.campaigns import grouping, queries, services
from engage.campaigns.schemas import (
    Campaign,
    CampaignChanges,
    CampaignDetail,
    ConfirmedCampaignCount,
    GroupingJob,
    MergeInput,
    RepresentationCounts,
    Split,
    SplitInput,
    job_answer,
)
from engage.common.pagination import Page
from engage.common.validation import ValidationError
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations import counts
from engage.vocab import CampaignStatus


def _campaign(campaign_id: int) -> models.Campaign:
    return find_or_404(models.Campaign, campaign_id, "campaign")


def _detail(campaign: models.Campaign) -> dict:
    members = [item.reference for item in queries.members_of(campaign.id)]
    return CampaignDetail.of(queries.row_of(campaign), members=members).model_dump(mode="json")


@bp.get("/consultations/<int:consultation_id>/campaigns")
@require_permission(VIEW)
def list_campaigns(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    rows = queries.campaigns_of(consultation.id)
    page, per_page = page_args()
    items = rows[(page - 1) * per_page : page * per_page]
    return paginated_response(Page(items=items, page=page, per_page=per_page, total=len(rows)), Campaign)


@bp.get("/consultations/<int:consultation_id>/representation-counts")
@require_permission(VIEW)
def representation_counts(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    everything = counts.counts(consultation.id)
    duly_made = counts.counts(consultation.id, *counts.DULY_MADE)
    answer = RepresentationCounts(
        consultation=consultation.id,
        submissions=everything.submissions,
        distinct_arguments=everything.arguments,
        distinct_people=everything.people,
        duly_made=duly_made.submissions,
        duly_made_distinct_arguments=duly_made.arguments,
        duly_made_distinct_people=duly_made.people,
        campaigns=[
            ConfirmedCampaignCount(name=name, representations=each.submissions, people=each.people)
            for name, each in counts.confirmed_campaigns(consultation.id)
        ],
    )
    return jsonify(answer.model_dump(mode="json"))


@bp.get("/campaigns/<int:campaign_id>")
@require_permission(VIEW)
def show_campaign(campaign_id: int):
    return jsonify(_detail(_campaign(campaign_id)))


@bp.patch("/campaigns/<int:campaign_id>")
@require_permission(EDIT)
@idempotent
def update_campaign(campaign_id: int):
    campaign = _campaign(campaign_id)
    data = parse_json_body(CampaignChanges)
    changes = {key: data[key] for key in ("name", "template_text") if key in data}
    if "status" in data:
        status = (data["status"] or "").strip().lower()
        if status not in CampaignStatus.values():
            raise ValidationError({"status": ["Status must be suggested or confirmed"]})
        changes["confirmed"] = status == CampaignStatus.CONFIRMED
    services.update_campaign(campaign, changes, user=current_user)
    return jsonify(_detail(campaign))


@bp.post("/campaigns/<int:campaign_id>/split")
@require_permission(EDIT)
@idempotent
def split_campaign(campaign_id: int):
    campaign = _campaign(campaign_id)
    data = parse_json_body(SplitInput)
    new = services.split_campaign(campaign, data.get("representations") or [], user=current_user)
    return jsonify({"campaign": _detail(campaign), "new_campaign": _detail(new) if new else None})


@bp.post("/campaigns/<int:campaign_id>/merge")
@require_permission(EDIT)
@idempotent
def merge_campaigns(campaign_id: int):
    campaign = _campaign(campaign_id)
    services.merge_campaigns(campaign, parse_json_body(MergeInput).get("campaign"), user=current_user)
    return jsonify(_detail(campaign))


@bp.delete("/campaigns/<int:campaign_id>")
@require_permission(EDIT)
@idempotent
def dissolve_campaign(campaign_id: int):
    campaign = _campaign(campaign_id)
    answer = _detail(campaign)
    services.dissolve_campaign(campaign, user=current_user)
    return jsonify(answer)


@bp.post("/consultations/<int:consultation_id>/campaign-grouping")
@require_permission(EDIT)
@idempotent
def find_campaigns(consultation_id: int):
    """The job is queued once its row is committed (engage.jobs.enqueue_after_commit)."""
    consultation = find_or_404(models.Consultation, consultation_id)
    job = grouping.find_campaigns(consultation, user=current_user)
    return jsonify(job_answer(job, consultation.id)), 202


@bp.get("/consultations/<int:consultation_id>/campaign-grouping")
@require_permission(VIEW)
def latest_grouping(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    job = grouping.latest_job(consultation.id)
    if job is None:
        raise Problem(404, "Nobody has looked for campaigns in this consultation yet")
    return jsonify(job_answer(job, consultation.id))


ONE = {"responses": spec.responds(CampaignDetail)}

spec.document(
    tag=("Campaigns", "Groups of near-identical representations: template letters with personal edits, and repeats"),
    paths={
        "/consultations/{consultation_id}/campaigns": {
            "get": {
                "summary": "List a consultation's campaigns",
                "description": "Biggest first, suggested and confirmed, each with how many representations and"
                " distinct people it has.",
                "parameters": [*spec.PAGE_PARAMETERS],
                "responses": spec.page_of(Campaign),
            },
        },
        "/consultations/{consultation_id}/representation-counts": {
            "get": {
                "summary": "Count a consultation's representations three ways",
                "description": "Submissions, distinct arguments (a confirmed campaign counts once) and distinct"
                " people (the same person, or the same email address in any case, counts once): of every"
                " representation, and of the duly made ones, with each confirmed campaign.",
                "responses": spec.responds(RepresentationCounts),
            },
        },
        "/consultations/{consultation_id}/campaign-grouping": {
            "post": {
                "summary": "Look for campaigns",
                "description": "Starts a background job that groups the consultation's near-identical"
                " representations into suggested campaigns. It replaces earlier suggestions; confirmed campaigns"
                " and their members are kept. No body.",
                "responses": spec.responds(GroupingJob, 202, "Started"),
            },
            "get": {
                "summary": "How the latest look for campaigns went",
                "responses": spec.responds(GroupingJob),
            },
        },
        "/campaigns/{campaign_id}": {
            "get": {"summary": "Get a campaign and the references of its representations", **ONE},
            "patch": {
                "summary": "Rename, set the template text, confirm",
                "description": "Only the fields sent change. `status: confirmed` counts the campaign as one"
                " argument; `suggested` undoes that.",
                "requestBody": spec.json_body(CampaignChanges),
                **ONE,
            },
            "delete": {
                "summary": "Dissolve a group that is no campaign",
                "description": "Its representations are left ungrouped. Answers with the campaign as it was.",
                "responses": spec.responds(CampaignDetail, 200, "Dissolved"),
            },
        },
        "/campaigns/{campaign_id}/split": {
            "post": {
                "summary": "Split representations out of a group",
                "description": "A reference that is not in the group is a 422 and nothing changes.",
                "requestBody": spec.json_body(SplitInput),
                "responses": spec.responds(Split),
            },
        },
        "/campaigns/{campaign_id}/merge": {
            "post": {
                "summary": "Merge another group into this one",
                "description": "Both must belong to the same consultation (422 otherwise, nothing changed); the"
                " other group is deleted.",
                "requestBody": spec.json_body(MergeInput),
                **ONE,
            },
        },
    },
)
