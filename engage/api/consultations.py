"""Consultations and representations: list and add consultations, list and key in representations, read one
representation by its reference. Over engage.consultations services and queries."""

from typing import Any

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, paginated_response, parse_json_body, query_arg
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.consultations import services
from engage.consultations.schemas import Consultation, ConsultationInput
from engage.permissions import EDIT, VIEW, has_permission, public, require_permission
from engage.representations import queries
from engage.representations import services as intake
from engage.representations.schemas import Representation, RepresentationInput
from engage.vocab import Channel, ConsultationStatus, Nature


def _visible() -> Any:
    query = (
        select(models.Consultation)
        .options(selectinload(models.Consultation.parts))
        .order_by(models.Consultation.opens_at.desc())
    )
    if not has_permission(current_user, VIEW):
        query = query.where(models.Consultation.published.is_(True))
    return query


@bp.get("/consultations")
@public
def list_consultations():
    """Published consultations for anyone; drafts too for signed-in users."""
    status = query_arg("status")
    if status and status not in ConsultationStatus.values():
        raise ValidationError({"status": [f"Status must be one of: {', '.join(ConsultationStatus.values())}"]})
    return paginated_response(services.status_filter(_visible(), status), Consultation)


@bp.get("/consultations/<int:consultation_id>")
@public
def show_consultation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    if not consultation.published and not has_permission(current_user, VIEW):
        raise Problem(404, f"There is no consultation with the id {consultation_id}")
    return jsonify(Consultation.serialise(consultation))


@bp.post("/consultations")
@require_permission(EDIT)
@idempotent
def create_consultation():
    consultation = services.create_consultation(parse_json_body(ConsultationInput), user=current_user)
    return jsonify(Consultation.serialise(consultation)), 201


@bp.get("/consultations/<int:consultation_id>/representations")
@require_permission(VIEW)
def list_representations(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    filters = queries.RepresentationFilters.from_args(request.args)
    problems = queries.filter_problems([part.ref for part in consultation.parts], request.args)
    if problems:
        raise ValidationError(problems)
    query = queries.representations_query(consultation.id, filters)
    return paginated_response(
        query.options(selectinload(models.Representation.attachments)),
        Representation,
        count_query=queries.count_query(consultation.id, filters),
    )


@bp.post("/consultations/<int:consultation_id>/representations")
@require_permission(EDIT)
@idempotent
def create_representation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    data = parse_json_body(RepresentationInput)
    person, agent = data.pop("respondent", None), data.pop("agent", None)
    if not person:
        raise ValidationError({"respondent": ["Give the respondent's name and contact details"]})
    respondent = intake.key_in(
        consultation,
        person,
        agent,
        data,
        channel=data.get("channel", ""),
        received_at=data.get("received_at"),
        stakeholder_id=data.get("stakeholder"),
        user=current_user,
    )
    return jsonify(Representation.serialise(respondent.representations[0])), 201


@bp.get("/representations/<reference>")
@require_permission(VIEW)
def show_representation(reference: str):
    representation = intake.find_representation(reference)
    if representation is None:
        raise Problem(404, f"There is no representation with the reference {reference[:40]}")
    return jsonify(Representation.serialise(representation))


FILTERS = [
    spec.query("part", "Part reference, e.g. Policy SP1"),
    spec.query("nature", "support, object or comment", {"type": "string", "enum": list(Nature.values())}),
    spec.query("channel", "How it arrived", {"type": "string", "enum": list(Channel.values())}),
    spec.query("late", "true or false", {"type": "string", "enum": ["true", "false"]}),
    spec.query("campaign", "Campaign id, or none"),
    spec.query("legally_compliant", "yes, no or not-specified"),
    spec.query("sound", "yes, no or not-specified"),
    spec.query("dtc_compliant", "yes, no or not-specified"),
    spec.query("status", "submitted or withdrawn"),
]

spec.document(
    tag=("Consultations", "Consultations, the parts of the plan people comment on, and representations"),
    paths={
        "/consultations": {
            "get": {
                "summary": "List consultations",
                "description": "No token needed for published consultations; signed-in users also see drafts.",
                "parameters": [*spec.PAGE_PARAMETERS, spec.query("status", "draft, scheduled, open or closed")],
                "responses": spec.page_of(Consultation),
            },
            "post": {
                "summary": "Add a consultation",
                "requestBody": spec.json_body(ConsultationInput),
                "responses": spec.responds(Consultation, 201, "Added"),
            },
        },
        "/consultations/{consultation_id}": {
            "get": {"summary": "Get a consultation", "responses": spec.responds(Consultation)},
        },
        "/consultations/{consultation_id}/representations": {
            "get": {
                "summary": "List a consultation's representations",
                "parameters": [*spec.PAGE_PARAMETERS, *FILTERS],
                "responses": spec.page_of(Representation),
            },
            "post": {
                "summary": "Key in an email, post or in-person representation",
                "description": "Gets a reference like online ones; received from the closing time on, it is late.",
                "requestBody": spec.json_body(RepresentationInput),
                "responses": spec.responds(Representation, 201, "Added"),
            },
        },
        "/representations/{reference}": {
            "get": {
                "summary": "Get a representation by its reference",
                "responses": spec.responds(Representation),
            },
        },
    },
)
