"""Consultations and representations: list and add consultations, list and key in representations, read one
representation by its reference. Over engage.consultations services and queries."""

from typing import Any

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.api import bp, spec
from engage.api.http import (
    Problem,
    check_fields,
    find_or_404,
    paginated_response,
    parse_datetime,
    parse_json_body,
    query_arg,
)
from engage.api.idempotency import idempotent
from engage.common.dates import iso_datetime
from engage.common.validation import ValidationError
from engage.consultations import services
from engage.models import Consultation, Representation
from engage.models.representation import PERSON_FIELDS
from engage.permissions import EDIT, VIEW, has_permission, public, require_permission
from engage.representations import queries
from engage.representations import services as intake
from engage.vocab import (
    Answer,
    Channel,
    ConsultationStatus,
    FormType,
    Nature,
    NotifyEvent,
    PartKind,
    RepresentationStatus,
    SoundnessTest,
)

CONSULTATION_FIELDS = {
    "slug": "string?",
    "title": "string",
    "stage": "string?",
    "summary": "string?",
    "opens_at": "string",
    "closes_at": "string",
    "form_type": "string?",
    "privacy_notice": "string?",
    "procedure_statement": "string?",
    "published": "boolean",
}
CONSULTATION_READ_ONLY = ("id", "status", "parts", "url")
REPRESENTATION_FIELDS = {
    "channel": "string",
    "received_at": "string",
    "part": "string?",
    "nature": "string?",
    "legally_compliant": "string?",
    "sound": "string?",
    "dtc_compliant": "string?",
    "unsound_tests": "strings",
    "comment": "string?",
    "modification": "string?",
    "wishes_to_be_heard": "boolean",
    "heard_reason": "string?",
    "notify": "strings",
    "stakeholder": "integer?",
}
REPRESENTATION_READ_ONLY = (
    "reference",
    "respondent_reference",
    "consultation",
    "late",
    "campaign",
    "status",
    "attachments",
)
PERSON_KINDS = dict.fromkeys(PERSON_FIELDS, "string?")
ATTACHMENT_FIELDS = ("id", "filename", "content_type", "size")


def consultation_json(item: Consultation) -> dict[str, Any]:
    return {
        "id": item.id,
        "slug": item.slug,
        "title": item.title,
        "stage": item.stage,
        "summary": item.summary,
        "opens_at": iso_datetime(item.opens_at),
        "closes_at": iso_datetime(item.closes_at),
        "status": item.status,
        "form_type": item.form_type,
        "published": item.published,
        "parts": [{"ref": p.ref, "title": p.title, "kind": p.kind} for p in item.parts],
    }


def representation_json(item: Representation) -> dict[str, Any]:
    respondent = item.respondent
    return {
        "reference": item.reference,
        "respondent_reference": respondent.reference,
        "consultation": item.consultation_id,
        "channel": item.channel,
        "received_at": iso_datetime(item.received_at),
        "late": item.late,
        "respondent": respondent.person(),
        "agent": {field: (respondent.agent or {}).get(field, "") for field in PERSON_FIELDS}
        if respondent.agent
        else None,
        "part": item.part.ref if item.part else None,
        "nature": item.nature,
        "legally_compliant": item.legally_compliant,
        "sound": item.sound,
        "dtc_compliant": item.dtc_compliant,
        "unsound_tests": list(item.unsound_tests or []),
        "comment": item.comment,
        "modification": item.modification,
        "wishes_to_be_heard": item.wishes_to_be_heard,
        "heard_reason": item.heard_reason,
        "notify": list(item.notify or []),
        "answers": item.answers or {},
        "campaign": item.campaign_id,
        "status": item.status,
        "attachments": [{field: getattr(file, field) for field in ATTACHMENT_FIELDS} for file in item.attachments],
    }


def _visible() -> Any:
    query = select(Consultation).options(selectinload(Consultation.parts)).order_by(Consultation.opens_at.desc())
    if not has_permission(current_user, VIEW):
        query = query.where(Consultation.published.is_(True))
    return query


@bp.get("/consultations")
@public
def list_consultations():
    """Published consultations for anyone; drafts too for signed-in users."""
    status = query_arg("status")
    if status and status not in ConsultationStatus.values():
        raise ValidationError({"status": [f"Status must be one of: {', '.join(ConsultationStatus.values())}"]})
    return paginated_response(services.status_filter(_visible(), status), consultation_json)


@bp.get("/consultations/<int:consultation_id>")
@public
def show_consultation(consultation_id: int):
    consultation = find_or_404(Consultation, consultation_id)
    if not consultation.published and not has_permission(current_user, VIEW):
        raise Problem(404, f"There is no consultation with the id {consultation_id}")
    return jsonify(consultation_json(consultation))


