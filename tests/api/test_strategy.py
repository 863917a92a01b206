from engage.extensions import db
from engage.models import StrategyEntry
from tests.api.conftest import assert_matches
from tests.factories import create_authority, create_plan, create_stakeholder

ENTRY = {
    "title": "Members’ forum",
    "register": "members-forum",
    "mechanism": "members-forum-meeting",
    "cadence": "monthly",
    "starts_on": "2026-05-25",
    "ends_on": "2026-08-31",
    "time_of_day": "18:30",
    "level": "member",
    "lead_authority": "WBC",
    "stages": ["reg-18"],
    "key_messages": "Why a joint plan",
}
ONE = "/strategy-entries/{entry_id}"


def test_officers_add_a_strategy_entry_and_everyone_signed_in_reads_it(officer_api, viewer_api, openapi):
    create_authority()
    create_plan()

    response = officer_api.post("/api/v1/strategy-entries", json=ENTRY)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/strategy-entries", "post")
    body = response.get_json()
    assert body["time_of_day"] == "18:30" and body["register"] == "members-forum" and body["stages"] == ["reg-18"]
    listed = viewer_api.get("/api/v1/strategy-entries")
    assert_matches(openapi, listed, "/strategy-entries")
    assert listed.get_json()["items"] == [body]
    assert viewer_api.get(f"/api/v1/strategy-entries/{body['id']}").get_json() == body
    assert viewer_api.post("/api/v1/strategy-entries", json=ENTRY).status_code == 403


def test_a_strategy_entry_without_an_audience_or_dates_is_a_422_and_writes_nothing(officer_api, openapi):
    create_authority()

    response = officer_api.post(
        "/api/v1/strategy-entries",
        json={**ENTRY, "register": None, "starts_on": "", "time_of_day": "teatime", "ends_on": "2026-02-30"},
    )
    missing = officer_api.post("/api/v1/strategy-entries", json={"title": "Nothing else", "register": "members-forum"})

    assert response.status_code == 422
    assert_matches(openapi, response, "/strategy-entries", "post")
    assert response.get_json()["errors"] == {
        "time_of_day": ["Time of day must be a time in the 24-hour clock, like 14:30"],
        "ends_on": ["Ends on must be a date in the format YYYY-MM-DD"],
    }
    assert set(missing.get_json()["errors"]) == {"mechanism", "cadence", "level", "lead_authority", "starts_on"}
    assert missing.get_json()["errors"]["starts_on"] == ["Enter the date of the first one, like 27 3 2027"]
    assert db.session.query(StrategyEntry).count() == 0


def test_changing_an_entry_keeps_the_fields_not_sent(officer_api, openapi):
    create_authority()
    create_plan()
    person = create_stakeholder()
    created = officer_api.post("/api/v1/strategy-entries", json=ENTRY).get_json()
    url = f"/api/v1/strategy-entries/{created['id']}"

    response = officer_api.patch(url, json={"register": None, "stakeholders": [person.id], "cadence": "one-off"})

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE, "patch")
    body = response.get_json()
    assert body["register"] is None and body["stakeholders"] == [person.id] and body["cadence"] == "one-off"
    assert body["time_of_day"] == "18:30" and body["key_messages"] == "Why a joint plan"
    sent_back = officer_api.patch(url, json=body).get_json()  # a fetched record can be sent back as it is
    assert {**sent_back, "updated_at": ""} == {**body, "updated_at": ""}
    refused = officer_api.patch(url, json={"stakeholders": [], "register": None})
    assert refused.status_code == 422
    assert_matches(openapi, refused, ONE, "patch")
    assert refused.get_json()["errors"]["register"] == ["Select a register, or name the stakeholders this entry is for"]
    assert officer_api.patch("/api/v1/strategy-entries/999999", json={}).status_code == 404


def test_scheduling_an_entry_plans_its_engagements_once(officer_api, openapi):
    create_authority()
    create_plan()
    created = officer_api.post("/api/v1/strategy-entries", json=ENTRY).get_json()
    url = f"/api/v1/strategy-entries/{created['id']}/schedule"

    first = officer_api.post(url)
    again = officer_api.post(url)

    assert first.status_code == 201 and again.status_code == 200
    assert_matches(openapi, first, ONE + "/schedule", "post")
    assert_matches(openapi, again, ONE + "/schedule", "post")
    added = first.get_json()["added"]
    assert [item["starts_at"][:10] for item in added] == ["2026-05-26", "2026-06-25", "2026-07-27", "2026-08-25"]
    assert {item["status"] for item in added} == {"planned"} and again.get_json()["added"] == []


def test_scheduling_the_whole_strategy_plans_every_entry(officer_api, viewer_api, openapi):
    create_authority()
    create_plan()
    officer_api.post("/api/v1/strategy-entries", json=ENTRY)
    officer_api.post("/api/v1/strategy-entries", json={**ENTRY, "title": "Quarterly", "cadence": "quarterly"})

    first = officer_api.post("/api/v1/strategy-entries/schedule")
    again = officer_api.post("/api/v1/strategy-entries/schedule")

    assert first.status_code == 201 and first.get_json()["added"] > 4
    assert again.status_code == 200 and again.get_json() == {"added": 0}
    for response in (first, again):
        assert_matches(openapi, response, "/strategy-entries/schedule", "post")
    assert viewer_api.post("/api/v1/strategy-entries/schedule").status_code == 403
