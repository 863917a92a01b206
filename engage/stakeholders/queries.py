"""Searching, filtering and sorting stakeholders: one query for the pages, the API and exports."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import aliased, selectinload

from engage.extensions import db
from engage.models import (
    Authority,
    BodyKind,
    Category,
    Register,
    Stakeholder,
    register_membership,
    stakeholder_category,
)
from engage.models.stakeholder import stakeholder_body_kind

EXPORT_BATCH_SIZE = 500
EXPORT_LINKS = {
    "registers": (register_membership, register_membership.c.register_id, Register),
    "categories": (stakeholder_category, stakeholder_category.c.category_id, Category),
    "body_kinds": (stakeholder_body_kind, stakeholder_body_kind.c.body_kind_id, BodyKind),
}
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
        query = query.where(Stakeholder.id.in_(_matching_ids(filters.q)))
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


def _matching_ids(q: str) -> Select:
    """Ids whose search text holds every word as a substring (search_text is lower case).

    A subquery of ids, not a condition on the listing itself: SQLite then scans the narrow search_text index once
    instead of walking the sort_name index and reading every row. OFFSET 0 stops PostgreSQL flattening it into
    the listing, where it would walk the sort_name index too (measured 175-520 ms for `patel`); kept apart it
    answers from the trigram index and sorts the few matches.
    """
    query = select(Stakeholder.id)
    for word in q.lower().split():
        query = query.where(Stakeholder.search_text.like(f"%{_escape_like(word)}%", escape="\\"))
    return query.offset(0)


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


def count_query(filters: StakeholderFilters) -> Select:
    """How many match, counting ids only (no joins, no sorting)."""
    subquery = filtered(filters).with_only_columns(Stakeholder.id).subquery()
    return select(func.count()).select_from(subquery)


def count(filters: StakeholderFilters) -> int:
    return db.session.scalar(count_query(filters)) or 0


def export_rows(filters: StakeholderFilters) -> Iterator[dict[str, Any]]:
    """Every match as a plain row, sorted, fetched a batch at a time: memory stays flat over 100,000 rows.

    Plain rows, not ORM objects, because building 100,000 objects with their collections is what makes a large
    export slow. Each row has the stakeholder's columns, `authority` (code), `linked_organisation` (name of the
    organisation record it is linked to) and `registers`, `categories`, `body_kinds` (lists of slugs).
    """
    linked = aliased(Stakeholder)
    query = (
        select(
            *Stakeholder.__table__.c,
            Authority.code.label("authority"),
            linked.organisation_name.label("linked_organisation"),
        )
        .select_from(Stakeholder)
        .outerjoin(Authority, Stakeholder.authority_id == Authority.id)
        .outerjoin(linked, Stakeholder.organisation_id == linked.id)
        .order_by(*SORTS[filters.sort])
        .execution_options(yield_per=EXPORT_BATCH_SIZE)
    )
    condition = filtered(filters).whereclause
    if condition is not None:
        query = query.where(condition)
    for batch in db.session.execute(query).mappings().partitions():
        ids = [row["id"] for row in batch]
        links = {name: _slugs(table, column, model, ids) for name, (table, column, model) in EXPORT_LINKS.items()}
        for row in batch:
            yield {**row, **{name: slugs.get(row["id"], []) for name, slugs in links.items()}}


def _slugs(table, column, model, ids: list[int]) -> dict[int, list[str]]:
    query = (
        select(table.c.stakeholder_id, model.slug)
        .join(model, model.id == column)
        .where(table.c.stakeholder_id.in_(ids))
        .order_by(model.position, model.id)
    )
    found: dict[int, list[str]] = {}
    for stakeholder_id, slug in db.session.execute(query):
        found.setdefault(stakeholder_id, []).append(slug)
    return found


def members(organisation: Stakeholder, limit: int) -> tuple[list[Stakeholder], int]:
    """The first `limit` people linked to an organisation, by name, and how many there are in all.

    Only organisations have people, so a person costs no query; ix_stakeholder_organisation_members answers both.
    """
    if organisation.kind != "organisation":
        return [], 0
    query = select(Stakeholder).where(Stakeholder.organisation_id == organisation.id)
    total = db.session.scalar(select(func.count()).select_from(query.with_only_columns(Stakeholder.id).subquery()))
    items = db.session.scalars(query.order_by(Stakeholder.sort_name, Stakeholder.id).limit(limit))
    return list(items), total or 0


def register_counts() -> list[tuple[Register, int]]:
    """Every register in order with how many stakeholders are on it, in one grouped query."""
    query = (
        select(Register, func.count(register_membership.c.stakeholder_id))
        .outerjoin(register_membership, register_membership.c.register_id == Register.id)
        .group_by(Register.id)
        .order_by(Register.position, Register.id)
    )
    return [(register, count) for register, count in db.session.execute(query)]


def filter_problems(args) -> dict[str, list[str]]:
    """Unknown registers, categories, authorities and sorts in a query string, by parameter: the list page shows
    them next to its filters and the API answers 422, instead of listing everyone as if no filter were given."""
    problems: dict[str, list[str]] = {}
    for field, model, column, noun in (
        ("register", Register, Register.slug, "register"),
        ("category", Category, Category.slug, "category"),
        ("authority", Authority, Authority.code, "authority with the code"),
    ):
        value = (args.get(field) or "").strip()
        value = value.upper() if field == "authority" else value.lower()
        if value and db.session.scalar(select(model.id).where(column == value)) is None:
            problems[field] = [f"There is no {noun} ‘{value[:100]}’"]
    sort = (args.get("sort") or "").strip()
    if sort and sort not in SORTS:
        problems["sort"] = [f"Sort must be one of: {', '.join(SORTS)}"]
    return problems
