"""What the engagement forms offer: authorities, the plan's stages, strategic matters and attendees."""

from sqlalchemy import case, select

from engage.common.ids import parse_id
from engage.engagements.rules import current_plan
from engage.extensions import db
from engage.models import Authority, Stakeholder, StrategicMatter
from engage.stakeholders import queries as register_queries

SUGGESTIONS = 20


class FormLookups:
    def __init__(self):
        partners_first = case((Authority.kind == "partner", 0), (Authority.kind == "county", 1), else_=2)
        self.authorities = list(db.session.scalars(select(Authority).order_by(partners_first, Authority.name)))
        self.plan = current_plan()
        self.stages = list(self.plan.stages) if self.plan else []
        self.matters = list(db.session.scalars(select(StrategicMatter).order_by(StrategicMatter.name)))

    def attendees(self, selected: list[str] | None, results: list[Stakeholder]) -> list[Stakeholder]:
        """Those already ticked, then the search results not ticked yet."""
        ids = [number for number in (parse_id(str(i)) for i in selected or []) if number is not None]
        chosen = list(db.session.scalars(select(Stakeholder).where(Stakeholder.id.in_(ids)))) if ids else []
        order = {stakeholder_id: n for n, stakeholder_id in enumerate(ids)}
        chosen.sort(key=lambda s: order[s.id])
        seen = {s.id for s in chosen}
        return chosen + [s for s in results if s.id not in seen]


def attendee_search(text: str | None) -> list[Stakeholder]:
    """Stakeholders whose name, organisation or email contain every word typed (not erased ones)."""
    text = (text or "").strip()[:200]
    if len(text) < 2:
        return []
    filters = register_queries.StakeholderFilters(q=text)
    query = register_queries.filtered(filters).where(Stakeholder.erased_at.is_(None))
    return list(db.session.scalars(query.order_by(Stakeholder.sort_name, Stakeholder.id).limit(SUGGESTIONS)))
