"""/api/v1/plans and their stages: bodies fit the served OpenAPI document; bad input is a 422 that writes nothing."""

from datetime import date

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Plan
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_authority, create_consultation
from tests.plans.helpers import set_up_plan


def test_viewers_list_and_read_plans_with_their_stages(viewer_api, openapi):
    plan = set_up_plan("2026")

    listed = viewer_api.get("/api/v1/plans")
    shown = viewer_api.get(f"/api/v1/plans/{plan.id}")

    assert_matches(openapi, listed, "/plans")
    assert_matches_schema(listed, "PlanPage")
    assert_matches(openapi, shown, "/plans/{plan_id}")
    body = shown.get_json()
    assert body["route"] == "2026" and body["lead_authority"] == "WBC" and body["partners"] == ["WBC", "TRDC"]
    scoping = body["stages"][1]
    assert scoping["slug"] == "scoping" and scoping["role"] == "consultation"
    assert scoping["starts_on"] == "2026-05-01" and scoping["dates_from_consultations"] is True


def test_an_admin_sets_up_a_plan_with_predicted_dates(admin_api, openapi):
    create_authority("TRDC", "Three Rivers District Council")
    body = {
        "name": "Three Rivers Local Plan",
        "route": "legacy",
        "partners": ["TRDC", "WBC"],
        "stages": [{"slug": "reg-18", "starts_on": "2027-01-11", "ends_on": "2027-02-22"}],
    }

    response = admin_api.post("/api/v1/plans", json=body)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/plans", "post")
    created = response.get_json()
    assert created["lead_authority"] == "TRDC" and created["stages"][0]["ends_on"] == "2027-02-22"


def test_officers_cannot_set_up_plans(officer_api):
    assert officer_api.post("/api/v1/plans", json={"name": "X", "route": "2026"}).status_code == 403


def test_a_bad_plan_is_a_422_naming_each_field_and_writes_nothing(admin_api, openapi):
    response = admin_api.post("/api/v1/plans", json={"name": "", "route": "2030", "period_start": "soon"})

    assert response.status_code == 422
    assert_matches(openapi, response, "/plans", "post")
    assert "period_start" in response.get_json()["errors"]
    response = admin_api.post("/api/v1/plans", json={"name": "", "route": "2030", "partners": ["WBC"]})
    assert set(response.get_json()["errors"]) == {"name", "route"}
    assert db.session.scalar(select(func.count(Plan.id))) == 0


def test_officers_change_a_plan_but_not_its_route_under_consultations(officer_api, openapi):
    plan = set_up_plan("legacy")
    create_consultation(stage="reg-19")

    renamed = officer_api.patch(f"/api/v1/plans/{plan.id}", json={"name": "Renamed", "period_end": "2041-03-31"})
    refused = officer_api.patch(f"/api/v1/plans/{plan.id}", json={"route": "2026"})

    assert renamed.status_code == 200
    assert_matches(openapi, renamed, "/plans/{plan_id}", "patch")
    assert renamed.get_json()["period_end"] == "2041-03-31"
    assert refused.status_code == 422
    assert "cannot change the route" in refused.get_json()["errors"]["route"][0]


def test_stages_are_listed_and_their_dates_changed(officer_api, openapi):
    plan = set_up_plan("legacy")

    listed = officer_api.get(f"/api/v1/plans/{plan.id}/stages")
    changed = officer_api.patch(
        f"/api/v1/plans/{plan.id}/stages/submission", json={"actual_starts_on": "2027-06-05", "ends_on": None}
    )

    assert_matches(openapi, listed, "/plans/{plan_id}/stages")
    assert [s["slug"] for s in listed.get_json()["items"]][:3] == ["reg-18", "reg-19", "submission"]
    assert changed.status_code == 200, changed.get_json()
    assert_matches(openapi, changed, "/plans/{plan_id}/stages/{stage}", "patch")
    assert changed.get_json()["actual_starts_on"] == "2027-06-05"
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).submission_date == date(2027, 6, 5)


def test_a_stage_out_of_order_is_a_422_on_its_own_field(officer_api, openapi):
    plan = set_up_plan("legacy")

    response = officer_api.patch(f"/api/v1/plans/{plan.id}/stages/reg-19", json={"starts_on": "2025-01-01"})

    assert response.status_code == 422
    assert_matches(openapi, response, "/plans/{plan_id}/stages/{stage}", "patch")
    assert list(response.get_json()["errors"]) == ["starts_on"]
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).stages[1].starts_on == date(2027, 1, 11)


def test_an_unknown_stage_is_a_404(officer_api):
    plan = set_up_plan("legacy")

    assert officer_api.patch(f"/api/v1/plans/{plan.id}/stages/gateway-9", json={}).status_code == 404
