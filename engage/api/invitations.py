"""Invitations to a consultation: who was invited and how, inviting registers and stakeholders by email or letter,
and how the sending of the emails is going. Over engage.consultations.invitations, as the invitations page."""

from flask import jsonify, url_for
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_args, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.consultations import services
from engage.consultations.invitations import JOB_KIND, invite
from engage.consultations.schemas import Invitation, InvitationInput, InvitationSending, InvitationsRecorded
from engage.permissions import EDIT, VIEW, require_permission


@bp.get("/consultations/<int:consultation_id>/invitations")
@require_permission(VIEW)
def list_invitations(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    page, per_page = page_args()
    return paginated_response(services.invitations_page(consultation.id, page, per_page), Invitation)


@bp.post("/consultations/<int:consultation_id>/invitations")
@require_permission(EDIT)
@idempotent
def create_invitations(consultation_id: int):
    """The sending job is queued once the invitations are committed (engage.jobs.enqueue_after_commit); inviting
    again adds no invitation twice (one per stakeholder and method)."""
    consultation = find_or_404(models.Consultation, consultation_id)
    data = parse_json_body(InvitationInput)
    answer = {"consultation": consultation.id, "method": data.get("method") or ""}
    job = invite(
        consultation,
        data.get("registers") or [],
        data.get("stakeholders") or [],
        answer["method"],
        web_address=url_for("respond.show", slug=consultation.slug, _external=True),
        user=current_user,
    )
    answer.update(invitations=services.count_invitations(consultation.id), sending=job and InvitationSending.of(job))
    return jsonify(InvitationsRecorded.of(answer).model_dump(mode="json")), 201


@bp.get("/consultations/<int:consultation_id>/invitations/sendings/<int:sending_id>")
@require_permission(VIEW)
def show_invitation_sending(consultation_id: int, sending_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    job = find_or_404(models.Job, sending_id, "sending")
    if job.kind != JOB_KIND or (job.params or {}).get("consultation_id") != consultation.id:
        raise Problem(404, f"This consultation has no sending with the id {sending_id}")
    return jsonify(InvitationSending.serialise(job))


spec.document(
    tag=("Invitations", "Inviting stakeholders to comment on a consultation, and following the emails"),
    paths={
        "/consultations/{consultation_id}/invitations": {
            "get": {
                "summary": "List who was invited to a consultation, and how",
                "description": "Ordered by method. The letters to print are at"
                " /consultations/{consultation_id}/invitations/letters.csv (or .docx) with the same token.",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Invitation),
            },
            "post": {
                "summary": "Invite registers and stakeholders by email or letter",
                "description": "The consultation must be published. Each stakeholder is invited once per method;"
                " sending again adds nobody twice but tries failed emails again. Emails go in the background:"
                " follow `sending` at …/invitations/sendings/{sending_id}.",
                "requestBody": spec.json_body(InvitationInput),
                "responses": spec.responds(InvitationsRecorded, 201, "Recorded"),
            },
        },
        "/consultations/{consultation_id}/invitations/sendings/{sending_id}": {
            "get": {
                "summary": "How the sending of a batch of email invitations is going",
                "responses": spec.responds(InvitationSending),
            },
        },
    },
)
