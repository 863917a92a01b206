"""Reading plans for pages that name who runs them."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from engage.extensions import db
from engage.models import Plan


@dataclass(frozen=True)
class Owner:
    """Who runs the public pages: the plan's name and its partner authorities' names."""

    plan: str
    partners: tuple[str, ...]

    @property
    def partners_text(self) -> str:
        names = list(self.partners)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def owner() -> Owner | None:
    """The first plan set up, which is the one a fresh install's public pages speak for; None before any plan."""
    first = select(Plan.id).order_by(Plan.id).limit(1).scalar_subquery()
    plan = db.session.scalars(select(Plan).options(joinedload(Plan.partners)).where(Plan.id == first)).unique().first()
    if plan is None:
        return None
    return Owner(plan=plan.name, partners=tuple(authority.name for authority in plan.partners))
