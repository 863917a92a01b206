"""Reading plans: the plans and routes, and who runs the public pages."""

from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import selectinload

from engage.common.kept import Kept
from engage.extensions import db
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
    (engage.common.kept: a minute; not in tests), forgotten at once when a commit here changes a plan or an
    authority."""
    return _owners.get("owner", _read_owner)


_owners = Kept("OWNER_CACHE_SECONDS", (Plan, Authority))


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
