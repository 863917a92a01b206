"""Representations for the themes tests: several people, some in a campaign, with text to tag and group."""

from engage.extensions import db
from engage.models import Campaign, Representation, Respondent


def create_campaign(consultation, name="Save our fields") -> int:
    campaign = Campaign(consultation_id=consultation.id, name=name, template_text=name, status="confirmed")
    db.session.add(campaign)
    db.session.commit()
    return campaign.id


def add_representations(consultation, comments, *, campaign_id=None, part=None, nature="object", email=""):
    """One respondent per comment (a new person each, unless `email` names the same one), representation 1 each."""
    made = []
    for comment in comments:
        respondent = Respondent(consultation_id=consultation.id, first_name="Pat", last_name="Example", email=email)
        representation = Representation(
            consultation_id=consultation.id,
            number=1,
            comment=comment,
            nature=nature,
            campaign_id=campaign_id,
            part_id=part.id if part else None,
        )
        respondent.representations = [representation]
        db.session.add(respondent)
        made.append(representation)
    db.session.commit()
    return made
