"""Redaction through the API, over the services the redaction pages call: a representation's redactions (list, add,
remove), its suggestions, its review, the redacted copy of a file; a consultation's register (its state, publishing
and taking it down) and the public register itself, as JSON, once published."""

from flask import jsonify, request
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_args, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.permissions import EDIT, VIEW, public, require_permission
from engage.redaction import publication, queries, register, services
from engage.redaction.schemas import (
    RedactionInput,
    RedactionSpan,
    RedactionState,
    RegisterEntry,
    RegisterState,
    ReviewInput,
    SuggestionInput,
)
from engage.representations import services as intake
from engage.representations.attachments import find_attachment, read_upload
from engage.vocab import Nature, RedactionReason


def _representation(reference: str):
    representation = intake.find_representation(reference)
    if representation is None:
        raise Problem(404, f"There is no representation with the reference {reference[:40]}")
    return representation


def _state(representation) -> dict:
    review = queries.review_of(representation.id)
    views = queries.field_views(representation)
    return RedactionState.of(
        representation,
        review=review.state if review else "to-review",
        note=review.note if review else "",
        stale=any(view.stale for view in views),
        redactions=[
            RedactionSpan.of(r, text=view.text[r.start : r.end] if not view.stale else "")
            for view in views
            for r in view.redactions
        ],
        suggestions=[
            {"field": view.field, "start": s.start, "end": s.end, "kind": s.kind, "text": view.text[s.start : s.end]}
            for view in views
            for s in view.suggestions
        ],
        public={
            "comment": queries.public_text(representation, "comment"),
            "modification": queries.public_text(representation, "modification"),
            "heard_reason": queries.public_text(representation, "heard-reason"),
        },
    ).model_dump(mode="json")


@bp.get("/representations/<reference>/redactions")
@require_permission(VIEW)
def show_redactions(reference: str):
    return jsonify(_state(_representation(reference)))


@bp.post("/representations/<reference>/redactions")
@require_permission(EDIT)
@idempotent
def add_redaction(reference: str):
    representation = _representation(reference)
    data = parse_json_body(RedactionInput)
    missing = {name: [f"Give the {name}"] for name in ("field", "start", "end", "reason") if data.get(name) is None}
    if missing:
        raise ValidationError(missing)
    services.add_redaction(representation, data["field"], data["start"], data["end"], data["reason"], user=current_user)
    return jsonify(_state(representation)), 201


@bp.delete("/representations/<reference>/redactions/<int:redaction_id>")
@require_permission(EDIT)
@idempotent
def remove_redaction(reference: str, redaction_id: int):
    representation = _representation(reference)
    redaction = services.find_redaction(representation, redaction_id)
    if redaction is None:
        raise Problem(404, f"Representation {representation.reference} has no redaction {redaction_id}")
    services.remove_redaction(representation, redaction, user=current_user)
    return jsonify(_state(representation))


@bp.post("/representations/<reference>/suggestions/accept")
@require_permission(EDIT)
@idempotent
def accept_suggestions(reference: str):
    representation = _representation(reference)
    data = parse_json_body(SuggestionInput)
    one = (data["field"], data.get("start"), data.get("end")) if data.get("field") else None
    services.accept_suggestions(representation, data.get("reason") or "contact-details", only=one, user=current_user)
    return jsonify(_state(representation))


@bp.put("/representations/<reference>/redaction-review")
@require_permission(EDIT)
@idempotent
def review_redactions(reference: str):
    representation = _representation(reference)
    data = parse_json_body(ReviewInput)
    services.set_review(representation, data.get("state"), data.get("note"), user=current_user)
    return jsonify(_state(representation))


@bp.put("/representations/<reference>/attachments/<int:attachment_id>/redacted-copy")
@require_permission(EDIT)
@idempotent
def replace_attachment(reference: str, attachment_id: int):
    representation = _representation(reference)
    attachment = find_attachment(attachment_id, representation_id=representation.id, content=False)
    if attachment is None:
        raise Problem(404, f"Representation {representation.reference} has no attachment {attachment_id}")
    upload = read_upload(request.files.get("file"))
    services.replace_attachment(attachment, upload, request.form.get("reason"), user=current_user)
    return jsonify(_state(representation))


def _register_state(consultation) -> dict:
    found = publication.publication_of(consultation.id)
    rows = queries.queue(consultation.id)
    return RegisterState(
        consultation=consultation.id,
        published=bool(found and found.published_at),
        published_at=found.published_at if found else None,
        blockers=[row.reference for row in publication.blockers(consultation.id, rows)],
        **queries.counts(rows),
    ).model_dump(mode="json")


