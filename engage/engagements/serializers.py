"""Engagements and actions as JSON, with the field names of shared/API.md."""

from datetime import datetime
from typing import Any

from flask import url_for

from engage.common.dates import LONDON, iso_date, iso_datetime
from engage.models import Action, Engagement


def action_json(action: Action, today=None) -> dict[str, Any]:
    today = today or datetime.now(LONDON).date()
    return {
        "id": action.id,
        "engagement": action.engagement_id,
        "description": action.description,
        "owner": action.owner_authority.code,
        "due_on": iso_date(action.due_on),
        "status": action.status,
        "overdue": action.is_overdue(today),
    }


def engagement_json(engagement: Engagement) -> dict[str, Any]:
    today = datetime.now(LONDON).date()
    return {
        "id": engagement.id,
        "title": engagement.title,
        "kind": engagement.kind,
        "status": engagement.status,
        "starts_at": iso_datetime(engagement.starts_at),
        "ends_at": iso_datetime(engagement.ends_at),
        "lead_authority": engagement.lead_authority.code,
        "level": engagement.level,
        "plan_stage": engagement.plan_stage.slug if engagement.plan_stage else None,
        "stakeholders": [s.id for s in engagement.stakeholders],
        "matters": [m.slug for m in engagement.matters],
        "summary": engagement.summary,
        "outcome": engagement.outcome,
        "agreement": engagement.agreement,
        "influence_on_plan": engagement.influence_on_plan,
        "evidence_url": engagement.evidence_url,
        "evidence_documents": [
            {
                "filename": d.filename,
                "content_type": d.content_type,
                "size": d.size,
                "url": url_for("engagements.document", engagement_id=engagement.id, document_id=d.id, _external=True),
            }
            for d in engagement.documents
        ],
        "strategy_entry_id": engagement.strategy_entry_id,
        "after_submission": engagement.after_submission,
        "actions": [action_json(a, today) for a in engagement.actions],
        "created_at": iso_datetime(engagement.created_at),
        "updated_at": iso_datetime(engagement.updated_at),
    }
