"""The statement of consultation as data, and the main issues of a consultation: list, record, read and change
them, linking the representations that raise each. Over engage.evidence.consultation_statement (the queries behind
the statement's page and files, and the main issues' services)."""

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, paginated_response, parse_json_body, validate_body
from engage.api.idempotency import idempotent
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import queries, services
from engage.evidence.consultation_statement.schemas import (
    ConsultationStatement,
    MainIssue,
    MainIssueChanges,
    MainIssueInput,
)
from engage.permissions import EDIT, VIEW, require_permission


def _as_service_data(data: dict) -> dict:
    """The service reads the references as the page's text box sends them: one a line."""
    if "representations" in data:
        data["representations"] = "\n".join(data["representations"] or [])
    return data


@bp.get("/consultations/<int:consultation_id>/main-issues")
@require_permission(VIEW)
def list_main_issues(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    query = (
        select(models.MainIssue)
        .where(models.MainIssue.consultation_id == consultation.id)
        .options(selectinload(models.MainIssue.representations), selectinload(models.MainIssue.part))
        .order_by(models.MainIssue.position, models.MainIssue.id)
    )
    return paginated_response(query, MainIssue)


@bp.post("/consultations/<int:consultation_id>/main-issues")
@require_permission(EDIT)
@idempotent
def create_main_issue(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    data = _as_service_data(parse_json_body(MainIssueInput))
    issue = services.add_main_issue(consultation, data, user=current_user)
    return jsonify(MainIssue.serialise(issue)), 201


@bp.get("/main-issues/<int:issue_id>")
@require_permission(VIEW)
def show_main_issue(issue_id: int):
    return jsonify(MainIssue.serialise(find_or_404(models.MainIssue, issue_id)))


@bp.patch("/main-issues/<int:issue_id>")
@require_permission(EDIT)
@idempotent
def update_main_issue(issue_id: int):
    """The service takes a whole issue: the fields sent over the issue as it is."""
    issue = find_or_404(models.MainIssue, issue_id)
    changes = parse_json_body(MainIssueChanges)
    current = validate_body(MainIssueChanges, MainIssue.serialise(issue))
    services.update_main_issue(issue, _as_service_data({**current, **changes}), user=current_user)
    return jsonify(MainIssue.serialise(issue))


@bp.get("/evidence/consultation-statement")
@require_permission(VIEW)
def consultation_statement():
    consultation, plan = request.args.get("consultation", "").strip(), request.args.get("plan", "").strip()
    if not consultation and not plan:
        raise ValidationError({"consultation": ["Give a consultation id, or a plan slug as plan"]})
    if consultation and parse_id(consultation) is None:
        raise ValidationError({"consultation": ["Consultation must be a consultation id, a whole number"]})
    scope = queries.scope_from_args(request.args)
    if scope is None:
        found = f"consultation with the id {consultation}" if consultation else f"plan ‘{plan[:100]}’"
        raise Problem(404, f"There is no {found}")
    statement = queries.build(scope)
    return jsonify(ConsultationStatement.of(statement).model_dump(mode="json"))


ONE = {"responses": spec.responds(MainIssue)}

spec.document(
    tag=("Statement of consultation", "The statement of consultation's figures, and the main issues raised"),
    paths={
        "/consultations/{consultation_id}/main-issues": {
            "get": {
                "summary": "List a consultation's main issues",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(MainIssue),
            },
            "post": {
                "summary": "Record a main issue",
                "description": "`representations` are references of representations to this consultation; one that"
                " is not is a 422 naming it.",
                "requestBody": spec.json_body(MainIssueInput),
                "responses": spec.responds(MainIssue, 201, "Recorded"),
            },
        },
        "/main-issues/{issue_id}": {
            "get": {"summary": "Get a main issue", **ONE},
            "patch": {
                "summary": "Change a main issue, or the representations linked to it",
                "description": "Only the fields sent change; `representations` sent replaces the list.",
                "requestBody": spec.json_body(MainIssueChanges),
                **ONE,
            },
        },
        "/evidence/consultation-statement": {
            "get": {
                "summary": "The statement of consultation, stage by stage",
                "description": "For one consultation (`consultation`) or every consultation of a plan (`plan`), in"
                " plan order: who was invited (bodies named, individuals counted) and how, the duly made"
                " representations counted apart from late and withdrawn ones with their breakdowns, and the main"
                " issues. The same as the page /evidence/consultation-statement and its .docx and .xlsx files;"
                " provisional while a consultation has not closed.",
                "parameters": [
                    spec.query("consultation", "Consultation id", {"type": "integer", "minimum": 1}),
                    spec.query("plan", "Plan slug, for all its consultations"),
                ],
                "responses": {
                    **spec.responds(ConsultationStatement),
                    "404": {"$ref": "#/components/responses/NotFound"},
                },
            },
        },
    },
)