@bp.get("/consultations/<int:consultation_id>/register")
@require_permission(VIEW)
def show_register(consultation_id: int):
    return jsonify(_register_state(find_or_404(models.Consultation, consultation_id)))


@bp.post("/consultations/<int:consultation_id>/register/publish")
@require_permission(EDIT)
@idempotent
def publish_register(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    publication.publish_register(consultation, user=current_user)
    return jsonify(_register_state(consultation))


@bp.post("/consultations/<int:consultation_id>/register/unpublish")
@require_permission(EDIT)
@idempotent
def unpublish_register(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    publication.unpublish_register(consultation, user=current_user)
    return jsonify(_register_state(consultation))


@bp.get("/consultations/<int:consultation_id>/register/representations")
@public
def list_register(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    if not consultation.published or not publication.is_published(consultation.id):
        raise Problem(404, "The register of representations of this consultation is not published")
    number, per_page = page_args()
    filters = register.RegisterFilters.from_args(request.args)
    found = register.page_of(consultation, filters, number, per_page)
    items = [RegisterEntry.of(entry).model_dump(mode="json") for entry in found.items]
    return jsonify({"items": items, "page": found.page, "per_page": found.per_page, "total": found.total})


STATE = spec.responds(RedactionState)
REGISTER = spec.responds(RegisterState)
COPY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file", "reason"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "PDF, Word (.docx), JPEG or PNG"},
                    "reason": {"type": "string", "enum": list(RedactionReason.values())},
                },
            }
        }
    },
}
spec.document(
    tag=("Redaction", "Keeping personal data out of what is published, and the public register of representations"),
    paths={
        "/representations/{reference}/redactions": {
            "get": {
                "summary": "A representation's redactions, suggestions, review and texts as published",
                "responses": STATE,
            },
            "post": {
                "summary": "Redact characters of one of its texts",
                "description": "Inside the text (`start` from 0, `end` at most its length) and not overlapping a "
                "redaction already made; the reason from the list. The words are kept for the inspector.",
                "requestBody": spec.json_body(RedactionInput),
                "responses": spec.responds(RedactionState, 201, "Redacted"),
            },
        },
        "/representations/{reference}/redactions/{redaction_id}": {
            "delete": {"summary": "Remove a redaction: the words are published again", "responses": STATE},
        },
        "/representations/{reference}/suggestions/accept": {
            "post": {
                "summary": "Redact one suggestion (field, start, end) or, with an empty body, every suggestion",
                "requestBody": spec.json_body(SuggestionInput),
                "responses": STATE,
            },
        },
        "/representations/{reference}/redaction-review": {
            "put": {
                "summary": "Mark the representation reviewed, flag it (with a note) or put it back to review",
                "description": "Reviewed: what is left of the suggestions is published as it is. Flagged: it blocks "
                "publishing the register until reviewed.",
                "requestBody": spec.json_body(ReviewInput),
                "responses": STATE,
            },
        },
        "/representations/{reference}/attachments/{attachment_id}/redacted-copy": {
            "put": {
                "summary": "Publish a redacted copy of a file instead of it (the original stays for the inspector)",
                "requestBody": COPY,
                "responses": STATE,
            },
        },
        "/consultations/{consultation_id}/register": {
            "get": {
                "summary": "Whether the public register is published, and the redaction review's progress",
                "responses": REGISTER,
            },
        },
        "/consultations/{consultation_id}/register/publish": {
            "post": {
                "summary": "Publish the public register of representations",
                "description": "Refused (422) while any representation is flagged or not yet redacted (`blockers`), "
                "and for a consultation that is not published.",
                "responses": REGISTER,
            },
        },
        "/consultations/{consultation_id}/register/unpublish": {
            "post": {"summary": "Take the public register down", "responses": REGISTER},
        },
        "/consultations/{consultation_id}/register/representations": {
            "get": {
                "summary": "The public register: representations as published (404 until it is)",
                "description": "Names and organisations, the part of the plan, nature, legal answers and the texts "
                "as redacted, with the files the public may download; never an address, email, phone number or "
                "signature. Withdrawn representations are left out.",
                "parameters": [
                    spec.query("part", "Part reference"),
                    spec.query(
                        "nature", "support, object or comment", {"type": "string", "enum": list(Nature.values())}
                    ),
                    *spec.PAGE_PARAMETERS,
                ],
                "responses": spec.page_of(RegisterEntry),
            },
        },
    },
)
