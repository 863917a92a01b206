"""Reference data in the API: authorities and strategic matters (registers are with the stakeholders)."""

from typing import Literal

from pydantic import Field

from engage.common.schemas import Input, Output, Text
from engage.matters.services import SLUG_PATTERN
from engage.vocab import AuthorityKind


class Authority(Output):
    """A partner council, or a neighbour, county or other authority they work with."""

    id: int
    code: str = Field(examples=["WBC"])
    name: str
    kind: Literal[AuthorityKind.values()]


class StrategicMatter(Output):
    """A cross-boundary topic the plan's engagement is organised around."""

    id: int
    slug: str
    name: str


class StrategicMatterInput(Input):
    """A new strategic matter. A slug already in use is a 422."""

    output = StrategicMatter
    required = ("name",)

    name: Text | None = Field(None, json_schema_extra={"maxLength": 200, "examples": ["Green Belt"]})
    slug: Text | None = Field(
        None,
        description="Derived from the name",
        json_schema_extra={"pattern": SLUG_PATTERN.pattern, "maxLength": 100},
    )
