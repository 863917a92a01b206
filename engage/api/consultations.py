"""Consultations and representations: list, add, change, publish, close consultations and replace their parts; list
and key in representations, read one representation by its reference. Over engage.consultations services and
queries."""

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
from engage.consultations import parts as plan_parts
from engage.consultations import services
from engage.consultations.schemas import Consultation, ConsultationChanges, ConsultationInput, PartsInput
from engage.errors import problem
from engage.permissions import EDIT, VIEW, has_permission, public, require_permission
from engage.representations import queries, respondents
from engage.representations import services as intake
from engage.representations.schemas import (
    KeyedRepresentation,
    Representation,
    RepresentationInput,
    RespondentCandidate,
    SamePersonProblem,
)
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


@bp.patch("/consultations/<int:consultation_id>")
@require_permission(EDIT)
@idempotent
def update_consultation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.update_consultation(consultation, parse_json_body(ConsultationChanges), user=current_user)
    return jsonify(Consultation.serialise(consultation))


@bp.post("/consultations/<int:consultation_id>/publish")
@require_permission(EDIT)
@idempotent
def publish_consultation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.set_published(consultation, True, user=current_user)
    return jsonify(Consultation.serialise(consultation))


@bp.post("/consultations/<int:consultation_id>/unpublish")
@require_permission(EDIT)
@idempotent
def unpublish_consultation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.set_published(consultation, False, user=current_user)
    return jsonify(Consultation.serialise(consultation))


@bp.post("/consultations/<int:consultation_id>/close")
@require_permission(EDIT)
@idempotent
def close_consultation(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.close_consultation(consultation, user=current_user)
    return jsonify(Consultation.serialise(consultation))


@bp.put("/consultations/<int:consultation_id>/parts")
@require_permission(EDIT)
@idempotent
def replace_parts(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    rows = parse_json_body(PartsInput).get("parts")
    if rows is None:
        raise ValidationError({"parts": ['Send the parts as a list, like [{"ref": "Policy SP1", "title": "Growth"}]']})
    for row in rows:  # as when adding a consultation: policies, paragraphs and sites sit under the chapter above
        row.setdefault("child", (row.get("kind") or "policy") in CHILD_KINDS)
    plan_parts.replace_parts(consultation, rows, user=current_user)
    return jsonify(Consultation.serialise(consultation))


CHILD_KINDS = ("policy", "paragraph", "site")


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
    reference, ask = data.get("respondent_reference"), data.get("new_respondent")
    # Neither a respondent named nor a question asked for: a new respondent, as the API always did, with those on
    # record who may be the same person listed (found before the new one exists), so later letters can join them.
    found = respondents.matching_respondents(consultation, person) if ask is None and not reference else []
    try:
        representation = intake.key_in_representation(
            consultation,
            person,
            agent,
            data,
            channel=data.get("channel", ""),
            received_at=data.get("received_at"),
            stakeholder_id=data.get("stakeholder"),
            user=current_user,
            respondent_reference=reference,
            new_respondent=ask is not False,
        )
    except respondents.SamePersonQuestion as question:
        return same_person_problem(question)
    candidates = [RespondentCandidate.of(respondent) for respondent in found]
    return jsonify(
        KeyedRepresentation.of(representation, possible_same_respondents=candidates).model_dump(mode="json")
    ), 201


def same_person_problem(question: respondents.SamePersonQuestion):
    """409 with the respondents on record who may be the same person: nothing was written."""
    body = problem(409, SAME_PERSON, question.errors).get_json()
    body["candidates"] = [RespondentCandidate.of(found).model_dump(mode="json") for found in question.candidates]
    response = jsonify(body)
    response.status_code = 409
    response.mimetype = "application/problem+json"
    return response


SAME_PERSON = (
    "Respondents already on record in this consultation may be the same person (the same email address, or the same"
    " name and postcode). Send it again with respondent_reference to add it to one of them, or with"
    " new_respondent: true. Nothing was saved."
)


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

ONE = {"responses": spec.responds(Consultation)}
CHANGES_NOTE = (
    f" Fields returned but not set here ({', '.join(ConsultationChanges.read_only())}) are ignored: publish, unpublish"
    " and close have endpoints of their own, and the parts are replaced with PUT …/parts."
)

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
            "patch": {
                "summary": "Change a consultation",
                "description": "Only the fields sent change; the closing time must stay after the opening time."
                + CHANGES_NOTE,
                "requestBody": spec.json_body(ConsultationChanges),
                **ONE,
            },
        },
        "/consultations/{consultation_id}/publish": {
            "post": {
                "summary": "Publish a consultation",
                "description": "Its public pages work from now on, and it opens for representations at `opens_at`."
                " Publishing a published consultation changes nothing. No body.",
                **ONE,
            },
        },
        "/consultations/{consultation_id}/unpublish": {
            "post": {
                "summary": "Unpublish a consultation: it becomes a draft again",
                "description": "Its public pages stop working. No body.",
                **ONE,
            },
        },
        "/consultations/{consultation_id}/close": {
            "post": {
                "summary": "Close an open consultation now",
                "description": "The closing time becomes this minute; anything received from now on is late. A"
                " draft, a consultation not yet open or one already closed is a 422. No body.",
                **ONE,
            },
        },
        "/consultations/{consultation_id}/parts": {
            "put": {
                "summary": "Replace the parts of the plan people comment on",
                "description": "The list is every part, in order. Policies, paragraphs and sites belong to the"
                " chapter above them unless `child` is false. A part with representations that is left out is kept"
                " at the end.",
                "requestBody": spec.json_body(PartsInput),
                **ONE,
            },
        },
        "/consultations/{consultation_id}/representations": {
            "get": {
                "summary": "List a consultation's representations",
                "parameters": [*spec.PAGE_PARAMETERS, *FILTERS],
                "responses": spec.page_of(Representation),
            },
            "post": {
                "summary": "Key in an email, post or in-person representation",
                "description": "Gets a reference like online ones; received from the closing time on, it is late."
                " `respondent_reference` adds it to a respondent already on record (whose details are kept and"
                " completed). Respondents on record with the same email address, or the same name and postcode, may"
                " be the same person: with `new_respondent: false` the answer is then a 409 listing them as"
                " `candidates` and nothing is saved; left out, a new respondent is made as before and they are listed"
                " in `possible_same_respondents`; `new_respondent: true` makes a new respondent without looking.",
                "requestBody": spec.json_body(RepresentationInput),
                "responses": {
                    **spec.responds(KeyedRepresentation, 201, "Added"),
                    "409": {
                        "description": "Someone on record may be the same person (`candidates`), or the"
                        " Idempotency-Key is still being processed. Nothing was saved.",
                        "content": {"application/problem+json": {"schema": spec.ref(SamePersonProblem)}},
                    },
                },
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
