"""A row of the co-operation (DtC) activity table as the API answers with it: exactly these fields."""

import datetime as dt
from typing import Literal

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
    after_submission: bool = Field(description="Dated after the plan was submitted")
