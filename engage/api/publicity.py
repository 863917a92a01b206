"""How a consultation was publicised, for the statement of consultation: list, record, change and remove the
methods (public notice, press, website, social media, newsletter, exhibition or event with attendance, deposit
point…) with their dates. Over engage.evidence.consultation_statement.publicity, as the officer pages."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.evidence.consultation_statement import publicity as publicising
from engage.evidence.consultation_statement.schemas import Publicity, PublicityInput
from engage.permissions import EDIT, VIEW, require_permission


@bp.get("/consultations/<int:consultation_id>/publicity")
@require_permission(VIEW)
def list_publicity(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    query = (
        select(models.Publicity)
        .where(models.Publicity.consultation_id == consultation.id)
        .order_by(models.Publicity.starts_on, models.Publicity.id)
    )
    return paginated_response(query, Publicity)


@bp.post("/consultations/<int:consultation_id>/publicity")
@require_permission(EDIT)
@idempotent
def create_publicity(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    item = publicising.record_publicity(consultation, parse_json_body(PublicityInput), user=current_user)
    return jsonify(Publicity.serialise(item)), 201


@bp.get("/publicity/<int:publicity_id>")
@require_permission(VIEW)
def show_publicity(publicity_id: int):
    return jsonify(Publicity.serialise(find_or_404(models.Publicity, publicity_id, "publicity record")))


@bp.patch("/publicity/<int:publicity_id>")
@require_permission(EDIT)
@idempotent
def update_publicity(publicity_id: int):
    item = find_or_404(models.Publicity, publicity_id, "publicity record")
    publicising.update_publicity(item, parse_json_body(PublicityInput), user=current_user)
    return jsonify(Publicity.serialise(item))


@bp.delete("/publicity/<int:publicity_id>")
@require_permission(EDIT)
@idempotent
def delete_publicity(publicity_id: int):
    item = find_or_404(models.Publicity, publicity_id, "publicity record")
    answer = Publicity.serialise(item)
    publicising.remove_publicity(item, user=current_user)
    return jsonify(answer)


ONE = {"responses": spec.responds(Publicity)}
spec.document(
    tag=("Publicity", "How each consultation was made known, for the statement of consultation"),
    paths={
        "/consultations/{consultation_id}/publicity": {
            "get": {
                "summary": "List how a consultation was publicised",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Publicity),
            },
            "post": {
                "summary": "Record a way the consultation was publicised",
                "description": "Attendance is for exhibitions and events only; the end date, for something that "
                "ran over several days, is on or after the start date.",
                "requestBody": spec.json_body(PublicityInput),
                "responses": spec.responds(Publicity, 201, "Added"),
            },
        },
        "/publicity/{publicity_id}": {
            "get": {"summary": "Get a publicity record", **ONE},
            "patch": {
                "summary": "Change a publicity record",
                "description": "Only the fields sent are changed.",
                "requestBody": spec.json_body(PublicityInput),
                **ONE,
            },
            "delete": {
                "summary": "Remove a publicity record",
                "description": "Answers with the record removed.",
                **ONE,
            },
        },
    },
)
