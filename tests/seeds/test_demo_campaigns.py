"""The demo has a confirmed campaign in the Regulation 19 publication, so the campaign pages and the three counts
show one, and loading the demo again adds nothing."""

from sqlalchemy import func, select

from engage.campaigns import queries
from engage.extensions import db
from engage.models import Campaign, Consultation, Representation
from engage.representations.counts import counts
from engage.seeds.demo import load_demo
from engage.seeds.demo_campaigns import NAME


def test_the_demo_has_one_confirmed_campaign_counted_once():
    load_demo()
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
    [row] = queries.campaigns_of(consultation.id)
    assert (row.campaign.name, row.campaign.status, row.members, row.people) == (NAME, "confirmed", 10, 9)
    counted = counts(consultation.id)
    assert counted.arguments == counted.submissions - 9

    load_demo()
    assert db.session.scalar(select(func.count(Campaign.id))) == 1
    assert db.session.scalar(select(func.count(Representation.id)).where(Representation.campaign_id.is_not(None))) == 10