@bp.post("/consultations")
@require_permission(EDIT)
@idempotent
def create_consultation():
    data = parse_json_body()
    parts = data.pop("parts", [])
    data = check_fields(data, CONSULTATION_FIELDS, CONSULTATION_READ_ONLY)
    data["published"] = data.get("published", False)
    errors: dict[str, list[str]] = {}
    for field in ("opens_at", "closes_at"):
        try:
            data[field] = parse_datetime(data.get(field), field)
        except ValidationError as error:
            errors.update(error.errors)
    if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
        errors["parts"] = ['Parts must be a list of objects, like [{"ref": "Policy SP1", "title": "Growth"}]']
    if errors:
        raise ValidationError(errors)
    consultation = services.create_consultation({**data, "parts": parts}, user=current_user)
    return jsonify(consultation_json(consultation)), 201


@bp.get("/consultations/<int:consultation_id>/representations")
@require_permission(VIEW)
def list_representations(consultation_id: int):
    consultation = find_or_404(Consultation, consultation_id)
    filters = queries.RepresentationFilters.from_args(request.args)
    return paginated_response(
        queries.representations_query(consultation.id, filters).options(selectinload(Representation.attachments)),
        representation_json,
        count_query=queries.count_query(consultation.id, filters),
    )


@bp.post("/consultations/<int:consultation_id>/representations")
@require_permission(EDIT)
@idempotent
def create_representation(consultation_id: int):
    consultation = find_or_404(Consultation, consultation_id)
    data = parse_json_body()
    people = {key: data.pop(key, None) for key in ("respondent", "agent")}
    data = check_fields(data, REPRESENTATION_FIELDS, REPRESENTATION_READ_ONLY)
    errors: dict[str, list[str]] = {}
    for key, value in people.items():
        if value is not None and not isinstance(value, dict):
            errors[key] = [f"{key.capitalize()} must be an object with title, first_name, last_name and so on"]
        elif value:
            try:
                people[key] = check_fields(value, PERSON_KINDS)
            except ValidationError as error:
                errors.update({f"{key}.{field}": messages for field, messages in error.errors.items()})
    if not people["respondent"]:
        errors.setdefault("respondent", ["Give the respondent's name and contact details"])
    try:
        received_at = parse_datetime(data.get("received_at"), "received_at")
    except ValidationError as error:
        errors.update(error.errors)
        received_at = None
    if errors:
        raise ValidationError(errors)
    respondent = intake.key_in(
        consultation,
        people["respondent"],
        people["agent"],
        data,
        channel=data.get("channel", ""),
        received_at=received_at,
        stakeholder_id=data.get("stakeholder"),
        user=current_user,
    )
    return jsonify(representation_json(respondent.representations[0])), 201


@bp.get("/representations/<reference>")
@require_permission(VIEW)
def show_representation(reference: str):
    representation = intake.find_representation(reference)
    if representation is None:
        raise Problem(404, f"There is no representation with the reference {reference[:40]}")
    return jsonify(representation_json(representation))


