"""Reads about campaigns shared by the pages and the API."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from engage.extensions import db
from engage.models import Campaign, Representation, Respondent
from engage.representations.counts import counts, person_key


@dataclass
class CampaignRow:
    campaign: Campaign
    members: int
    people: int


def campaigns_of(consultation_id: int) -> list[CampaignRow]:
    """The consultation's campaigns, biggest first, with how many representations and people each has."""
    counted = (
        select(
            Representation.campaign_id,
            func.count(Representation.id).label("members"),
            func.count(func.distinct(person_key())).label("people"),
        )
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .where(Representation.consultation_id == consultation_id, Representation.campaign_id.is_not(None))
        .group_by(Representation.campaign_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Campaign, func.coalesce(counted.c.members, 0), func.coalesce(counted.c.people, 0))
        .outerjoin(counted, counted.c.campaign_id == Campaign.id)
        .where(Campaign.consultation_id == consultation_id)
        .order_by(func.coalesce(counted.c.members, 0).desc(), Campaign.id)
    ).all()
    return [CampaignRow(campaign, members, people) for campaign, members, people in rows]


def campaign_of(consultation_id: int, campaign_id: int) -> Campaign | None:
    """The campaign, when it belongs to that consultation."""
    campaign = db.session.get(Campaign, campaign_id)
    return campaign if campaign is not None and campaign.consultation_id == consultation_id else None


def members_of(campaign_id: int) -> list[Representation]:
    return list(
        db.session.scalars(
            select(Representation)
            .where(Representation.campaign_id == campaign_id)
            .options(joinedload(Representation.respondent), joinedload(Representation.part))
            .order_by(Representation.respondent_id, Representation.number)
        )
    )


def names_of(campaign_ids: set[int]) -> dict[int, str]:
    """Campaign names by id, for lists of representations."""
    if not campaign_ids:
        return {}
    return dict(db.session.execute(select(Campaign.id, Campaign.name).where(Campaign.id.in_(campaign_ids))).all())


def row_of(campaign: Campaign) -> CampaignRow:
    """One campaign with its counts, as campaigns_of lists them."""
    found = counts(campaign.consultation_id, Representation.campaign_id == campaign.id)
    return CampaignRow(campaign, found.submissions, found.people)
