"""Reading plans: the plans and routes, and who runs the public pages."""

import time
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import case, event, select
from sqlalchemy.orm import selectinload

from engage.extensions import Session, db
from engage.models import Authority, Plan, Route
from engage.models.plan import plan_partner


@dataclass(frozen=True)
class Owner:
    """Who runs the public pages: the plan's name and its partner authorities' names, the lead first."""

    plan: str
    partners: tuple[str, ...]

    @property
    def partners_text(self) -> str:
        names = list(self.partners)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def owner() -> Owner | None:
    """The first plan set up, which is the one a fresh install's public pages speak for; None before any plan.

    Every public page's header and footer name it, so each process keeps the answer for OWNER_CACHE_SECONDS
    (production and development: a minute; tests: not at all). A commit in this process that changes a plan or an
    authority forgets it at once; other processes see the change when their copy runs out."""
    seconds = current_app.config["OWNER_CACHE_SECONDS"]
    if not seconds:
        return _read_owner()
    key = current_app.config["SQLALCHEMY_DATABASE_URI"]
    kept = _owners.get(key)
    if kept is None or kept[0] <= time.monotonic():
        kept = _owners[key] = (time.monotonic() + seconds, _read_owner())
    return kept[1]


_owners: dict[str, tuple[float, Owner | None]] = {}  # database URL -> (time.monotonic() it runs out, owner)
_OWNER_CHANGED = "owner_changed"


def _read_owner() -> Owner | None:
    """One Core statement: the plan's name and its partners' names, the lead first, then by name."""
    first = select(Plan.id).order_by(Plan.id).limit(1).scalar_subquery()
    lead_first = case((Authority.id == Plan.lead_authority_id, 0), else_=1)
    rows = db.session.execute(
        select(Plan.name, Authority.name)
        .outerjoin(plan_partner, plan_partner.c.plan_id == Plan.id)
        .outerjoin(Authority, Authority.id == plan_partner.c.authority_id)
        .where(Plan.id == first)
        .order_by(lead_first, Authority.name)
    ).all()
    if not rows:
        return None
    return Owner(plan=rows[0][0], partners=tuple(partner for _, partner in rows if partner is not None))


@event.listens_for(Session, "before_flush")
def _note_owner_change(session, _context, _instances) -> None:
    if any(isinstance(item, Plan | Authority) for item in (*session.new, *session.dirty, *session.deleted)):
        session.info[_OWNER_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _forget_owner(session) -> None:
    if session.info.pop(_OWNER_CHANGED, False):
        _owners.clear()


@event.listens_for(Session, "after_rollback")
def _keep_owner(session) -> None:
    session.info.pop(_OWNER_CHANGED, None)


def plans_query():
    """Every plan with its partners and stages, oldest first."""
    return select(Plan).options(selectinload(Plan.partners), selectinload(Plan.stages)).order_by(Plan.id)


def all_plans() -> list[Plan]:
    return list(db.session.scalars(plans_query()))


def route_template(slug: str) -> Route | None:
    return db.session.scalars(select(Route).options(selectinload(Route.stages)).where(Route.slug == slug)).first()


def routes() -> list[Route]:
    return list(db.session.scalars(select(Route).options(selectinload(Route.stages)).order_by(Route.id)))


def authorities_by_code(codes: list[str]) -> dict[str, Authority]:
    if not codes:
        return {}
    return {a.code: a for a in db.session.scalars(select(Authority).where(Authority.code.in_(codes)))}


def all_authorities() -> list[Authority]:
    return list(db.session.scalars(select(Authority).order_by(Authority.name)))
