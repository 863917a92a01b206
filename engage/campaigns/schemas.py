"""Campaigns as the API answers with them and the bodies that change them (engage.campaigns.services)."""

from datetime import datetime
from typing import Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Id, Input, LondonDateTime, Output, Text, Texts, one_of
from engage.vocab import CampaignStatus, JobStatus


class Campaign(Output):
    """A group of near-identical representations of one consultation. A confirmed campaign counts as one argument
    in the distinct arguments count; a suggested one is what the grouping job found, not yet checked."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="Consultation id")
    name: str
    template_text: str = Field(description="The text the campaign asked people to send")
    status: Literal[CampaignStatus.values()]
    confirmed_at: LondonDateTime | None
    representations: int = Field(description="How many representations are in it")
    people: int = Field(description="Distinct people among them (the same person or email address counts once)")
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is an engage.campaigns.queries.CampaignRow."""
        return super().of(record.campaign, representations=record.members, people=record.people, **values)


class CampaignDetail(Campaign):
    members: list[str] = Field(description="References of the representations in it")


class CampaignChanges(Input):
    """Rename a campaign, set its template text, confirm it (`status: confirmed`) or put it back to suggested."""

    output = CampaignDetail

    name: Text | None = None
    template_text: Text | None = None
    status: one_of(CampaignStatus.values()) = None


class SplitInput(Input):
    """Representations to take out of the group: two or more form a new suggested group, one alone is left
    ungrouped. At least one must stay."""

    required = ("representations",)

    representations: Texts = Field(None, description="Representation references, like R-00123-1")


class MergeInput(Input):
    """The group whose members join this one; it is deleted. Both must belong to the same consultation."""

    required = ("campaign",)

    campaign: Id = Field(None, description="The other campaign's id")


class Split(Output):
    campaign: CampaignDetail = Field(description="The group split")
    new_campaign: CampaignDetail | None = Field(description="The new group of the representations split out, if any")


class ConfirmedCampaignCount(Output):
    name: str
    representations: int
    people: int = Field(description="Distinct people who sent it")


class RepresentationCounts(Output):
    """The three counts of a consultation's representations (engage.representations.counts)."""

    consultation: int
    submissions: int = Field(description="Every representation, late and withdrawn ones included")
    distinct_arguments: int = Field(description="Each confirmed campaign counted once")
    distinct_people: int = Field(description="The same person or email address counted once")
    duly_made: int = Field(description="Representations neither late nor withdrawn")
    duly_made_distinct_arguments: int
    duly_made_distinct_people: int
    campaigns: list[ConfirmedCampaignCount] = Field(description="Confirmed campaigns, biggest first")


class GroupingJob(Output):
    """Looking for campaigns runs as a background job; its result says how many groups it suggested."""

    id: int
    consultation: int
    status: Literal[JobStatus.values()]
    created_at: LondonDateTime
    finished_at: LondonDateTime | None
    groups: int | None = Field(description="Groups suggested (when done)")
    grouped: int | None = Field(description="Representations in them (when done)")


def job_answer(job, consultation_id: int, finished_at: datetime | None = None) -> dict:
    result = job.result or {}
    return GroupingJob(
        id=job.id,
        consultation=consultation_id,
        status=job.status,
        created_at=job.created_at,
        finished_at=finished_at or job.finished_at,
        groups=result.get("groups"),
        grouped=result.get("grouped"),
    ).model_dump(mode="json")
