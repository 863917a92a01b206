"""GET /api/v1/evidence/dtc-table: the co-operation table as JSON."""

import pytest

from engage.evidence.dtc import rows as dtc
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.evidence.dtc import dtc_data

FIELDS = {
    "ref",
    "date",
    "body",
    "body_category",
    "matters",
    "plan_stage",
    "form",
    "level",
    "attendees",
    "summary",
    "outcome",
    "agreement",
    "actions",
    "influence_on_plan",
    "evidence_url",
    "examination_library_reference",
    "after_submission",
}


@pytest.fixture
def record():
    return dtc_data.build()


def test_rows_have_exactly_the_documented_fields(viewer_api, openapi, record):
    response = viewer_api.get("/api/v1/evidence/dtc-table")
    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/dtc-table")
    assert_matches_schema(response, "DtcRowPage")
    body = response.get_json()
    assert body["total"] == 4 and body["page"] == 1
    assert all(set(item) == FIELDS for item in body["items"])
    assert [item["ref"] for item in body["items"]] == [row.ref for row in dtc.dtc_rows(dtc.DtcFilters())]


def test_paging_and_filters(viewer_api, record):
    response = viewer_api.get("/api/v1/evidence/dtc-table?scope=all&per_page=2&page=2")
    assert_matches_schema(response, "DtcRowPage")
    body = response.get_json()
    assert (body["total"], body["per_page"], len(body["items"])) == (6, 2, 2)
    response = viewer_api.get(f"/api/v1/evidence/dtc-table?stakeholder={record.neighbour.id}")
    assert_matches_schema(response, "DtcRowPage")
    body = response.get_json()
    assert [item["ref"] for item in body["items"]] == [f"E{record.later.id}-S{record.neighbour.id}"]
    assert body["items"][0]["after_submission"] is True


def test_filters_that_match_nothing_give_an_empty_list(viewer_api, record):
    response = viewer_api.get("/api/v1/evidence/dtc-table?from=2031-01-01")
    assert_matches_schema(response, "DtcRowPage")
    assert response.get_json() == {"items": [], "page": 1, "per_page": 50, "total": 0}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2027-01-01&to=2026-01-01", "to"),
        ("from=yesterday", "from"),
        ("level=chief", "level"),
        ("register=nowhere", "register"),
        ("stage=reg-99", "stage"),
        ("body=abc", "body"),
    ],
)
def test_bad_filters_are_a_422_naming_the_parameter(viewer_api, openapi, record, query, field):
    response = viewer_api.get(f"/api/v1/evidence/dtc-table?{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert_matches(openapi, response, "/evidence/dtc-table")
    assert_matches_schema(response, "Problem")


def test_a_token_is_needed(client):
    response = client.get("/api/v1/evidence/dtc-table")
    assert response.status_code == 401
    assert_matches_schema(response, "Problem")
