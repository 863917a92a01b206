"""GET /api/v1/evidence/hearing-list: the public hearing list as JSON, without contact details."""

from engage.extensions import db
from engage.models import Representation, Respondent
from tests.api.conftest import assert_matches
from tests.factories import create_consultation, create_plan


def _respondent(consultation, name, **extra):
    respondent = Respondent(consultation_id=consultation.id, first_name=name, email=f"{name}@private.example")
    respondent.representations = [
        Representation(consultation_id=consultation.id, number=1, part_id=consultation.parts[1].id, **extra)
    ]
    db.session.add(respondent)
    db.session.commit()
    return respondent


def test_the_list_names_those_who_wish_to_be_heard_without_contact_details(viewer_api, openapi):
    consultation = create_consultation()
    ann = _respondent(consultation, "Ann", wishes_to_be_heard=True, heard_reason="Evidence", late=True)
    _respondent(consultation, "Ben")
    _respondent(consultation, "Cat", wishes_to_be_heard=True, heard_reason="Gone", status="withdrawn")

    response = viewer_api.get(f"/api/v1/evidence/hearing-list?consultation={consultation.id}")

    assert response.status_code == 200
    assert_matches(openapi, response, "/evidence/hearing-list")
    body = response.get_json()
    assert body["total"] == 1
    assert body["items"][0] == {
        "part": "Policy SP1: Spatial strategy", "main_issues": [], "representation": f"{ann.reference}-1",
        "respondent_reference": ann.reference, "respondent": "Ann", "organisation": "", "agent": "",
        "reason": "Evidence", "late": True,
    }  # fmt: skip
    assert "private.example" not in response.get_data(as_text=True)


def test_a_plan_covers_its_consultations(viewer_api):
    plan = create_plan()
    consultation = create_consultation(plan_id=plan.id)
    _respondent(consultation, "Ann", wishes_to_be_heard=True, heard_reason="Evidence")
    response = viewer_api.get(f"/api/v1/evidence/hearing-list?plan={plan.slug}")
    assert response.status_code == 200 and response.get_json()["total"] == 1


def test_a_missing_or_unknown_scope_is_explained(viewer_api):
    assert set(viewer_api.get("/api/v1/evidence/hearing-list").get_json()["errors"]) == {"consultation"}
    assert viewer_api.get("/api/v1/evidence/hearing-list?consultation=abc").status_code == 422
    assert viewer_api.get("/api/v1/evidence/hearing-list?consultation=999999").status_code == 404
    assert viewer_api.get("/api/v1/evidence/hearing-list?plan=nope").status_code == 404
