from sqlalchemy import event, select

from engage.extensions import db
from engage.models import AuditEvent, StrategicMatter
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_authority, create_stakeholder

REGISTER_SLUGS = {
    "members-forum",
    "statutory-consultees",
    "mps",
    "government-departments",
    "neighbouring-authorities",
    "strategic-stakeholders",
    "general-consultees",
}


def test_authorities_are_listed_by_code_in_the_envelope(viewer_api, openapi):
    create_authority("HCC", "Hertfordshire County Council", "county")
    response = viewer_api.get("/api/v1/authorities")
    assert response.status_code == 200
    assert response.get_json() == {
        "items": [
            {
                "id": response.get_json()["items"][0]["id"],
                "code": "HCC",
                "name": "Hertfordshire County Council",
                "kind": "county",
            },
            {
                "id": response.get_json()["items"][1]["id"],
                "code": "WBC",
                "name": "Watford Borough Council",
                "kind": "partner",
            },
        ],
        "page": 1,
        "per_page": 50,
        "total": 2,
    }
    assert_matches(openapi, response, "/authorities")
    assert_matches_schema(response, "AuthorityPage")


def test_registers_count_their_stakeholders_in_one_grouped_query(app, viewer_api, openapi):
    create_stakeholder(registers=["members-forum", "general-consultees"])
    create_stakeholder(registers=["general-consultees"])
    statements = []

    def remember(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        response = viewer_api.get("/api/v1/registers")
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    counts = {item["slug"]: item["stakeholder_count"] for item in response.get_json()["items"]}
    assert set(counts) == REGISTER_SLUGS
    assert counts["general-consultees"] == 2
    assert counts["members-forum"] == 1
    assert counts["mps"] == 0
    assert len([s for s in statements if "register_membership" in s]) == 1
    assert_matches(openapi, response, "/registers")
    assert_matches_schema(response, "RegisterPage")


def test_strategic_matters_are_listed(viewer_api, openapi):
    response = viewer_api.get("/api/v1/strategic-matters?per_page=500")
    slugs = [item["slug"] for item in response.get_json()["items"]]
    assert "green-belt" in slugs
    assert response.get_json()["total"] == len(slugs) == 16
    assert_matches(openapi, response, "/strategic-matters")
    assert_matches_schema(response, "StrategicMatterPage")


def test_officer_adds_a_strategic_matter_with_a_derived_slug(officer_api, openapi):
    response = officer_api.post("/api/v1/strategic-matters", json={"name": "Gypsy & Traveller sites – north"})
    assert response.status_code == 201
    body = response.get_json()
    assert body["slug"] == "gypsy-traveller-sites-north"
    matter = db.session.get(StrategicMatter, body["id"])
    assert matter.name == "Gypsy & Traveller sites – north"
    assert db.session.scalar(select(AuditEvent.entity_type).where(AuditEvent.entity_id == matter.id)) == (
        "strategic-matter"
    )
    assert_matches(openapi, response, "/strategic-matters", "post")
    assert_matches_schema(response, "StrategicMatter")


def test_strategic_matter_with_a_slug_in_use_is_refused(officer_api, openapi):
    response = officer_api.post("/api/v1/strategic-matters", json={"name": "Green belt"})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["errors"] == {"name": ["There is already a strategic matter with the slug ‘green-belt’"]}
    assert db.session.scalar(select(StrategicMatter).where(StrategicMatter.name == "Green belt")) is None
    assert_matches(openapi, response, "/strategic-matters", "post")
    assert_matches_schema(response, "Problem")


def test_strategic_matter_needs_a_name_given_as_text(officer_api):
    assert officer_api.post("/api/v1/strategic-matters", json={}).get_json()["errors"] == {
        "name": ["Enter the name of the strategic matter"]
    }
    assert officer_api.post("/api/v1/strategic-matters", json={"name": 12}).get_json()["errors"] == {
        "name": ["Name must be text"]
    }
    assert officer_api.post("/api/v1/strategic-matters", json={"name": "—"}).get_json()["errors"] == {
        "name": ["Name must contain letters or numbers"]
    }
    response = officer_api.post("/api/v1/strategic-matters", json={"name": "Ports", "slug": "Not A Slug"})
    assert list(response.get_json()["errors"]) == ["slug"]
    assert_matches_schema(response, "Problem")


def test_viewer_cannot_add_a_strategic_matter(viewer_api):
    response = viewer_api.post("/api/v1/strategic-matters", json={"name": "Ports"})
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 403
    assert_matches_schema(response, "Problem")


def test_no_token_or_a_wrong_token_is_401_problem(client):
    for headers in ({}, {"Authorization": "Bearer eng_not-a-token"}, {"Authorization": "Basic abc"}):
        response = client.get("/api/v1/authorities", headers=headers)
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["title"] == "You need to sign in"
        assert_matches_schema(response, "Problem")


def test_pagination_pages_and_clamps_per_page(viewer_api):
    assert_matches_schema(viewer_api.get("/api/v1/strategic-matters?page=2&per_page=5"), "StrategicMatterPage")
    second = viewer_api.get("/api/v1/strategic-matters?page=2&per_page=5").get_json()
    assert (second["page"], second["per_page"], second["total"], len(second["items"])) == (2, 5, 16, 5)
    first = viewer_api.get("/api/v1/strategic-matters?per_page=5").get_json()
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert viewer_api.get("/api/v1/strategic-matters?per_page=100000").get_json()["per_page"] == 500
    assert_matches_schema(viewer_api.get("/api/v1/strategic-matters?page=99999999999999999999"), "Problem")
    beyond = viewer_api.get("/api/v1/strategic-matters?page=99999999999999999999").get_json()
    assert beyond["errors"] == {"page": ["Page must be 10,000,000 or less"]}
    assert viewer_api.get("/api/v1/strategic-matters?page=9").get_json()["items"] == []


def test_bad_page_numbers_are_422_problems(viewer_api):
    for query in ("page=0", "page=abc", "per_page=-1", "page=1.5", "per_page=²"):
        response = viewer_api.get(f"/api/v1/registers?{query}")
        assert response.status_code == 422, query
        assert response.mimetype == "application/problem+json"
        assert set(response.get_json()["errors"]) <= {"page", "per_page"}
        assert_matches_schema(response, "Problem")


def test_unknown_api_path_and_method_are_problems(viewer_api):
    response = viewer_api.get("/api/v1/nothing-here")
    assert (response.status_code, response.mimetype) == (404, "application/problem+json")
    assert_matches_schema(response, "Problem")
    response = viewer_api.delete("/api/v1/authorities")
    assert (response.status_code, response.mimetype) == (405, "application/problem+json")
    assert_matches_schema(response, "Problem")


def test_problems_carry_the_headers_http_requires(client, viewer_api):
    assert client.get("/api/v1/authorities").headers["WWW-Authenticate"] == "Bearer"
    assert set(viewer_api.put("/api/v1/authorities").headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
