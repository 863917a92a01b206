"""A stakeholder's engagement history and open actions (the stakeholder page passes them to
templates/stakeholders/_engagement_history.html), and the officer's engagement work for the start page."""

from datetime import datetime

from engage.common.dates import LONDON
from engage.engagements import queries

HISTORY_SHOWN = 100


def engagement_history(stakeholder) -> dict:
    from engage.consultations.services import invitations_for

    engagements, total = queries.stakeholder_history(stakeholder.id, HISTORY_SHOWN)
    return {
        "engagements": engagements,
        "invitations": invitations_for(stakeholder.id),
        "total": total,
        "open_actions": queries.stakeholder_open_actions(stakeholder.id),
        "today": datetime.now(LONDON).date(),
    }


def engagement_dashboard(user) -> dict:
    """The signed-in officer's engagement work: upcoming engagements and overdue actions of their authority, and
    the strategy's audiences their authority leads that have not been engaged within their cadence."""
    from engage.models import utcnow
    from engage.strategy.coverage import coverage_gaps

    authority_id = getattr(user, "authority_id", None)
    today = datetime.now(LONDON).date()
    return {
        "upcoming": queries.upcoming(authority_id, utcnow()),
        "overdue": queries.overdue_actions(authority_id, today),
        "gaps": coverage_gaps(today, authority_id),
        "today": today,
    }
