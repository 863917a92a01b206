"""The three counts (engage.representations.counts) and where they appear: the statement of consultation (page,
files, API), the dashboard (page, API) and the consultation page."""

from sqlalchemy import select

from engage.campaigns import services
from engage.campaigns.grouping import find_campaigns
from engage.extensions import db
from engage.models import Campaign, Representation
from engage.representations.counts import Counts, confirmed_campaigns, counts, counts_by_consultation
from tests.campaigns.helpers import OTHER_LETTER, add, campaign_of_copies
from tests.factories import create_consultation, create_stakeholder


def _confirm_all(consultation):
    find_campaigns(consultation)
    for campaign in db.session.scalars(select(Campaign).where(Campaign.consultation_id == consultation.id)).all():
        services.update_campaign(campaign, {"name": "Save Bricket Wood", "confirmed": True})


def test_a_person_counts_once_by_email_in_any_case_or_by_stakeholder():
    consultation = create_consultation()
    add(consultation, "First point about the roads.", email="Sam@Example.com")
    add(consultation, "Second point about the school.", email="sam@example.com")
    stakeholder = create_stakeholder()
    add(consultation, "Third point.", first_name="Jo", stakeholder_id=stakeholder.id)
    add(consultation, "Fourth point.", first_name="Jo", email="jo@example.com", stakeholder_id=stakeholder.id)
    add(consultation, "Fifth, from someone with no email.")
    add(consultation, "Sixth, from someone else with no email.")
    assert counts(consultation.id) == Counts(submissions=6, arguments=6, people=4)


def test_a_confirmed_campaign_counts_as_one_argument_and_a_suggested_one_does_not():
    consultation = create_consultation()
    campaign_of_copies(consultation, 4)
    add(consultation, OTHER_LETTER, email="someone@example.com")
    find_campaigns(consultation)
    assert counts(consultation.id) == Counts(submissions=5, arguments=5, people=5)
    _confirm_all(consultation)
    assert counts(consultation.id) == Counts(submissions=5, arguments=2, people=5)
    assert confirmed_campaigns(consultation.id) == [("Save Bricket Wood", Counts(4, 1, 4))]
    other = create_consultation()
    assert counts_by_consultation([consultation.id, other.id]) == {
        consultation.id: Counts(5, 2, 5),
        other.id: Counts(),
    }


def test_conditions_narrow_the_counts():
    consultation = create_consultation()
    letters = campaign_of_copies(consultation, 3)
    _confirm_all(consultation)
    letters[0].status = "withdrawn"
    db.session.commit()
    assert counts(consultation.id, Representation.status != "withdrawn") == Counts(2, 1, 2)
