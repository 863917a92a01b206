"""Engagement summaries as the API answers with them: the figures per authority and the most engaged stakeholders
over a period, and everything about one authority or one stakeholder in it (engage.evidence.summaries.queries)."""

from datetime import date
from typing import Any, Self

from pydantic import Field

from engage.common.schemas import Output
from engage.consultations.schemas import Invitation
from engage.engagements.schemas import Action, Engagement
from engage.representations.schemas import Representation


class AuthoritySummaryLine(Output):
    """One authority over the period: the engagements it led and the actions it owns."""

    authority: str = Field(description="Authority code")
    name: str
    led: int = Field(description="Engagements it led, planned or held (not cancelled)")
    held: int
    actions_open: int
    actions_done: int
    actions_cancelled: int
    overdue: int = Field(description="Open actions past their due date")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return cls(
            authority=record.authority.code,
            name=record.authority.name,
            led=record.led,
            held=record.held,
            actions_open=record.actions["open"],
            actions_done=record.actions["done"],
            actions_cancelled=record.actions["cancelled"],
            overdue=record.overdue,
        )


class EngagedStakeholder(Output):
    id: int
    name: str
    engagements: int


class Period(Output):
    """The days covered (Europe/London): `from` and `to` as asked, or the last eleven months or so."""

    start: date
    end: date


class SummaryOverview(Output):
    """Each authority's figures over the period, and the most engaged stakeholders."""

    period: Period
    authorities: list[AuthoritySummaryLine]
    top_stakeholders: list[EngagedStakeholder]


class AuthoritySummary(Output):
    """The engagements an authority led in the period, and the actions it owns from engagements in it."""

    period: Period
    authority: str = Field(description="Authority code")
    name: str
    engagements: list[Engagement]
    actions: list[Action]


class StakeholderSummary(Output):
    """A stakeholder's engagements, invitations and representations in the period."""

    period: Period
    stakeholder: int = Field(description="Stakeholder id")
    name: str
    engagements: list[Engagement]
    invitations: list[Invitation]
    representations: list[Representation]

    @classmethod
    def of(cls, record: Any, period: Any = None) -> Self:
        """`record` is a queries.StakeholderSummary, `period` the dashboard's Period."""
        return cls(
            period=Period.of(period),
            stakeholder=record.stakeholder.id,
            name=record.stakeholder.name or f"Record {record.stakeholder.id}",
            engagements=[Engagement.of(item) for item in record.engagements],
            invitations=[Invitation.of(item) for item in record.invitations],
            representations=[Representation.of(item) for item in record.representations],
        )
