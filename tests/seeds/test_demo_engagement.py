"""Demo engagement data from seed 000: Recommendation 8 as strategy entries; the workshop's actions with leads."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Action, Engagement, StrategyEntry
from engage.seeds.demo_engagement import WORKSHOP, load_demo_engagement
from tests.factories import create_authority, create_plan, create_stakeholder


def _counts() -> tuple[int, int, int]:
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (StrategyEntry, Engagement, Action))


def test_demo_engagement_is_loaded_once_with_lead_authorities():
    create_plan()
    for code in ("DBC", "HBC", "SADC", "TRDC", "WBC", "HCC"):
        create_authority(code, code)
    create_stakeholder(registers=["members-forum"], categories=["elected-member"])  # at the workshop
    load_demo_engagement()
    first = _counts()
    load_demo_engagement()
    assert _counts() == first
    titles = set(db.session.scalars(select(StrategyEntry.title)))
    assert {"Members’ forum", "Local MPs", "Government departments", "Neighbouring authorities"} <= titles
    workshop = db.session.scalar(select(Engagement).where(Engagement.title == WORKSHOP))
    owners = {(a.description.split()[0], a.owner_authority.code) for a in workshop.actions}
    assert ("Set", "WBC") in owners and ("Draft", "SADC") in owners
    assert db.session.scalar(select(func.count()).select_from(Engagement).where(Engagement.status == "planned")) > 5
