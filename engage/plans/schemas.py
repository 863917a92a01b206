"""Plans and their stages, as the API reads and writes them."""

from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Input, NullableDateText, Output, Text, Texts, objects, one_of
from engage.vocab import PlanRoute, StageRole

AUTHORITY_CODE = "Authority code, e.g. WBC"


class Stage(Output):
    """A stage of the plan: predicted dates (the timetable) and actual ones. A consultation stage's actual dates
    are those of its published consultations."""

    slug: str = Field(description="e.g. reg-19, proposed-plan")
    name: str
    role: Literal[StageRole.values()] | Literal[""] = Field(description="What the stage is for; rules read this")
    position: int
    starts_on: date | None = Field(description="Predicted start")
    ends_on: date | None = Field(description="Predicted end")
    actual_starts_on: date | None
    actual_ends_on: date | None
    start_event: str = Field(description="Planning data plan-event code of the start, e.g. examination-submitted")
    end_event: str = Field(description="Planning data plan-event code of the end, if any")
    dates_from_consultations: bool = Field(
        validation_alias="is_consultation", description="The actual dates come from the stage's consultations"
    )


class Plan(Output):
    """A plan being prepared by its partner authorities, on the 2012 or the 2026 route."""

    id: int
    slug: str
    name: str
    reference: str = Field(description="The plan's reference in the national planning data")
    route: Literal[PlanRoute.values()]
    description: str
    lead_authority: str | None = Field(description=AUTHORITY_CODE)
    partners: list[str] = Field(description="Partner authority codes, the lead first")
    period_start: date | None
    period_end: date | None
    documentation_url: str
    document_url: str
    stages: list[Stage]

    @classmethod
    def of(cls, record: Any) -> Self:
        lead = record.lead_authority.code if record.lead_authority else None
        return super().of(record, lead_authority=lead, partners=[a.code for a in record.partners_lead_first])


class StageInput(Input):
    """Changes to a stage: its name and dates (null clears a date). A consultation stage's actual dates cannot be
    set: they come from its consultations."""

    output = Stage

    name: Text | None = None
    starts_on: NullableDateText = Field(None, description="Predicted start, YYYY-MM-DD")
    ends_on: NullableDateText = Field(None, description="Predicted end, YYYY-MM-DD")
    actual_starts_on: NullableDateText = Field(None, description="YYYY-MM-DD")
    actual_ends_on: NullableDateText = Field(None, description="YYYY-MM-DD")


class StageDates(Input):
    """The predicted dates of one of the route's stages, given when a plan is set up."""

    slug: Text | None = None
    starts_on: NullableDateText = None
    ends_on: NullableDateText = None


class PlanInput(Input):
    """A new plan, or changes to one. Its stages come from its route; the route cannot change once the plan has
    consultations or engagements."""

    output = Plan
    required = ("name", "route", "partners")

    name: Text | None = None
    slug: Text | None = Field(None, description="Derived from the name when not given")
    reference: Text | None = Field(None, description="The slug when not given")
    route: one_of(PlanRoute.values()) | None = None
    description: Text | None = None
    lead_authority: Text | None = Field(None, description="Authority code; the first partner when not given")
    partners: Texts | None = Field(None, description="Partner authority codes")
    period_start: NullableDateText = None
    period_end: NullableDateText = None
    documentation_url: Text | None = None
    document_url: Text | None = None
    stages: Annotated[list[StageDates], objects('[{"slug": "reg-18", "starts_on": "2027-01-11"}]')] = Field(
        None, description="Predicted dates of the route's stages (when setting a plan up)"
    )
