"""Campaigns through the API: looking for them, listing, reading, confirming, splitting, merging and dissolving,
with the same rules as the pages; a representation says which campaign it is in."""

import pytest
from sqlalchemy import func, select

from engage.campaigns.grouping import find_campaigns
from engage.extensions import db
from engage.models import AuditEvent, Campaign
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.campaigns.helpers import OTHER_LETTER, add, campaign_of_copies
from tests.factories import create_consultation


@pytest.fixture
def consultation():
    consultation = create_consultation()
    campaign_of_copies(consultation, 3)
    add(consultation, OTHER_LETTER, email="a@example.com")
    add(consultation, OTHER_LETTER, email="b@example.com")
    return consultation


def _listed(api, consultation) -> list[dict]:
    return api.get(f"/api/v1/consultations/{consultation.id}/campaigns").get_json()["items"]


def _unchanged():
    db.session.expire_all()
    return sorted(db.session.execute(select(Campaign.id, Campaign.name, Campaign.status)).all()), db.session.scalar(
        select(func.count(AuditEvent.id))
    )


def test_looking_for_campaigns_then_listing_and_reading_them(officer_api, openapi, consultation):
    started = officer_api.post(f"/api/v1/consultations/{consultation.id}/campaign-grouping")
    assert started.status_code == 202, started.get_json()
    assert_matches(openapi, started, "/consultations/{consultation_id}/campaign-grouping", "post")
    latest = officer_api.get(f"/api/v1/consultations/{consultation.id}/campaign-grouping")
    assert_matches(openapi, latest, "/consultations/{consultation_id}/campaign-grouping", "get")
    assert (latest.get_json()["status"], latest.get_json()["groups"], latest.get_json()["grouped"]) == ("done", 2, 5)

    listed = officer_api.get(f"/api/v1/consultations/{consultation.id}/campaigns")
    assert_matches(openapi, listed, "/consultations/{consultation_id}/campaigns", "get")
    body = listed.get_json()
    assert body["total"] == 2
    assert [(item["representations"], item["people"], item["status"]) for item in body["items"]] == [
        (3, 3, "suggested"),
        (2, 2, "suggested"),
    ]
    one = officer_api.get(f"/api/v1/campaigns/{body['items'][0]['id']}")
    assert_matches(openapi, one, "/campaigns/{campaign_id}", "get")
    assert len(one.get_json()["members"]) == 3

    reference = one.get_json()["members"][0]
    representation = officer_api.get(f"/api/v1/representations/{reference}").get_json()
    assert (representation["campaign"], representation["campaign_name"]) == (
        one.get_json()["id"],
        one.get_json()["name"],
    )


def test_a_representation_in_no_campaign_says_so(officer_api, consultation):
    item = officer_api.get(f"/api/v1/consultations/{consultation.id}/representations").get_json()["items"][0]
    assert (item["campaign"], item["campaign_name"]) == (None, None)


def test_confirming_and_renaming(officer_api, openapi, consultation):
    find_campaigns(consultation)
    campaign = _listed(officer_api, consultation)[0]
    changed = officer_api.patch(
        f"/api/v1/campaigns/{campaign['id']}", json={"name": "Save Bricket Wood", "status": "confirmed"}
    )
    assert changed.status_code == 200, changed.get_json()
    assert_matches_schema(changed, "CampaignDetail")
    assert (changed.get_json()["name"], changed.get_json()["status"]) == ("Save Bricket Wood", "confirmed")
    assert changed.get_json()["confirmed_at"]


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"name": ""}, "name", "Enter a name for the campaign"),
        ({"status": "maybe"}, "status", "Status must be suggested or confirmed"),
    ],
)
def test_bad_changes_are_422_and_change_nothing(officer_api, consultation, body, field, message):
    find_campaigns(consultation)
    campaign = _listed(officer_api, consultation)[0]
    before = _unchanged()
    answer = officer_api.patch(f"/api/v1/campaigns/{campaign['id']}", json=body)
    assert answer.status_code == 422
    assert answer.get_json()["errors"] == {field: [message]}
    assert _unchanged() == before


def test_splitting_and_splitting_out_what_is_not_there(officer_api, openapi, consultation):
    find_campaigns(consultation)
    campaign = _listed(officer_api, consultation)[0]
    members = officer_api.get(f"/api/v1/campaigns/{campaign['id']}").get_json()["members"]
    before = _unchanged()
    refused = officer_api.post(f"/api/v1/campaigns/{campaign['id']}/split", json={"representations": ["R-99999-9"]})
    assert refused.status_code == 422
    assert refused.get_json()["errors"] == {"representations": ["R-99999-9 is not a representation in this group"]}
    assert _unchanged() == before

    split = officer_api.post(f"/api/v1/campaigns/{campaign['id']}/split", json={"representations": members[:2]})
    assert split.status_code == 200, split.get_json()
    assert_matches(openapi, split, "/campaigns/{campaign_id}/split", "post")
    assert split.get_json()["campaign"]["members"] == members[2:]
    assert split.get_json()["new_campaign"]["members"] == members[:2]


def test_merging_and_merging_across_consultations(officer_api, openapi, consultation):
    find_campaigns(consultation)
    first, second = _listed(officer_api, consultation)
    elsewhere = create_consultation()
    campaign_of_copies(elsewhere, 2)
    find_campaigns(elsewhere)
    [foreign] = _listed(officer_api, elsewhere)
    before = _unchanged()
    refused = officer_api.post(f"/api/v1/campaigns/{first['id']}/merge", json={"campaign": foreign["id"]})
    assert refused.status_code == 422
    assert "only groups of the same consultation can be merged" in refused.get_json()["errors"]["campaign"][0]
    assert _unchanged() == before

    merged = officer_api.post(f"/api/v1/campaigns/{first['id']}/merge", json={"campaign": second["id"]})
    assert merged.status_code == 200, merged.get_json()
    assert_matches(openapi, merged, "/campaigns/{campaign_id}/merge", "post")
    assert len(merged.get_json()["members"]) == 5
    assert officer_api.get(f"/api/v1/campaigns/{second['id']}").status_code == 404


def test_dissolving(officer_api, consultation):
    find_campaigns(consultation)
    campaign = _listed(officer_api, consultation)[0]
    dissolved = officer_api.delete(f"/api/v1/campaigns/{campaign['id']}")
    assert dissolved.status_code == 200 and dissolved.get_json()["id"] == campaign["id"]
    assert len(_listed(officer_api, consultation)) == 1


def test_unknown_ids_are_404(officer_api, consultation):
    assert officer_api.get("/api/v1/campaigns/2000000000").status_code == 404
    assert officer_api.post("/api/v1/campaigns/2000000000/merge", json={"campaign": 1}).status_code == 404
    assert officer_api.get("/api/v1/consultations/2000000000/campaigns").status_code == 404
    missing = officer_api.get(f"/api/v1/consultations/{consultation.id}/campaign-grouping")
    assert missing.status_code == 404


def test_a_viewer_reads_but_cannot_change(viewer_api, consultation):
    find_campaigns(consultation)
    campaign = _listed(viewer_api, consultation)[0]
    assert viewer_api.patch(f"/api/v1/campaigns/{campaign['id']}", json={"name": "X"}).status_code == 403
