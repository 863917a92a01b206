"""Keying in through the API: the client says which respondent it is (`respondent_reference`) or that it is someone
new (`new_respondent: true`); with `new_respondent: false` someone on record who may be the same person is a 409
listing them; left out, the API makes a new respondent as it always did and lists them."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Representation, Respondent
from tests.api.conftest import assert_matches
from tests.api.test_consultations import KEYED
from tests.factories import create_consultation

PATH = "/consultations/{consultation_id}/representations"


def _post(api, consultation, **changes):
    return api.post(f"/api/v1/consultations/{consultation.id}/representations", json={**KEYED, **changes})


def _count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def test_the_same_name_and_postcode_is_a_409_with_the_candidates_and_writes_nothing(officer_api, openapi):
    consultation = create_consultation()
    first = _post(officer_api, consultation).get_json()

    again = {**KEYED["respondent"], "postcode": "wd17 1ab", "first_name": "PAT"}
    response = _post(officer_api, consultation, respondent=again, comment="Another letter", new_respondent=False)

    assert response.status_code == 409
    assert_matches(openapi, response, PATH, "post")
    body = response.get_json()
    assert body["errors"] == {
        "respondent_reference": [
            "Say whether this is the same person as a respondent already on record, or a new respondent"
        ]
    }
    assert body["candidates"] == [
        {
            "respondent_reference": first["respondent_reference"],
            "name": "Pat Letter",
            "organisation": "",
            "email": "",
            "postcode": "WD17 1AB",
            "representations": 1,
        }
    ]
    assert _count(Representation) == 1


def test_left_out_a_new_respondent_is_made_as_before_and_the_candidates_are_listed(officer_api, openapi):
    consultation = create_consultation()
    first = _post(officer_api, consultation).get_json()
    assert first["possible_same_respondents"] == []

    response = _post(officer_api, consultation, comment="A second letter")

    assert response.status_code == 201
    assert_matches(openapi, response, PATH, "post")
    body = response.get_json()
    assert body["respondent_reference"] != first["respondent_reference"]
    assert [c["respondent_reference"] for c in body["possible_same_respondents"]] == [first["respondent_reference"]]
    assert _count(Respondent) == 2


def test_respondent_reference_adds_it_to_that_respondent(officer_api, openapi):
    consultation = create_consultation()
    first = _post(officer_api, consultation).get_json()

    response = _post(officer_api, consultation, respondent_reference=first["respondent_reference"], part="Chapter 3")

    assert response.status_code == 201
    assert_matches(openapi, response, PATH, "post")
    assert response.get_json()["reference"] == f"{first['respondent_reference']}-2"
    assert _count(Respondent) == 1


def test_new_respondent_true_makes_a_second_respondent(officer_api):
    consultation = create_consultation()
    _post(officer_api, consultation)

    response = _post(officer_api, consultation, new_respondent=True)

    assert response.status_code == 201
    assert _count(Respondent) == 2


def test_the_same_email_in_another_case_matches(officer_api):
    consultation = create_consultation()
    person = {"first_name": "Sam", "last_name": "Mail", "email": "sam@example.com"}
    _post(officer_api, consultation, respondent=person)

    response = _post(
        officer_api,
        consultation,
        respondent={**person, "first_name": "Samuel", "email": "SAM@example.COM"},
        new_respondent=False,
    )

    assert response.status_code == 409
    assert [c["email"] for c in response.get_json()["candidates"]] == ["sam@example.com"]


def test_an_unknown_or_foreign_respondent_reference_is_a_422(officer_api):
    consultation = create_consultation()
    other = create_consultation(slug="another-one")
    foreign = _post(officer_api, other).get_json()["respondent_reference"]

    for reference in ("R-99999", "nonsense", foreign, "R-99999999999"):
        response = _post(officer_api, consultation, respondent_reference=reference)
        assert response.status_code == 422, reference
        assert list(response.get_json()["errors"]) == ["respondent_reference"]
    assert _post(officer_api, consultation, new_respondent="yes").status_code == 422
    assert _count(Representation) == 1


def test_a_replayed_idempotency_key_after_a_409_can_be_used_again(officer_api):
    consultation = create_consultation()
    _post(officer_api, consultation)
    headers = {"Idempotency-Key": "same-person-1"}
    url = f"/api/v1/consultations/{consultation.id}/representations"

    assert officer_api.post(url, json={**KEYED, "new_respondent": False}, headers=headers).status_code == 409
    assert officer_api.post(url, json={**KEYED, "new_respondent": True}, headers=headers).status_code == 201
    assert _count(Respondent) == 2
