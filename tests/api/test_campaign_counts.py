"""The three counts where the API and the evidence pages give them: the statement of consultation and the dashboard
(engage.representations.counts), and the consultation page."""

from sqlalchemy import select

from engage.campaigns import services
from engage.campaigns.grouping import find_campaigns
from engage.extensions import db
from engage.models import Campaign
from tests.api.conftest import assert_matches
from tests.campaigns.helpers import OTHER_LETTER, add, campaign_of_copies
from tests.factories import create_consultation
from tests.pages import get_page


def _confirm_all(consultation):
    find_campaigns(consultation)
    for campaign in db.session.scalars(select(Campaign).where(Campaign.consultation_id == consultation.id)).all():
        services.update_campaign(campaign, {"name": "Save Bricket Wood", "confirmed": True})


def test_the_statement_of_consultation_gives_the_three_counts_and_the_campaigns(viewer_client, viewer_api):
    consultation = create_consultation()
    campaign_of_copies(consultation, 3)
    add(consultation, OTHER_LETTER, email="resident0@example.com")  # a campaigner's own letter too
    _confirm_all(consultation)
    stage = viewer_api.get(f"/api/v1/evidence/consultation-statement?consultation={consultation.id}").get_json()
    [stage] = stage["stages"]
    assert (stage["duly_made"], stage["distinct_arguments"], stage["distinct_people"]) == (4, 2, 3)
    assert stage["campaigns"] == [{"name": "Save Bricket Wood", "representations": 3, "people": 3}]
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    text = page.get_text(" ", strip=True)
    assert "Distinct arguments among the duly made (a campaign counts once) 2" in text
    assert "Save Bricket Wood 3 3" in text


def test_the_dashboard_and_the_consultation_page_give_the_three_counts(officer_client, viewer_api):
    consultation = create_consultation()
    campaign_of_copies(consultation, 3)
    _confirm_all(consultation)
    dashboard = viewer_api.get("/api/v1/evidence/dashboard").get_json()
    [responses] = [item for item in dashboard["responses_per_day"] if item["consultation"] == consultation.id]
    assert (responses["total"], responses["distinct_arguments"], responses["distinct_people"]) == (3, 1, 3)
    page = get_page(officer_client, "evidence.dashboard.show")
    assert "3 representations in all (1 distinct arguments" in page.get_text(" ", strip=True)
    page = get_page(officer_client, "consultations.show", consultation_id=consultation.id)
    text = page.get_text(" ", strip=True)
    assert "Submissions 3 Distinct arguments 1 (a confirmed campaign counts once) Distinct people 3" in text


def test_a_consultations_representations_counted_three_ways(viewer_api, openapi):
    consultation = create_consultation()
    letters = campaign_of_copies(consultation, 3)
    add(consultation, OTHER_LETTER, email="RESIDENT1@example.com")  # a campaigner's own letter too
    _confirm_all(consultation)
    letters[0].status = "withdrawn"
    db.session.commit()
    response = viewer_api.get(f"/api/v1/consultations/{consultation.id}/representation-counts")
    assert response.status_code == 200
    assert_matches(openapi, response, "/consultations/{consultation_id}/representation-counts")
    assert response.get_json() == {
        "consultation": consultation.id,
        "submissions": 4,
        "distinct_arguments": 2,
        "distinct_people": 3,
        "duly_made": 3,
        "duly_made_distinct_arguments": 2,
        "duly_made_distinct_people": 2,
        "campaigns": [{"name": "Save Bricket Wood", "representations": 3, "people": 3}],
    }
    assert viewer_api.get("/api/v1/consultations/2000000000/representation-counts").status_code == 404
