"""The communications strategy: list, add, read and change its entries, and plan the engagements an entry calls
for, over engage.strategy services as the strategy pages."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body, validate_body
from engage.api.idempotency import idempotent
from engage.engagements.schemas import Engagement
from engage.permissions import EDIT, VIEW, require_permission
from engage.strategy import schedule, services
from engage.strategy.schemas import (
    ScheduledAll,
    ScheduledEngagements,
    StrategyEntry,
    StrategyEntryChanges,
    StrategyEntryInput,
)


@bp.get("/strategy-entries")
@require_permission(VIEW)
def list_strategy_entries():
    query = (
        select(models.StrategyEntry)
        .options(
            selectinload(models.StrategyEntry.stages),
            selectinload(models.StrategyEntry.stakeholders),
            selectinload(models.StrategyEntry.matters),
        )
        .order_by(models.StrategyEntry.title, models.StrategyEntry.id)
    )
    return paginated_response(query, StrategyEntry)


@bp.post("/strategy-entries")
@require_permission(EDIT)
@idempotent
def create_strategy_entry():
    entry = services.create_entry(parse_json_body(StrategyEntryInput), user=current_user)
    return jsonify(StrategyEntry.serialise(entry)), 201


@bp.get("/strategy-entries/<int:entry_id>")
@require_permission(VIEW)
def show_strategy_entry(entry_id: int):
    return jsonify(StrategyEntry.serialise(find_or_404(models.StrategyEntry, entry_id, "strategy entry")))


@bp.patch("/strategy-entries/<int:entry_id>")
@require_permission(EDIT)
@idempotent
def update_strategy_entry(entry_id: int):
    """The service takes a whole entry: the fields sent over the entry as it is (read back through the input model,
    so it is what a client sending the fetched record would send)."""
    entry = find_or_404(models.StrategyEntry, entry_id, "strategy entry")
    changes = parse_json_body(StrategyEntryChanges)
    current = validate_body(StrategyEntryChanges, StrategyEntry.serialise(entry))
    services.update_entry(entry, {**current, **changes}, user=current_user)
    return jsonify(StrategyEntry.serialise(entry))


@bp.post("/strategy-entries/<int:entry_id>/schedule")
@require_permission(EDIT)
@idempotent
def schedule_strategy_entry(entry_id: int):
    entry = find_or_404(models.StrategyEntry, entry_id, "strategy entry")
    added = schedule.generate(entry, user=current_user)
    answer = ScheduledEngagements.of({"entry": entry.id, "added": [Engagement.of(engagement) for engagement in added]})
    return jsonify(answer.model_dump(mode="json")), 201 if added else 200


@bp.post("/strategy-entries/schedule")
@require_permission(EDIT)
@idempotent
def schedule_strategy():
    added = schedule.generate_all(user=current_user)
    return jsonify(ScheduledAll(added=added).model_dump(mode="json")), 201 if added else 200


ONE = {"responses": spec.responds(StrategyEntry)}
RULES = (
    " A register or at least one stakeholder; how (`mechanism`), how often (`cadence`), the level and the lead"
    " authority; the end on or after the start."
)

spec.document(
    tag=("Strategy", "The communications strategy: who is engaged, how and how often"),
    paths={
        "/strategy-entries": {
            "get": {
                "summary": "List the strategy's entries",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(StrategyEntry),
            },
            "post": {
                "summary": "Add a strategy entry",
                "description": "Fields returned but not set"
                f" ({', '.join(StrategyEntryInput.read_only())}) are ignored." + RULES,
                "requestBody": spec.json_body(StrategyEntryInput),
                "responses": spec.responds(StrategyEntry, 201, "Added"),
            },
        },
        "/strategy-entries/{entry_id}": {
            "get": {"summary": "Get a strategy entry", **ONE},
            "patch": {
                "summary": "Change a strategy entry",
                "description": "Only the fields sent change." + RULES,
                "requestBody": spec.json_body(StrategyEntryChanges),
                **ONE,
            },
        },
        "/strategy-entries/schedule": {
            "post": {
                "summary": "Plan the engagements every entry calls for",
                "description": "As for one entry, for the whole strategy; safe to repeat. No body.",
                "responses": {
                    **spec.responds(ScheduledAll, 201, "Engagements added"),
                    **spec.responds(ScheduledAll, 200, "Nothing to add"),
                },
            },
        },
        "/strategy-entries/{entry_id}/schedule": {
            "post": {
                "summary": "Plan the engagements the entry calls for",
                "description": "Adds a planned engagement for each date its cadence gives that has none yet; safe to"
                " repeat. 201 with those added, or 200 with none when all were there. No body.",
                "responses": {
                    **spec.responds(ScheduledEngagements, 201, "Engagements added"),
                    **spec.responds(ScheduledEngagements, 200, "Nothing to add"),
                },
            },
        },
    },
)
