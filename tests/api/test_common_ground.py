from datetime import date

from engage.extensions import db
from engage.models import CommonGround
from tests.api.conftest import assert_matches
from tests.factories import create_authority

BASE = "/statements-of-common-ground"
VERSION = BASE + "/{statement_id}/versions/{number}"


def _start(api) -> dict:
    create_authority()
    response = api.post(
        "/api/v1" + BASE,
        json={"title": "Housing need across the area", "lead_authority": "WBC", "area_description": "South West Herts"},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_officers_start_a_statement_and_viewers_read_it(officer_api, viewer_api, openapi):
    create_authority()

    response = officer_api.post("/api/v1" + BASE, json={"title": "Housing need", "lead_authority": "WBC"})

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, BASE, "post")
    body = response.get_json()
    assert body["latest"] == 1 and body["versions"][0]["status"] == "draft" and body["lead_authority"] == "WBC"
    listed = viewer_api.get("/api/v1" + BASE)
    assert_matches(openapi, listed, BASE)
    assert listed.get_json()["items"] == [body]
    shown = viewer_api.get(f"/api/v1{BASE}/{body['id']}")
    assert_matches(openapi, shown, BASE + "/{statement_id}")
    versions = viewer_api.get(f"/api/v1{BASE}/{body['id']}/versions")
    assert_matches(openapi, versions, BASE + "/{statement_id}/versions")
    assert versions.get_json()["items"][0]["allowed_statuses"] == ["agreed"]


def test_a_statement_without_a_title_or_with_an_unknown_authority_is_a_422(officer_api, openapi):
    response = officer_api.post("/api/v1" + BASE, json={"lead_authority": "XYZ"})

    assert response.status_code == 422
    assert_matches(openapi, response, BASE, "post")
    assert set(response.get_json()["errors"]) == {"title", "lead_authority"}
    assert db.session.query(CommonGround).count() == 0


def test_a_draft_is_written_agreed_signed_and_superseded_by_the_next_version(officer_api, openapi):
    statement = _start(officer_api)
    url = f"/api/v1{BASE}/{statement['id']}/versions"

    text = officer_api.patch(url + "/1", json={"governance": "A joint members' board"})
    matter = officer_api.put(url + "/1/matters/housing-need", json={"position_status": "agreed", "narrative": "Met"})
    party = officer_api.post(url + "/1/parties", json={"authority": "WBC", "matters": ["housing-need"]})
    early = officer_api.post(
        url + "/1/signatures", json={"name": "Jo", "organisation": "WBC", "signed_on": "2026-01-01"}
    )
    agreed = officer_api.post(url + "/1/status", json={"status": "agreed"})
    locked = officer_api.patch(url + "/1", json={"governance": "Changed"})
    signature = {"name": "Jo Leader", "role": "Leader", "organisation": "Watford Borough Council",
                 "signed_on": date.today().isoformat()}  # fmt: skip
    signed = officer_api.post(url + "/1/signatures", json=signature)
    marked = officer_api.post(url + "/1/status", json={"status": "signed"})
    second = officer_api.post(url)

    assert text.status_code == 200 and text.get_json()["governance"] == "A joint members' board"
    assert text.get_json()["area_description"] == "South West Herts"  # the fields not sent are kept
    assert_matches(openapi, text, VERSION, "patch")
    assert matter.get_json()["matters"][0] == {
        "matter": "housing-need", "name": matter.get_json()["matters"][0]["name"], "position_status": "agreed",
        "narrative": "Met",
    }  # fmt: skip
    assert_matches(openapi, matter, VERSION + "/matters/{matter}", "put")
    assert party.status_code == 201 and party.get_json()["parties"][0]["authority"] == "WBC"
    assert_matches(openapi, party, VERSION + "/parties", "post")
    assert early.status_code == 422 and early.get_json()["errors"] == {
        "name": ["Mark this version agreed before recording signatures"]
    }
    assert agreed.get_json()["status"] == "agreed" and agreed.get_json()["agreed_on"]
    assert_matches(openapi, agreed, VERSION + "/status", "post")
    assert locked.status_code == 422 and "cannot be changed" in locked.get_json()["errors"]["status"][0]
    assert signed.status_code == 201 and signed.get_json()["signatures"][0]["name"] == "Jo Leader"
    assert_matches(openapi, signed, VERSION + "/signatures", "post")
    assert marked.get_json()["status"] == "signed"
    assert second.status_code == 201 and second.get_json()["number"] == 2
    assert_matches(openapi, second, BASE + "/{statement_id}/versions", "post")
    assert second.get_json()["signatures"] == [] and len(second.get_json()["parties"]) == 1
    again = officer_api.post(url)
    assert again.status_code == 422 and again.get_json()["errors"]["status"] == [
        "Version 2 is still a draft: change that one instead"
    ]


def test_matters_and_parties_come_off_a_draft_and_unknown_ones_are_404s(officer_api, openapi):
    statement = _start(officer_api)
    url = f"/api/v1{BASE}/{statement['id']}/versions/1"
    officer_api.put(url + "/matters/housing-need", json={"position_status": "ongoing"})
    party = officer_api.post(url + "/parties", json={"name": "Homes England"}).get_json()["parties"][0]

    unknown_matter = officer_api.put(url + "/matters/nonsense", json={"position_status": "agreed"})
    no_position = officer_api.put(url + "/matters/housing-need", json={"position_status": "maybe"})
    removed = officer_api.delete(url + "/matters/housing-need")
    gone = officer_api.delete(url + "/matters/housing-need")
    left = officer_api.delete(f"{url}/parties/{party['id']}")
    no_party = officer_api.delete(f"{url}/parties/{party['id']}")

    assert unknown_matter.get_json()["errors"] == {"matter": ["Select a strategic matter"]}
    assert "position_status" in no_position.get_json()["errors"]
    assert removed.status_code == 200 and removed.get_json()["matters"] == []
    assert_matches(openapi, removed, VERSION + "/matters/{matter}", "delete")
    assert gone.status_code == 404
    assert_matches(openapi, gone, VERSION + "/matters/{matter}", "delete")
    assert left.status_code == 200 and left.get_json()["parties"] == []
    assert no_party.status_code == 404
    assert_matches(openapi, no_party, VERSION + "/parties/{party_id}", "delete")
    assert officer_api.get(f"/api/v1{BASE}/{statement['id']}/versions/9").status_code == 404
    assert officer_api.get(f"/api/v1{BASE}/999999/versions/1").status_code == 404


def test_a_signature_sent_twice_with_one_idempotency_key_is_recorded_once(officer_api):
    statement = _start(officer_api)
    url = f"/api/v1{BASE}/{statement['id']}/versions/1"
    officer_api.post(url + "/status", json={"status": "agreed"})
    signature = {"name": "Jo Leader", "organisation": "Watford Borough Council", "signed_on": date.today().isoformat()}

    first = officer_api.post(url + "/signatures", json=signature, headers={"Idempotency-Key": "sign-1"})
    again = officer_api.post(url + "/signatures", json=signature, headers={"Idempotency-Key": "sign-1"})

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json() == first.get_json()
    assert len(officer_api.get(url).get_json()["signatures"]) == 1
