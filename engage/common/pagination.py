"""Page-at-a-time results for lists, shared by pages and the API."""

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from engage.common.ids import MAX_ID
from engage.extensions import db

MAX_PER_PAGE = 500


@dataclass
class Page:
    items: list[Any]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def parse_int(value: Any, default: int, minimum: int = 1, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    number = max(minimum, number)
    return min(number, maximum) if maximum else number


def paginate(query: Select, page: int, per_page: int, count_query: Select | None = None) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, min(page, MAX_ID // per_page))  # the offset stays a number the database takes
    if count_query is None:
        count_query = select(func.count()).select_from(query.order_by(None).subquery())
    total = db.session.scalar(count_query) or 0
    items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, page=page, per_page=per_page, total=total)
