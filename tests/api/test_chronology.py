"""GET /api/v1/evidence/chronology and /evidence/chronology/{slug}: the chronology pages as JSON."""

import pytest

from engage.evidence.chronology import queries
from engage.extensions import db
from engage.models import StrategicMatter
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.evidence.dtc import dtc_data


@pytest.fixture
def record():
    return dtc_data.build()


def test_the_list_gives_each_matter_with_its_first_engagement(viewer_api, openapi, record):
    response = viewer_api.get("/api/v1/evidence/chronology?per_page=500")
    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/chronology")
    assert_matches_schema(response, "ChronologyMatterPage")
    items = {item["slug"]: item for item in response.get_json()["items"]}
    housing = items["housing-need"]
    assert (housing["first_engaged_on"], housing["first_plan_stage"]) == ("2026-03-10", "Regulation 18")
    assert (housing["engagements"], housing["bodies"], housing["positions"]) == (2, 2, {})
    assert items["education"]["first_engaged_on"] is None


def test_a_matters_chronology_is_the_pages(viewer_api, openapi, record):
    response = viewer_api.get("/api/v1/evidence/chronology/housing-need")
    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/chronology/{slug}")
    assert_matches_schema(response, "Chronology")
    body = response.get_json()
    matter = db.session.query(StrategicMatter).filter_by(slug="housing-need").one()
    built = queries.chronology(matter)
    assert [item["id"] for item in body["engagements"]] == [entry.engagement.id for entry in built.entries]
    first = body["engagements"][0]
    assert (first["examination_library_reference"], first["agreement"], first["after_submission"]) == (
        "EL-7",
        "agreed",
        False,
    )
    assert body["first_engaged"][0] | {"body_id": 0} == {
        "body_id": 0,
        "body": "Environment Agency",
        "date": "2026-03-10",
        "plan_stage": "Regulation 18",
        "engagement": record.first.id,
    }
    assert body["positions"] == [] and body["truncated"] is False


def test_an_unknown_matter_is_a_404(viewer_api):
    response = viewer_api.get("/api/v1/evidence/chronology/no-such-matter")
    assert response.status_code == 404
    assert_matches_schema(response, "Problem")
