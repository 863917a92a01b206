from engage.extensions import db
from engage.models import MainIssue
from tests.api.conftest import assert_matches
from tests.factories import create_consultation, create_plan, create_stakeholder

KEYED = {
    "channel": "post",
    "received_at": "2026-11-01T10:00:00+00:00",
    "respondent": {"first_name": "Pat", "last_name": "Letter", "address": "1 High Street"},
    "part": "Policy SP1",
    "nature": "object",
    "comment": "Too many homes.",
}
LIST = "/consultations/{consultation_id}/main-issues"
ONE = "/main-issues/{issue_id}"


def _representation(api, consultation) -> str:
    response = api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED)
    return response.get_json()["reference"]


def test_officers_record_a_main_issue_with_the_representations_raising_it(officer_api, viewer_api, openapi):
    consultation = create_consultation()
    reference = _representation(officer_api, consultation)
    body = {"title": "Housing numbers", "representations": [reference], "council_response": "The need is assessed"}

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/main-issues", json=body)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, LIST, "post")
    issue = response.get_json()
    assert issue["representations"] == [reference] and issue["consultation"] == consultation.id
    listed = viewer_api.get(f"/api/v1/consultations/{consultation.id}/main-issues")
    assert_matches(openapi, listed, LIST)
    assert listed.get_json()["items"] == [issue]
    shown = viewer_api.get(f"/api/v1/main-issues/{issue['id']}")
    assert_matches(openapi, shown, ONE)
    assert viewer_api.post(f"/api/v1/consultations/{consultation.id}/main-issues", json=body).status_code == 403


def test_an_unknown_reference_or_no_title_is_a_422_and_records_nothing(officer_api, openapi):
    consultation = create_consultation()

    response = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/main-issues", json={"representations": ["R-99999-1"]}
    )

    assert response.status_code == 422
    assert_matches(openapi, response, LIST, "post")
    errors = response.get_json()["errors"]
    assert errors["title"] == ["Enter the main issue"] and "R-99999-1" in errors["representations"][0]
    assert db.session.query(MainIssue).count() == 0


def test_changing_a_main_issue_links_representations_and_keeps_the_rest(officer_api, openapi):
    consultation = create_consultation()
    first, second = _representation(officer_api, consultation), _representation(officer_api, consultation)
    issue = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/main-issues",
        json={"title": "Green Belt", "summary": "Loss of Green Belt", "representations": [first]},
    ).get_json()

    response = officer_api.patch(f"/api/v1/main-issues/{issue['id']}", json={"representations": [first, second]})

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE, "patch")
    changed = response.get_json()
    assert changed["representations"] == [first, second] and changed["summary"] == "Loss of Green Belt"
    assert officer_api.patch("/api/v1/main-issues/999999", json={}).status_code == 404


def test_the_statement_of_consultation_as_data(officer_api, viewer_api, openapi):
    create_plan()
    consultation = create_consultation()
    reference = _representation(officer_api, consultation)
    officer_api.post(f"/api/v1/representations/{reference}/withdraw", json={"reason": "Asked"})
    officer_api.post(
        f"/api/v1/consultations/{consultation.id}/invitations",
        json={"method": "letter", "stakeholders": [create_stakeholder().id]},
    )
    officer_api.post(
        f"/api/v1/consultations/{consultation.id}/main-issues",
        json={"title": "Housing", "representations": [reference]},
    )

    response = viewer_api.get(f"/api/v1/evidence/consultation-statement?consultation={consultation.id}")

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, "/evidence/consultation-statement")
    body = response.get_json()
    assert body["consultations"] == [consultation.id] and body["received"] == 1 and body["provisional"]
    [stage] = body["stages"]
    assert stage["consultation"] == consultation.id and stage["provisional"] and stage["stage"]
    assert stage["invited"]["total_bodies"] + stage["invited"]["total_people"] == 1
    assert [(how["method"], how["number"]) for how in stage["how"]] == [("letter", "1 invited")]
    assert stage["received"] == 1 and stage["duly_made"] == 0
    assert [item["reference"] for item in stage["withdrawn"]] == [reference]
    assert stage["main_issues"][0]["representations"] == [reference]
    assert stage["answers"] == [] and stage["by_part"] == []  # nothing duly made to count
    whole_plan = viewer_api.get("/api/v1/evidence/consultation-statement?plan=swh-jsp")
    assert whole_plan.status_code == 200
    assert_matches(openapi, whole_plan, "/evidence/consultation-statement")


def test_a_statement_of_nothing_is_a_422_and_of_something_unknown_a_404(viewer_api, openapi):
    path = "/evidence/consultation-statement"
    for query, status in (("", 422), ("?consultation=abc", 422), ("?consultation=999999", 404), ("?plan=no", 404)):
        response = viewer_api.get(f"/api/v1{path}{query}")
        assert response.status_code == status, query
        assert_matches(openapi, response, path)
