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


def test_a_draft_is_written_agreed_signed_by_every_party_and_superseded_by_the_next_version(officer_api, openapi):
    statement = _start(officer_api)
    url = f"/api/v1{BASE}/{statement['id']}/versions"
    agreed_on, today = date(2026, 3, 2), date.today().isoformat()

    text = officer_api.patch(url + "/1", json={"governance": "A joint members' board"})
    matter = officer_api.put(url + "/1/matters/housing-need", json={"position_status": "agreed", "narrative": "Met"})
    officer_api.post(url + "/1/parties", json={"authority": "WBC", "matters": ["housing-need"]})
    both = officer_api.post(url + "/1/parties", json={"name": "Homes England", "signatory_name": "Sam Chief"})
    watford, homes = (p["id"] for p in both.get_json()["parties"])
    positions = officer_api.put(f"{url}/1/parties/{homes}/positions", json={"positions": {"housing-need": "ongoing"}})
    early = officer_api.post(url + "/1/signatures", json={"party": watford, "signed_on": today})
    undated = officer_api.post(url + "/1/status", json={"status": "agreed"})
    agreed = officer_api.post(url + "/1/status", json={"status": "agreed", "on": agreed_on.isoformat()})
    locked = officer_api.patch(url + "/1", json={"governance": "Changed"})
    stranger = officer_api.post(url + "/1/signatures", json={"party": 999999, "signed_on": today})
    before_agreed = officer_api.post(url + "/1/signatures", json={"party": homes, "signed_on": "2026-03-01"})
    signed = officer_api.post(url + "/1/signatures", json={"party": watford, "name": "Jo Leader", "signed_on": today})
    partly = officer_api.post(url + "/1/status", json={"status": "signed", "on": today})
    officer_api.post(url + "/1/signatures", json={"party": homes, "signed_on": today})
    marked = officer_api.post(url + "/1/status", json={"status": "signed", "on": today})
    no_log = officer_api.post(url, json={})
    second = officer_api.post(url, json={"change_log": "Homes England's position on housing need"})

    assert text.status_code == 200 and text.get_json()["governance"] == "A joint members' board"
    assert text.get_json()["area_description"] == "South West Herts"  # the fields not sent are kept
    assert_matches(openapi, text, VERSION, "patch")
    assert matter.get_json()["matters"][0] == {
        "matter": "housing-need", "name": matter.get_json()["matters"][0]["name"], "position_status": "agreed",
        "narrative": "Met",
    }  # fmt: skip
    assert_matches(openapi, matter, VERSION + "/matters/{matter}", "put")
    assert both.status_code == 201 and both.get_json()["parties"][0]["authority"] == "WBC"
    assert_matches(openapi, both, VERSION + "/parties", "post")
    assert positions.get_json()["parties"][1]["positions"] == {"housing-need": "ongoing"}
    assert_matches(openapi, positions, VERSION + "/parties/{party_id}/positions", "put")
    assert early.status_code == 422 and early.get_json()["errors"] == {
        "party": ["Mark this version agreed before recording signatures"]
    }
    assert undated.status_code == 422 and undated.get_json()["errors"] == {
        "on": ["Enter the date it was agreed, like 27 3 2026"]
    }
    assert agreed.get_json()["status"] == "agreed" and agreed.get_json()["agreed_on"] == "2026-03-02"
    assert_matches(openapi, agreed, VERSION + "/status", "post")
    assert locked.status_code == 422 and "cannot be changed" in locked.get_json()["errors"]["status"][0]
    assert stranger.get_json()["errors"]["party"] == [
        "Select the party they signed for: only a party to the statement can sign it"
    ]
    assert before_agreed.get_json()["errors"] == {
        "signed_on": ["The date they signed cannot be before the version was agreed, 2 March 2026"]
    }
    assert signed.status_code == 201 and signed.get_json()["signatures"][0]["name"] == "Jo Leader"
    assert signed.get_json()["signatures"][0]["party"] == watford
    assert signed.get_json()["signature_status"] == "Partly signed (1 of 2)"
    assert_matches(openapi, signed, VERSION + "/signatures", "post")
    assert partly.status_code == 422 and partly.get_json()["errors"]["status"] == [
        "Signed means every party has signed: 1 of 2 have. Record the others first"
    ]
    assert marked.get_json()["status"] == "signed"
    assert marked.get_json()["signature_status"] == "Signed by all parties"
    assert marked.get_json()["signatures"][1]["name"] == "Sam Chief"  # the party's signatory
    assert no_log.status_code == 422 and "change_log" in no_log.get_json()["errors"]
    assert second.status_code == 201 and second.get_json()["number"] == 2
    assert second.get_json()["change_log"] == "Homes England's position on housing need"
    assert_matches(openapi, second, BASE + "/{statement_id}/versions", "post")
    assert second.get_json()["signatures"] == [] and len(second.get_json()["parties"]) == 2
    again = officer_api.post(url, json={"change_log": "More"})
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
    party = officer_api.post(url + "/parties", json={"authority": "WBC"}).get_json()["parties"][0]["id"]
    officer_api.post(url + "/status", json={"status": "agreed", "on": date.today().isoformat()})
    signature = {"party": party, "name": "Jo Leader", "signed_on": date.today().isoformat()}

    first = officer_api.post(url + "/signatures", json=signature, headers={"Idempotency-Key": "sign-1"})
    again = officer_api.post(url + "/signatures", json=signature, headers={"Idempotency-Key": "sign-1"})

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json() == first.get_json()
    assert len(officer_api.get(url).get_json()["signatures"]) == 1
