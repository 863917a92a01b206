"""The chronology of a strategic matter as the API answers with it (engage.evidence.chronology.queries)."""

import datetime as dt
from typing import Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Output
from engage.vocab import Agreement, EngagementKind, MatterPosition

POSITION = Literal[MatterPosition.values()] | None


class ChronologyMatter(Output):
    """A strategic matter with its first held engagement and the parties' positions."""

    slug: str
    name: str
    first_engaged_on: dt.date | None = Field(description="The day of the first held engagement on the matter")
    first_plan_stage: str | None = Field(description="The plan stage (name) of that engagement")
    engagements: int = Field(description="Held engagements on the matter")
    bodies: int = Field(description="Co-operation bodies engaged on it")
    positions: dict[str, int] = Field(
        description="Parties' positions in the latest version of each Statement of Common Ground, counted by "
        "position (agreed, not-agreed, ongoing)"
    )

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is an engage.evidence.chronology.queries.MatterLine."""
        return cls(
            slug=record.matter.slug,
            name=record.matter.name,
            first_engaged_on=record.first_day,
            first_plan_stage=record.first_stage or None,
            engagements=record.engagements,
            bodies=record.bodies,
            positions={key: record.positions[key] for key in MatterPosition.values() if record.positions[key]},
        )


class FirstEngagement(Output):
    body_id: int = Field(description="Stakeholder id of the body")
    body: str
    date: dt.date = Field(validation_alias="day")
    plan_stage: str | None = Field(validation_alias="stage", description="The plan stage (name) at the time")
    engagement: int = Field(validation_alias="engagement_id", description="Engagement id")


class ChronologyEntry(Output):
    """A held engagement on the matter."""

    id: int
    date: dt.date
    title: str
    kind: Literal[EngagementKind.values()]
    lead_authority: str = Field(description="Authority code")
    plan_stage: str | None = Field(description="The plan stage (name) at the time")
    attendees: list[str]
    outcome: str
    agreement: Literal[Agreement.values()]
    influence_on_plan: str
    evidence_url: str
    examination_library_reference: str
    after_submission: bool


class PartyPositionOut(Output):
    party: str
    position: POSITION = Field(description="null when none is recorded")


class StatementPositionOut(Output):
    """Where a Statement of Common Ground (its latest version) stands on the matter."""

    statement: int = Field(description="Statement of Common Ground id")
    title: str
    version: int = Field(description="Number of its latest version")
    status: str
    dated_on: dt.date
    position: POSITION = Field(description="The statement's own position; null when it does not cover the matter")
    narrative: str
    parties: list[PartyPositionOut]


class Chronology(Output):
    """A strategic matter's chronology: bodies first engaged, held engagements in date order, SCG positions."""

    matter: str = Field(description="Strategic matter slug")
    name: str
    first_engaged: list[FirstEngagement]
    engagements: list[ChronologyEntry] = Field(description="In date order; at most 2,000 (`truncated` says so)")
    positions: list[StatementPositionOut]
    truncated: bool

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is an engage.evidence.chronology.queries.Chronology."""
        entries = [
            ChronologyEntry(
                id=e.engagement.id,
                date=e.day,
                title=e.engagement.title,
                kind=e.engagement.kind,
                lead_authority=e.engagement.lead_authority.code,
                plan_stage=e.stage or None,
                attendees=e.attendees,
                outcome=e.engagement.outcome,
                agreement=e.engagement.agreement,
                influence_on_plan=e.engagement.influence_on_plan,
                evidence_url=e.engagement.evidence_url,
                examination_library_reference=e.engagement.examination_library_reference,
                after_submission=e.after_submission,
            )
            for e in record.entries
        ]
        positions = [
            StatementPositionOut(
                statement=s.statement_id,
                title=s.title,
                version=s.version.number,
                status=s.version.status,
                dated_on=s.version.dated_on,
                position=s.position or None,
                narrative=s.narrative,
                parties=[PartyPositionOut(party=p.party, position=p.position or None) for p in s.parties],
            )
            for s in record.positions
        ]
        return cls(
            matter=record.matter.slug,
            name=record.matter.name,
            first_engaged=[FirstEngagement.of(item) for item in record.first_engaged],
            engagements=entries,
            positions=positions,
            truncated=record.truncated,
        )
