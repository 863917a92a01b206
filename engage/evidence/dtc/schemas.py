"""A row of the co-operation (DtC) activity table as the API answers with it (exactly these fields), and the body ×
strategic matter matrix."""

import datetime as dt
from typing import Any, Literal, Self

from pydantic import ConfigDict, Field

from engage.common.schemas import EmptyAsNull, Output
from engage.vocab import ActionStatus, Agreement, EngagementKind, Level


class DtcAction(Output):
    """A follow-up action agreed at the engagement."""

    description: str
    owner: str = Field(description="Authority code")
    due_on: dt.date | None
    status: Literal[ActionStatus.values()]


class DtcRow(Output):
    """One row: a held engagement with one body, a consultation invitation, or a representation."""

    model_config = ConfigDict(extra="forbid")

    ref: str = Field(
        description="Stable reference: E<engagement id>-S<body id>, I<invitation id>, or a representation's "
        "reference (R-00123-2)",
        examples=["E123-S45", "I67", "R-00123-2"],
    )
    date: dt.date
    body: str = Field(description="The organisation (or person) engaged")
    body_category: EmptyAsNull = Field(description="Category slug, co-operation categories first")
    matters: list[str] = Field(description="Strategic matter slugs (engagements only)")
    plan_stage: EmptyAsNull = Field(description="Plan stage slug at the time")
    form: Literal[(*EngagementKind.values(), "invitation", "representation")] = Field(
        description="The engagement's kind, or invitation, or representation"
    )
    level: Literal[Level.values()] | None
    attendees: list[str]
    summary: str
    outcome: str
    agreement: Literal[Agreement.values()]
    actions: list[DtcAction]
    influence_on_plan: str
    evidence_url: str = Field(description="The evidence document, or the record in Engage")
    examination_library_reference: str = Field(
        description="The evidence document's number in the examination library (engagements only), e.g. EL-12"
    )
    after_submission: bool = Field(description="Dated after the plan was submitted")


class MatrixMatter(Output):
    slug: str
    name: str


class MatrixCell(Output):
    """A body and a strategic matter: the latest agreement and the last held engagement about it."""

    matter: str = Field(description="Strategic matter slug")
    agreement: Literal[Agreement.values()] | None = Field(description="The latest agreement recorded, if any")
    last_date: dt.date | None = Field(description="The day of the last held engagement")
    engagements: int = Field(description="Held engagements about the matter with the body")
    cares: bool = Field(description="The body has an interest in the matter (engaged on it, or by its kind)")
    gap: bool = Field(description="The body cares about the matter but no held engagement matches the filters")
    only_after_submission: bool = Field(description="Every engagement in the cell came after the plan was submitted")


class MatrixBody(Output):
    id: int = Field(description="Stakeholder id of the body")
    name: str
    category: str = Field(description="Category name, co-operation categories first")
    gaps: int
    cells: list[MatrixCell] = Field(description="One for each matter, in the order of `matters`")


class DtcMatrix(Output):
    """The body × strategic matter matrix: for each co-operation body and matter, the latest agreement and the last
    held engagement, with the gaps."""

    matters: list[MatrixMatter]
    bodies: list[MatrixBody]
    gaps: int
    truncated: bool = Field(description="More bodies matched than the matrix shows (500): narrow the filters")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is an engage.evidence.dtc.matrix.Matrix."""
        bodies = [
            MatrixBody(
                id=body.id,
                name=body.name,
                category=body.category,
                gaps=body.gaps,
                cells=[
                    MatrixCell.of(
                        body.cells[matter.id], matter=matter.slug, agreement=body.cells[matter.id].agreement or None
                    )
                    for matter in record.matters
                ],
            )
            for body in record.bodies
        ]
        matters = [MatrixMatter.of(matter) for matter in record.matters]
        return cls(matters=matters, bodies=bodies, gaps=record.gaps, truncated=record.truncated, **values)
