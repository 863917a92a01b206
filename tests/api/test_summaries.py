from datetime import UTC, date, datetime

from engage.models import Action
from tests.api.conftest import assert_matches
from tests.evidence.summaries.test_summaries import _engagement
from tests.factories import create_authority, create_stakeholder

QUERY = "?from=2026-01-01&to=2026-06-30"


def _year():
    watford = create_authority()
    dacorum = create_authority("DBC", "Dacorum Borough Council")
    agency = create_stakeholder(kind="organisation", organisation="Environment Agency")
    overdue = Action(description="Send figures", owner_authority=dacorum, status="open", due_on=date(2026, 2, 1))
    _engagement("One", datetime(2026, 1, 5, 10, tzinfo=UTC), [agency], watford, matters=["housing-need"],
                actions=[overdue])  # fmt: skip
    _engagement("Two", datetime(2026, 2, 5, 10, tzinfo=UTC), [agency], watford)
    _engagement("Old", datetime(2025, 2, 5, 10, tzinfo=UTC), [agency], dacorum)
    return agency


def test_the_overview_counts_per_authority_over_the_period(viewer_api, openapi):
    agency = _year()

    response = viewer_api.get("/api/v1/evidence/summaries" + QUERY)

    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/summaries")
    body = response.get_json()
    assert body["period"] == {"start": "2026-01-01", "end": "2026-06-30"}
    lines = {line["authority"]: line for line in body["authorities"]}
    assert (lines["WBC"]["led"], lines["WBC"]["held"]) == (2, 2)
    assert (lines["DBC"]["led"], lines["DBC"]["actions_open"], lines["DBC"]["overdue"]) == (0, 1, 1)
    assert body["top_stakeholders"] == [{"id": agency.id, "name": agency.name, "engagements": 2}]


def test_an_authority_and_a_stakeholder_over_the_period(viewer_api, openapi):
    agency = _year()

    authority = viewer_api.get("/api/v1/evidence/summaries/authorities/wbc" + QUERY)
    owner = viewer_api.get("/api/v1/evidence/summaries/authorities/DBC" + QUERY)
    stakeholder = viewer_api.get(f"/api/v1/evidence/summaries/stakeholders/{agency.id}" + QUERY)

    assert_matches(openapi, authority, "/evidence/summaries/authorities/{code}")
    assert [item["title"] for item in authority.get_json()["engagements"]] == ["One", "Two"]
    assert [item["description"] for item in owner.get_json()["actions"]] == ["Send figures"]
    assert_matches(openapi, stakeholder, "/evidence/summaries/stakeholders/{stakeholder_id}")
    assert [item["title"] for item in stakeholder.get_json()["engagements"]] == ["One", "Two"]


def test_bad_dates_are_a_422_and_unknown_ones_404s(viewer_api, client, openapi):
    bad = viewer_api.get("/api/v1/evidence/summaries?from=2026-06-01&to=2026-01-01")
    unknown = viewer_api.get("/api/v1/evidence/summaries/authorities/XYZ")
    nobody = viewer_api.get("/api/v1/evidence/summaries/stakeholders/999999")

    assert bad.status_code == 422 and bad.get_json()["errors"]["to"]
    assert_matches(openapi, bad, "/evidence/summaries")
    assert unknown.status_code == 404 and nobody.status_code == 404
    assert_matches(openapi, unknown, "/evidence/summaries/authorities/{code}")
    assert client.get("/api/v1/evidence/summaries").status_code == 401


def test_the_dashboards_numbers(viewer_api, openapi):
    _year()

    response = viewer_api.get("/api/v1/evidence/dashboard" + QUERY + "&authority=WBC")
    unknown = viewer_api.get("/api/v1/evidence/dashboard?register=nope&from=x")

    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/dashboard")
    body = response.get_json()
    assert body["months"][:2] == ["2026-01-01", "2026-02-01"] and len(body["months"]) == 6
    assert body["engagements_by_matter"][0]["counts"][:2] == [1, 0]
    assert sum(sum(series["counts"]) for series in body["engagements_by_register"]) == 2
    assert body["actions_by_authority"] == [{"authority": "Dacorum Borough Council", "status": "open", "count": 1}]
    assert unknown.status_code == 422 and {"register", "from"} <= set(unknown.get_json()["errors"])
    assert_matches(openapi, unknown, "/evidence/dashboard")
