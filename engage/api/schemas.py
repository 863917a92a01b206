"""What every endpoint answers with besides its resource: a problem, and the envelope of a list."""

import functools

from pydantic import BaseModel, Field, create_model

from engage.common.pagination import MAX_PER_PAGE
from engage.common.schemas import Output


class Problem(BaseModel):
    """application/problem+json: what went wrong. For a 422, `errors` says which fields and why; nothing was
    written."""

    type: str
    title: str
    status: int
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages by field name")


class ListPage(Output):
    """A page of a list: `?page=` (from 1) and `?per_page=` (at most 500) choose it; `total` counts every item."""

    page: int = Field(ge=1)
    per_page: int = Field(ge=1, le=MAX_PER_PAGE)
    total: int = Field(ge=0)


@functools.cache
def page_of(item: type[Output]) -> type[ListPage]:
    """The list envelope around `item`, named like StakeholderPage: {"items", "page", "per_page", "total"}."""
    return create_model(f"{item.__name__}Page", __base__=ListPage, __doc__=ListPage.__doc__, items=(list[item], ...))
