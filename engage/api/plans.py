"""Plans and their stages: list, read, set up and change plans; list stages and change their names and dates.
Over engage.plans services and queries."""

from flask import jsonify
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_of_list, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.permissions import ADMIN, EDIT, VIEW, require_permission
from engage.plans import queries, services
from engage.plans.schemas import Plan, PlanInput, Stage, StageInput


@bp.get("/plans")
@require_permission(VIEW)
def list_plans():
    return paginated_response(queries.plans_query(), Plan)


@bp.get("/plans/<int:plan_id>")
@require_permission(VIEW)
def show_plan(plan_id: int):
    return jsonify(Plan.serialise(find_or_404(models.Plan, plan_id)))


@bp.post("/plans")
@require_permission(ADMIN)
@idempotent
def create_plan():
    plan = services.create_plan(parse_json_body(PlanInput), user=current_user)
    return jsonify(Plan.serialise(plan)), 201


@bp.patch("/plans/<int:plan_id>")
@require_permission(EDIT)
@idempotent
def update_plan(plan_id: int):
    plan = find_or_404(models.Plan, plan_id)
    plan = services.update_plan(plan, parse_json_body(PlanInput), user=current_user)
    return jsonify(Plan.serialise(plan))


@bp.get("/plans/<int:plan_id>/stages")
@require_permission(VIEW)
def list_stages(plan_id: int):
    return paginated_response(page_of_list(find_or_404(models.Plan, plan_id).stages), Stage)


@bp.patch("/plans/<int:plan_id>/stages/<stage>")
@require_permission(EDIT)
@idempotent
def update_stage(plan_id: int, stage: str):
    plan = find_or_404(models.Plan, plan_id)
    found = next((s for s in plan.stages if s.slug == stage), None)
    if found is None:
        raise Problem(404, f"The plan has no stage ‘{stage[:50]}’")
    changes = parse_json_body(StageInput)
    try:
        services.update_stages(plan, [{"slug": found.slug, **changes}], user=current_user)
    except ValidationError as error:  # this stage's fields by their own names
        prefix = f"{found.slug}."
        raise ValidationError({key.removeprefix(prefix): value for key, value in error.errors.items()}) from error
    return jsonify(Stage.serialise(found))


spec.document(
    tag=("Plans", "Plans, their partner authorities, route and stages"),
    paths={
        "/plans": {
            "get": {"summary": "List plans", "parameters": spec.PAGE_PARAMETERS, "responses": spec.page_of(Plan)},
            "post": {
                "summary": "Set up a plan",
                "description": "The stages come from the route; `stages` gives their predicted dates.",
                "requestBody": spec.json_body(PlanInput),
                "responses": spec.responds(Plan, 201, "Added"),
            },
        },
        "/plans/{plan_id}": {
            "get": {"summary": "Get a plan", "responses": spec.responds(Plan)},
            "patch": {
                "summary": "Change a plan",
                "description": "Only the fields sent change. A new route replaces the stages, and is refused once "
                "the plan has consultations or engagements.",
                "requestBody": spec.json_body(PlanInput),
                "responses": spec.responds(Plan),
            },
        },
        "/plans/{plan_id}/stages": {
            "get": {
                "summary": "List a plan's stages",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Stage),
            }
        },
        "/plans/{plan_id}/stages/{stage}": {
            "patch": {
                "summary": "Change a stage's name or dates",
                "description": "Dates must keep the stages in order; a consultation stage's actual dates come from "
                "its consultations.",
                "requestBody": spec.json_body(StageInput),
                "responses": spec.responds(Stage),
            }
        },
    },
)
