"""The evidence dashboard's numbers as the API answers with them: what its four charts show, for the same filters
(engage.evidence.dashboard.queries)."""

from datetime import date
from typing import Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Output
from engage.evidence.dashboard import queries
from engage.vocab import ActionStatus


class Series(Output):
    name: str = Field(description="A register's or strategic matter's name")
    counts: list[int] = Field(description="One a month, in the order of `months`")


class ConsultationResponses(Output):
    """Representations received per day, from the consultation's opening to its last response."""

    consultation: int = Field(description="Consultation id")
    title: str
    days: list[date]
    counts: list[int] = Field(description="One a day, in the order of `days`")
    late_days: list[date] = Field(description="The days after it closed")
    total: int
    distinct_arguments: int = Field(description="Representations with each confirmed campaign counted once")
    distinct_people: int = Field(description="The same person or email address counted once")


class ActionCounts(Output):
    authority: str = Field(description="The owner authority's name")
    status: Literal[ActionStatus.values()]
    count: int


class Dashboard(Output):
    """Engagements per month by register and by strategic matter, responses per day to the consultations open in
    the period (the latest 6), and follow-up actions by owner and status."""

    start: date
    end: date
    months: list[date] = Field(description="The first day of each month in the period")
    engagements_by_register: list[Series]
    engagements_by_matter: list[Series]
    responses_per_day: list[ConsultationResponses]
    actions_by_authority: list[ActionCounts]

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is a DashboardFilters; the numbers are read with engage.evidence.dashboard.queries."""
        months, by_register = queries.engagements_by_register(record)
        _months, matters, grid = queries.matters_by_month(record)
        responses = [
            ConsultationResponses(
                consultation=item.consultation.id,
                title=item.consultation.title,
                days=item.days,
                counts=item.counts,
                late_days=[item.days[index] for index in sorted(item.late_days)],
                total=item.total,
                distinct_arguments=item.counted.arguments,
                distinct_people=item.counted.people,
            )
            for item in queries.responses_per_day(record)
        ]
        authorities, by_status = queries.actions_by_authority(record)
        status_of = {status.label: status.value for status in ActionStatus}
        actions = [
            ActionCounts(authority=authority, status=status_of[label], count=counts[index])
            for label, counts in by_status.items()
            for index, authority in enumerate(authorities)
            if counts[index]
        ]
        return cls(
            start=record.period.start,
            end=record.period.end,
            months=months,
            engagements_by_register=[Series(name=name, counts=counts) for name, counts in by_register.items()],
            engagements_by_matter=[
                Series(name=name, counts=counts) for name, counts in zip(matters, grid, strict=True)
            ],
            responses_per_day=responses,
            actions_by_authority=actions,
        )
