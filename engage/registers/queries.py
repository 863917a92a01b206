"""Searching, filtering and sorting stakeholders: one query for the pages, the API and exports."""

from dataclasses import dataclass

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.models import Authority, Category, Register, Stakeholder, register_membership, stakeholder_category

SORTS = {
    "name": (Stakeholder.sort_name.asc(), Stakeholder.id.asc()),
    "-name": (Stakeholder.sort_name.desc(), Stakeholder.id.desc()),
    "updated": (Stakeholder.updated_at.asc(), Stakeholder.id.asc()),
    "-updated": (Stakeholder.updated_at.desc(), Stakeholder.id.desc()),
    "created": (Stakeholder.id.asc(),),
    "-created": (Stakeholder.id.desc(),),
}


@dataclass
class StakeholderFilters:
    q: str = ""
    register: str = ""
    category: str = ""
    authority: str = ""
    sort: str = "name"

    @classmethod
    def from_args(cls, args) -> "StakeholderFilters":
        sort = args.get("sort", "name")
        return cls(
            q=(args.get("q") or "").strip()[:200],
            register=(args.get("register") or "").strip(),
            category=(args.get("category") or "").strip(),
            authority=(args.get("authority") or "").strip().upper(),
            sort=sort if sort in SORTS else "name",
        )

    def as_args(self) -> dict[str, str]:
        return {key: value for key, value in vars(self).items() if value and not (key == "sort" and value == "name")}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(filters: StakeholderFilters) -> Select:
    """Stakeholders matching the filters, unordered: the WHERE clause every listing shares."""
    query = select(Stakeholder)
    if filters.q:
        for word in filters.q.lower().split():
            query = query.where(Stakeholder.search_text.like(f"%{_escape_like(word)}%", escape="\\"))
    if filters.register:
        register_id = select(Register.id).where(Register.slug == filters.register).scalar_subquery()
        query = query.where(
            exists().where(
                register_membership.c.stakeholder_id == Stakeholder.id,
                register_membership.c.register_id == register_id,
            )
        )
    if filters.category:
        category_id = select(Category.id).where(Category.slug == filters.category).scalar_subquery()
        query = query.where(
            exists().where(
                stakeholder_category.c.stakeholder_id == Stakeholder.id,
                stakeholder_category.c.category_id == category_id,
            )
        )
    if filters.authority:
        authority_id = select(Authority.id).where(Authority.code == filters.authority).scalar_subquery()
        query = query.where(Stakeholder.authority_id == authority_id)
    return query


def search(filters: StakeholderFilters) -> Select:
    """Filtered and sorted, with what a list shows loaded in a few queries."""
    return (
        filtered(filters)
        .order_by(*SORTS[filters.sort])
        .options(
            selectinload(Stakeholder.registers),
            selectinload(Stakeholder.categories),
            selectinload(Stakeholder.authority),
            selectinload(Stakeholder.organisation),
        )
    )


def count(filters: StakeholderFilters) -> int:
    subquery = filtered(filters).with_only_columns(Stakeholder.id).subquery()
    return db.session.scalar(select(func.count()).select_from(subquery)) or 0