PERSON_SCHEMA = {
    "type": "object",
    "properties": {field: {"type": "string"} for field in PERSON_FIELDS},
}
CONSULTATION_SCHEMA = {
    "type": "object",
    "required": ["id", "slug", "title", "stage", "opens_at", "closes_at", "status", "parts"],
    "properties": {
        "id": {"type": "integer"},
        "slug": spec.STRING,
        "title": spec.STRING,
        "stage": {"type": "string", "description": "Plan stage slug, e.g. reg-19"},
        "summary": spec.STRING,
        "opens_at": spec.DATE_TIME,
        "closes_at": spec.DATE_TIME,
        "status": {"type": "string", "enum": list(ConsultationStatus.values())},
        "form_type": {"type": "string", "enum": list(FormType.values())},
        "published": {"type": "boolean"},
        "parts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ref", "title"],
                "properties": {
                    "ref": spec.STRING,
                    "title": spec.STRING,
                    "kind": {"type": "string", "enum": list(PartKind.values())},
                },
            },
        },
    },
}
CONSULTATION_INPUT = {
    "type": "object",
    "required": ["title", "opens_at", "closes_at"],
    "properties": {
        **{name: {"type": "string"} for name in CONSULTATION_FIELDS},
        "opens_at": spec.DATE_TIME,
        "closes_at": spec.DATE_TIME,
        "form_type": {"type": "string", "enum": list(FormType.values())},
        "published": {"type": "boolean", "default": False},
        "parts": CONSULTATION_SCHEMA["properties"]["parts"],
    },
}
LEGAL = {"type": "string", "enum": list(Answer.values())}
ATTACHMENT_SCHEMA = {
    "type": "object",
    "required": list(ATTACHMENT_FIELDS),
    "properties": {
        "id": {"type": "integer"},
        "filename": spec.STRING,
        "content_type": {"type": "string", "description": "Found from the content, e.g. application/pdf"},
        "size": {"type": "integer", "description": "In bytes"},
    },
}
REPRESENTATION_SCHEMA = {
    "type": "object",
    "required": [
        "reference",
        "respondent_reference",
        "consultation",
        "channel",
        "received_at",
        "late",
        "respondent",
        "agent",
        "part",
        "nature",
        "legally_compliant",
        "sound",
        "dtc_compliant",
        "unsound_tests",
        "comment",
        "modification",
        "wishes_to_be_heard",
        "heard_reason",
        "notify",
        "campaign",
        "status",
        "attachments",
    ],
    "properties": {
        "reference": {"type": "string", "description": "Respondent reference and number, e.g. R-00123-2"},
        "respondent_reference": {"type": "string", "description": "e.g. R-00123"},
        "consultation": {"type": "integer"},
        "channel": {"type": "string", "enum": list(Channel.values())},
        "received_at": spec.DATE_TIME,
        "late": {"type": "boolean"},
        "respondent": PERSON_SCHEMA,
        "agent": {"oneOf": [PERSON_SCHEMA, {"type": "null"}]},
        "part": spec.NULLABLE_STRING,
        "nature": {"type": "string", "enum": list(Nature.values())},
        "legally_compliant": LEGAL,
        "sound": LEGAL,
        "dtc_compliant": LEGAL,
        "unsound_tests": {"type": "array", "items": {"type": "string", "enum": list(SoundnessTest.values())}},
        "comment": spec.STRING,
        "modification": spec.STRING,
        "wishes_to_be_heard": {"type": "boolean"},
        "heard_reason": spec.STRING,
        "notify": {"type": "array", "items": {"type": "string", "enum": list(NotifyEvent.values())}},
        "answers": {"type": "object", "description": "Questionnaire answers by question id"},
        "campaign": {"type": ["integer", "null"]},
        "status": {"type": "string", "enum": list(RepresentationStatus.values())},
        "attachments": {"type": "array", "items": ATTACHMENT_SCHEMA, "description": "Files sent with it (read only)"},
    },
}
REPRESENTATION_INPUT = {
    "type": "object",
    "required": ["channel", "received_at", "respondent"],
    "properties": {
        **{name: REPRESENTATION_SCHEMA["properties"].get(name, {"type": "string"}) for name in REPRESENTATION_FIELDS},
        "channel": {"type": "string", "enum": [c.value for c in Channel if c != Channel.ONLINE]},
        "stakeholder": {"type": ["integer", "null"], "description": "Record number of a stakeholder to link"},
        "respondent": PERSON_SCHEMA,
        "agent": {"oneOf": [PERSON_SCHEMA, {"type": "null"}]},
    },
}
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
    schemas={
        "Consultation": CONSULTATION_SCHEMA,
        "ConsultationInput": CONSULTATION_INPUT,
        "Representation": REPRESENTATION_SCHEMA,
        "RepresentationInput": REPRESENTATION_INPUT,
    },
    paths={
        "/consultations": {
            "get": {
                "summary": "List consultations",
                "description": "No token needed for published consultations; signed-in users also see drafts.",
                "parameters": [*spec.PAGE_PARAMETERS, spec.query("status", "draft, scheduled, open or closed")],
                "responses": spec.responds(spec.page_of("Consultation")),
            },
            "post": {
                "summary": "Add a consultation",
                "requestBody": spec.json_body(spec.ref("ConsultationInput")),
                "responses": spec.responds(spec.ref("Consultation"), 201, "Added"),
            },
        },
        "/consultations/{consultation_id}": {
            "get": {"summary": "Get a consultation", "responses": spec.responds(spec.ref("Consultation"))},
        },
        "/consultations/{consultation_id}/representations": {
            "get": {
                "summary": "List a consultation's representations",
                "parameters": [*spec.PAGE_PARAMETERS, *FILTERS],
                "responses": spec.responds(spec.page_of("Representation")),
            },
            "post": {
                "summary": "Key in an email, post or in-person representation",
                "description": "Gets a reference like online ones; received from the closing time on, it is late.",
                "requestBody": spec.json_body(spec.ref("RepresentationInput")),
                "responses": spec.responds(spec.ref("Representation"), 201, "Added"),
            },
        },
        "/representations/{reference}": {
            "get": {
                "summary": "Get a representation by its reference",
                "responses": spec.responds(spec.ref("Representation")),
            },
        },
    },
)
