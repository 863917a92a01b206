"""Finding, exporting and erasing a respondent's personal data through the API: the same rules as the pages."""

from engage.extensions import db
from engage.models import AuditEvent, Respondent
from tests.api.conftest import assert_matches
from tests.factories import create_consultation, create_plan
from tests.personal_data.test_erasure import PERSON, _respond


def test_officers_find_export_and_erase_a_person(officer_api, openapi):
    first, second = create_consultation(stage="reg-18"), create_consultation()
    respondent, elsewhere = _respond(first), _respond(second)

    found = officer_api.get("/api/v1/respondents?q=jo@example.com")
    assert_matches(openapi, found, "/respondents")
    assert [r["reference"] for r in found.get_json()["items"]] == [respondent.reference, elsewhere.reference]

    held = officer_api.get(f"/api/v1/respondents/{respondent.id}/subject-access")
    assert_matches(openapi, held, "/respondents/{respondent_id}/subject-access")
    assert held.get_json()["respondents"][0]["email"] == PERSON["email"]
    assert db.session.query(AuditEvent).filter_by(action="export").count() == 1

    body = {"reason": "Their request", "delete_text": False, "same_person": True}
    erased = officer_api.post(f"/api/v1/respondents/{respondent.id}/erase", json=body)
    assert erased.status_code == 200, erased.get_json()
    assert_matches(openapi, erased, "/respondents/{respondent_id}/erase", "post")
    assert erased.get_json() == {"erased": [respondent.reference, elsewhere.reference]}
    db.session.expire_all()
    assert db.session.get(Respondent, elsewhere.id).erased_at is not None

    again = officer_api.post(f"/api/v1/respondents/{respondent.id}/erase", json=body)
    assert again.status_code == 422 and "already been erased" in again.get_json()["errors"]["reason"][0]


def test_an_erasure_without_a_reason_is_a_422_and_changes_nothing(officer_api):
    respondent = _respond(create_consultation())

    answer = officer_api.post(f"/api/v1/respondents/{respondent.id}/erase", json={"delete_text": "yes"})
    missing = officer_api.post(f"/api/v1/respondents/{respondent.id}/erase", json={})

    assert answer.status_code == 422 and set(answer.get_json()["errors"]) == {"delete_text"}
    assert missing.status_code == 422 and set(missing.get_json()["errors"]) == {"reason", "delete_text"}
    assert db.session.get(Respondent, respondent.id).erased_at is None


def test_a_plans_retention_period_is_read_and_changed(officer_api, viewer_api, openapi):
    plan = create_plan()

    shown = viewer_api.get(f"/api/v1/plans/{plan.id}/retention")
    changed = officer_api.patch(f"/api/v1/plans/{plan.id}/retention", json={"retention_years": 12})
    refused = officer_api.patch(f"/api/v1/plans/{plan.id}/retention", json={"retention_years": 0})
    wrong_type = officer_api.patch(f"/api/v1/plans/{plan.id}/retention", json={"retention_years": "12"})

    assert_matches(openapi, shown, "/plans/{plan_id}/retention")
    assert shown.get_json() == {"plan": plan.id, "retention_years": 15, "adopted_on": None, "due_respondents": 0}
    assert_matches(openapi, changed, "/plans/{plan_id}/retention", "patch")
    assert changed.get_json()["retention_years"] == 12
    assert refused.status_code == 422 and set(refused.get_json()["errors"]) == {"retention_years"}
    assert wrong_type.status_code == 422
    assert officer_api.get(f"/api/v1/plans/{plan.id}/retention").get_json()["retention_years"] == 12
