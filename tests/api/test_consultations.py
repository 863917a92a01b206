from datetime import timedelta

from engage.models import utcnow
from tests.api.conftest import assert_matches_schema
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
    assert_matches_schema(response, "ConsultationPage")
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
    assert_matches_schema(response, "Consultation")
    created = response.get_json()
    assert created["slug"] == "main-modifications" and created["status"] == "draft"
    assert created["closes_at"] == "2027-10-13T23:59:00+01:00"


def test_a_consultation_without_dates_is_a_422(officer_api):
    response = officer_api.post("/api/v1/consultations", json={"title": "No dates"})

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) >= {"opens_at", "closes_at"}
    assert_matches_schema(response, "Problem")


def test_officers_key_in_a_late_postal_representation(officer_api):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30), closes_at=utcnow() - timedelta(days=20))

    received = (utcnow() - timedelta(days=1)).isoformat()

    response = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/representations", json={**KEYED, "received_at": received}
    )

    assert response.status_code == 201, response.get_json()
    assert_matches_schema(response, "Representation")
    body = response.get_json()
    assert body["channel"] == "post" and body["late"] is True and body["part"] == "Policy SP1"
    assert body["reference"] == f"{body['respondent_reference']}-1"
    fetched = officer_api.get(f"/api/v1/representations/{body['reference']}")
    assert body.pop("possible_same_respondents") == []  # only the answer to a key-in lists them
    assert fetched.get_json() == body
    assert_matches_schema(fetched, "Representation")


def test_representations_are_listed_with_filters(officer_api, client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    submit(client, consultation)
    officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED)

    url = f"/api/v1/consultations/{consultation.id}/representations"
    assert officer_api.get(url).get_json()["total"] == 2
    for query in ("", "?channel=online", "?nature=support&late=true"):
        assert_matches_schema(officer_api.get(url + query), "RepresentationPage")
    online = officer_api.get(url + "?channel=online").get_json()
    assert online["total"] == 1 and online["items"][0]["nature"] == "object"
    assert officer_api.get(url + "?nature=support&late=true").get_json()["total"] == 0


def test_a_bad_representation_is_a_422_and_writes_nothing(officer_api):
    consultation = create_consultation()
    body = {**KEYED, "nature": "hate", "respondent": {"first_name": "", "email": "nope"}}

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=body)

    assert response.status_code == 422
    assert {"nature", "first_name", "email"} <= set(response.get_json()["errors"])
    assert_matches_schema(response, "Problem")
    assert officer_api.get(f"/api/v1/consultations/{consultation.id}/representations").get_json()["total"] == 0


def test_an_unknown_reference_is_a_404(viewer_api):
    assert viewer_api.get("/api/v1/representations/R-99999-1").status_code == 404
    assert viewer_api.get("/api/v1/representations/nonsense").status_code == 404
    assert_matches_schema(viewer_api.get("/api/v1/representations/nonsense"), "Problem")


def test_representations_need_a_token(client):
    consultation = create_consultation()
    response = client.get(f"/api/v1/consultations/{consultation.id}/representations")
    assert response.status_code == 401
    assert_matches_schema(response, "Problem")


def test_a_consultation_is_read_by_id_as_the_schema_says(client, officer_api):
    consultation = create_consultation()
    response = client.get(f"/api/v1/consultations/{consultation.id}")
    assert response.status_code == 200
    assert_matches_schema(response, "Consultation")
    assert response.get_json()["parts"][1] == {"ref": "Policy SP1", "title": "Spatial strategy", "kind": "policy"}
    draft = create_consultation(published=False)
    assert_matches_schema(client.get(f"/api/v1/consultations/{draft.id}"), "Problem")
    assert officer_api.get(f"/api/v1/consultations/{draft.id}").status_code == 200


def test_type_errors_in_a_keyed_in_representation_name_the_field(officer_api):
    consultation = create_consultation()
    url = f"/api/v1/consultations/{consultation.id}/representations"
    person = "title, first_name, last_name"
    date_time = "Received at must be a date and time with an offset, like 2026-03-01T10:00:00+00:00"
    cases = [
        ({"respondent": "Pat"}, {"respondent": [f"Respondent must be an object with {person} and so on"]}),
        ({"respondent": {"first_name": 5}}, {"respondent.first_name": ["First name must be text"]}),
        ({"agent": {"nickname": "P"}}, {"agent.nickname": ["nickname is not a field you can set"]}),
        ({"stakeholder": "5"}, {"stakeholder": ["Stakeholder must be a whole number"]}),
        ({"notify": "adoption"}, {"notify": ['Notify must be a list of text values, like ["a", "b"]']}),
        ({"received_at": "1 November"}, {"received_at": [date_time]}),
    ]  # fmt: skip
    for change, errors in cases:
        response = officer_api.post(url, json={**KEYED, **change})
        assert response.get_json()["errors"] == errors
        assert_matches_schema(response, "Problem")
    answered = officer_api.post(url, json={**KEYED, "status": "withdrawn", "late": True, "reference": "R-1"})
    assert answered.status_code == 201
    assert (answered.get_json()["status"], answered.get_json()["late"]) == ("submitted", False)


def test_parts_of_a_new_consultation_are_objects_checked_field_by_field(officer_api):
    body = {"title": "Parts", "opens_at": "2027-09-01T09:00:00+01:00", "closes_at": "2027-10-13T23:59:00+01:00"}
    response = officer_api.post("/api/v1/consultations", json={**body, "parts": [{"ref": "A", "title": "\x00"}]})
    assert response.get_json()["errors"] == {"parts-0-title": ["Title must be text"]}
    response = officer_api.post("/api/v1/consultations", json={**body, "parts": ["A"]})
    assert response.get_json()["errors"] == {
        "parts": ['Parts must be a list of objects, like [{"ref": "Policy SP1", "title": "Growth"}]']
    }
    assert_matches_schema(response, "Problem")


def test_an_unknown_representation_filter_is_a_422_naming_it(viewer_api):
    consultation = create_consultation()
    response = viewer_api.get(f"/api/v1/consultations/{consultation.id}/representations?nature=maybe&late=often")
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"nature", "late"}
