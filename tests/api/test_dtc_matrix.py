"""GET /api/v1/evidence/dtc-matrix: the body × strategic matter matrix as JSON."""

import pytest

from engage.evidence.dtc import matrix
from engage.evidence.dtc import rows as dtc
from tests.api.conftest import assert_matches
from tests.evidence.dtc import dtc_data

PATH = "/evidence/dtc-matrix"


@pytest.fixture
def record():
    return dtc_data.build()


def test_the_matrix_is_the_pages_matrix_as_json(viewer_api, openapi, record):
    response = viewer_api.get("/api/v1" + PATH)

    assert response.status_code == 200
    assert_matches(openapi, response, PATH)
    body = response.get_json()
    built = matrix.build(dtc.DtcFilters.from_args({}))
    assert [matter["slug"] for matter in body["matters"]] == [matter.slug for matter in built.matters]
    assert [item["name"] for item in body["bodies"]] == [item.name for item in built.bodies]
    assert body["gaps"] == built.gaps and body["truncated"] is False
    agency = next(item for item in body["bodies"] if item["name"] == "Environment Agency")
    cells = {cell["matter"]: cell for cell in agency["cells"]}
    assert len(agency["cells"]) == len(body["matters"])
    assert cells["water-and-flood-risk"]["agreement"] == "agreed" and not cells["water-and-flood-risk"]["gap"]
    assert cells["green-belt"]["gap"] is True and cells["green-belt"]["agreement"] is None


def test_the_matrix_takes_the_tables_filters(viewer_api, openapi, record):
    one = viewer_api.get("/api/v1" + PATH + "?matter=housing-need")
    bad = viewer_api.get("/api/v1" + PATH + "?from=yesterday&level=chief&matter=nope")

    assert [matter["slug"] for matter in one.get_json()["matters"]] == ["housing-need"]
    assert bad.status_code == 422
    assert_matches(openapi, bad, PATH)
    assert {"from", "level", "matter"} <= set(bad.get_json()["errors"])


def test_the_matrix_needs_a_token(client, openapi):
    response = client.get("/api/v1" + PATH)
    assert response.status_code == 401
    assert_matches(openapi, response, PATH)
