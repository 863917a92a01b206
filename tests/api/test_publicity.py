"""How a consultation was publicised, through the API: the same rules as the officer pages."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import AuditEvent, Publicity
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_consultation

EXHIBITION = {
    "method": "exhibition",
    "description": "Drop-in exhibition at Watford Town Hall",
    "starts_on": "2027-01-20",
    "attendance": 64,
}


def test_officers_record_list_change_and_remove_publicity(officer_api, openapi):
    consultation = create_consultation()
    path = f"/api/v1/consultations/{consultation.id}/publicity"

    created = officer_api.post(path, json=EXHIBITION)
    assert created.status_code == 201, created.get_json()
    assert_matches(openapi, created, "/consultations/{consultation_id}/publicity", "post")
    item = created.get_json()
    assert item | {"id": 0} == {"id": 0, "consultation": consultation.id, "ends_on": None, **EXHIBITION}

    listed = officer_api.get(path)
    assert_matches(openapi, listed, "/consultations/{consultation_id}/publicity", "get")
    assert [row["id"] for row in listed.get_json()["items"]] == [item["id"]]

    changed = officer_api.patch(f"/api/v1/publicity/{item['id']}", json={"ends_on": "2027-01-21", "attendance": 80})
    assert changed.status_code == 200, changed.get_json()
    assert_matches_schema(changed, "Publicity")
    assert (changed.get_json()["ends_on"], changed.get_json()["attendance"]) == ("2027-01-21", 80)
    assert changed.get_json()["description"] == EXHIBITION["description"]

    removed = officer_api.delete(f"/api/v1/publicity/{item['id']}")
    assert removed.status_code == 200 and removed.get_json()["id"] == item["id"]
    assert db.session.scalar(select(func.count(Publicity.id))) == 0
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "publicity"))
    assert sorted(actions) == ["create", "delete", "update"]


def test_bad_publicity_is_a_422_and_writes_nothing(officer_api):
    consultation = create_consultation()
    body = {"method": "website", "description": "", "starts_on": "2027-02-01", "ends_on": "2027-01-01",
            "attendance": 10}  # fmt: skip

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/publicity", json=body)

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"description", "ends_on", "attendance"}
    assert db.session.scalar(select(func.count(Publicity.id))) == 0


def test_wrong_types_are_a_422(officer_api):
    consultation = create_consultation()
    body = {"method": "carrier-pigeon", "description": "x\x00", "starts_on": "31/02/2027", "attendance": "many"}

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/publicity", json=body)

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"description", "starts_on", "attendance"}


def test_an_unknown_method_or_missing_date_is_named(officer_api):
    consultation = create_consultation()

    response = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/publicity", json={"method": "carrier-pigeon", "description": "Loft"}
    )

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"method", "starts_on"}


def test_unknown_ids_are_404(officer_api, viewer_api):
    assert officer_api.post("/api/v1/consultations/999999/publicity", json=EXHIBITION).status_code == 404
    assert viewer_api.get("/api/v1/publicity/999999").status_code == 404
    assert viewer_api.get("/api/v1/publicity/99999999999").status_code == 404


def test_viewers_read_but_cannot_write(viewer_api):
    consultation = create_consultation()
    path = f"/api/v1/consultations/{consultation.id}/publicity"
    assert viewer_api.get(path).status_code == 200
    assert viewer_api.post(path, json=EXHIBITION).status_code == 403
