from datetime import timedelta

from engage.models import utcnow
from tests.factories import create_consultation
from tests.respond.helpers import fill_about_you, fill_item, submit

KEYED = {
    "channel": "post",
    "received_at": "2026-11-01T10:00:00+00:00",
    "respondent": {
        "first_name": "Pat",
        "last_name": "Letter",
        "address": "1 High Street, Watford",
        "postcode": "WD17 1AB",
    },
    "part": "Policy SP1",
    "nature": "support",
    "comment": "I support the policy.",
}


def test_anyone_can_list_published_consultations_with_their_parts(client):
    consultation = create_consultation(title="Publication plan")
    create_consultation(published=False)

    response = client.get("/api/v1/consultations")

    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] == 1
    item = body["items"][0]
    assert item["id"] == consultation.id and item["status"] == "open" and item["stage"] == "reg-19"
    assert item["parts"][1] == {"ref": "Policy SP1", "title": "Spatial strategy", "kind": "policy"}


def test_officers_add_a_consultation(officer_api):
    body = {
        "title": "Main modifications",
        "stage": "main-modifications",
        "opens_at": "2027-09-01T09:00:00+01:00",
        "closes_at": "2027-10-13T23:59:00+01:00",
        "parts": [{"ref": "MM1", "title": "Policy SP1"}],
    }

    response = officer_api.post("/api/v1/consultations", json=body)

    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["slug"] == "main-modifications" and created["status"] == "draft"
    assert created["closes_at"] == "2027-10-13T23:59:00+01:00"


def test_a_consultation_without_dates_is_a_422(officer_api):
    response = officer_api.post("/api/v1/consultations", json={"title": "No dates"})

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) >= {"opens_at", "closes_at"}


def test_officers_key_in_a_late_postal_representation(officer_api):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30), closes_at=utcnow() - timedelta(days=20))

    received = (utcnow() - timedelta(days=1)).isoformat()

    response = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/representations", json={**KEYED, "received_at": received}
    )

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["channel"] == "post" and body["late"] is True and body["part"] == "Policy SP1"
    assert body["reference"] == f"{body['respondent_reference']}-1"
    fetched = officer_api.get(f"/api/v1/representations/{body['reference']}")
    assert fetched.get_json() == body


def test_representations_are_listed_with_filters(officer_api, client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    submit(client, consultation)
    officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED)

    url = f"/api/v1/consultations/{consultation.id}/representations"
    assert officer_api.get(url).get_json()["total"] == 2
    online = officer_api.get(url + "?channel=online").get_json()
    assert online["total"] == 1 and online["items"][0]["nature"] == "object"
    assert officer_api.get(url + "?nature=support&late=true").get_json()["total"] == 0


def test_a_bad_representation_is_a_422_and_writes_nothing(officer_api):
    consultation = create_consultation()
    body = {**KEYED, "nature": "hate", "respondent": {"first_name": "", "email": "nope"}}

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=body)

    assert response.status_code == 422
    assert {"nature", "first_name", "email"} <= set(response.get_json()["errors"])
    assert officer_api.get(f"/api/v1/consultations/{consultation.id}/representations").get_json()["total"] == 0


def test_an_unknown_reference_is_a_404(viewer_api):
    assert viewer_api.get("/api/v1/representations/R-99999-1").status_code == 404
    assert viewer_api.get("/api/v1/representations/nonsense").status_code == 404


def test_representations_need_a_token(client):
    consultation = create_consultation()
    assert client.get(f"/api/v1/consultations/{consultation.id}/representations").status_code == 401
