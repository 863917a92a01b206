"""Respondents' personal data: find a person, erase a respondent (pseudonymised, the counts kept), and everything
held on a person for a subject access request. Over engage.personal_data, as the officer pages."""

from flask import jsonify
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, page_of_list, paginated_response, parse_json_body, query_arg
from engage.api.idempotency import idempotent
from engage.permissions import EDIT, VIEW, require_permission
from engage.personal_data import queries, retention, services, subject_access
from engage.personal_data.schemas import (
    Erasure,
    ErasureInput,
    RespondentFound,
    Retention,
    RetentionInput,
    SubjectAccess,
)


@bp.get("/respondents")
@require_permission(EDIT)
def find_respondents():
    return paginated_response(page_of_list(queries.find_respondents(query_arg("q") or "")), RespondentFound)


@bp.post("/respondents/<int:respondent_id>/erase")
@require_permission(EDIT)
@idempotent
def erase_respondent(respondent_id: int):
    respondent = find_or_404(models.Respondent, respondent_id, "respondent")
    erased = services.erase_respondent(respondent, parse_json_body(ErasureInput), user=current_user)
    return jsonify(Erasure(erased=[r.reference for r in erased]).model_dump(mode="json"))


@bp.get("/respondents/<int:respondent_id>/subject-access")
@require_permission(EDIT)
def respondent_subject_access(respondent_id: int):
    respondent = find_or_404(models.Respondent, respondent_id, "respondent")
    return jsonify(subject_access.export_holdings(respondent, user=current_user))


@bp.get("/plans/<int:plan_id>/retention")
@require_permission(VIEW)
def show_retention(plan_id: int):
    return jsonify(Retention.serialise(find_or_404(models.Plan, plan_id)))


@bp.patch("/plans/<int:plan_id>/retention")
@require_permission(EDIT)
@idempotent
def update_retention(plan_id: int):
    plan = find_or_404(models.Plan, plan_id)
    retention.set_retention(plan, parse_json_body(RetentionInput), user=current_user)
    return jsonify(Retention.serialise(plan))


spec.document(
    tag=("Personal data", "Finding, exporting and erasing a respondent's personal data (UK GDPR)"),
    paths={
        "/respondents": {
            "get": {
                "summary": "Find respondents by email address, name or organisation",
                "parameters": [spec.query("q", "An email address, or part of a name or organisation")],
                "responses": spec.page_of(RespondentFound),
            }
        },
        "/respondents/{respondent_id}/erase": {
            "post": {
                "summary": "Erase a respondent's personal data",
                "description": "Pseudonymises the respondent (the name becomes 'Erased respondent R-…', contact "
                "details, agent and files go) and keeps their representations' references, parts, nature and "
                "answers, so every count stays. 422 when already erased.",
                "requestBody": spec.json_body(ErasureInput),
                "responses": spec.responds(Erasure),
            }
        },
        "/plans/{plan_id}/retention": {
            "get": {"summary": "Get a plan's retention period", "responses": spec.responds(Retention)},
            "patch": {
                "summary": "Change a plan's retention period",
                "description": "`flask apply-retention` (run nightly) erases respondents whose period has ended.",
                "requestBody": spec.json_body(RetentionInput),
                "responses": spec.responds(Retention),
            },
        },
        "/respondents/{respondent_id}/subject-access": {
            "get": {
                "summary": "Everything held on a person",
                "description": "The respondent and every response sent with their email address, their stakeholder "
                "register entries, notices and audit entries. Recorded in the audit trail.",
                "responses": spec.responds(SubjectAccess),
            }
        },
    },
)
