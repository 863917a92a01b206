"""The engagements and actions API: fields as shared/API.md, filters, writes and their 422s."""

from datetime import date, datetime

from sqlalchemy import func, select

from engage import models
from engage.common.dates import LONDON
from engage.engagements.schemas import Engagement
from engage.extensions import db
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_action, create_authority, create_engagement, create_plan, create_stakeholder

FIELDS = [
    "id",
    "title",
    "kind",
    "status",
    "starts_at",
    "ends_at",
    "lead_authority",
    "level",
    "plan_stage",
    "stakeholders",
    "matters",
    "summary",
    "outcome",
    "agreement",
    "influence_on_plan",
    "evidence_url",
    "examination_library_reference",
    "after_submission",
    "actions",
]


def _body(**overrides):
    body = {
        "title": "Officer liaison with Natural England",
        "kind": "meeting",
        "status": "held",
        "starts_at": "2026-03-04T10:00:00+00:00",
        "ends_at": "2026-03-04T11:00:00+00:00",
        "lead_authority": "WBC",
        "level": "officer",
        "matters": ["green-infrastructure"],
        "summary": "Asked about biodiversity net gain",
        "outcome": "Agreed to share habitat data",
        "agreement": "agreed",
        "actions": [{"description": "Send habitat data", "owner": "WBC", "due_on": "2026-04-01"}],
    }
    body.update(overrides)
    return body


def test_post_logs_an_engagement_with_contract_fields(officer_api, openapi):
    create_plan()
    create_authority()
    person = create_stakeholder()
    response = officer_api.post("/api/v1/engagements", json=_body(stakeholders=[person.id]))
    assert response.status_code == 201, response.get_json()
    data = response.get_json()
    assert set(FIELDS) <= set(data)
    assert data["plan_stage"] == "reg-18"
    assert data["after_submission"] is False
    assert data["stakeholders"] == [person.id]
    assert data["actions"][0] | {"id": 0} == {
        "id": 0,
        "engagement": data["id"],
        "description": "Send habitat data",
        "owner": "WBC",
        "due_on": "2026-04-01",
        "status": "open",
        "overdue": data["actions"][0]["overdue"],
    }
    assert_matches(openapi, response, "/engagements", "post")
    assert_matches_schema(response, "Engagement")


def test_bad_input_is_a_422_and_writes_nothing(officer_api):
    create_plan()
    create_authority()
    cases = [
        (_body(ends_at="2026-03-04T09:00:00+00:00"), "ends_at"),
        (_body(stakeholders=[999999]), "stakeholders"),
        (_body(outcome=""), "outcome"),
        (_body(starts_at="2019-01-01T10:00:00+00:00"), "starts_at"),
        (_body(starts_at="not a date"), "starts_at"),
        (_body(kind="lunch"), "kind"),
        (_body(actions=[{"description": "", "owner": "NOPE"}]), "actions-0-owner"),
    ]
    for body, field in cases:
        response = officer_api.post("/api/v1/engagements", json=body)
        assert response.status_code == 422, body
        assert field in response.get_json()["errors"], response.get_json()
        assert_matches_schema(response, "Problem")
    assert db.session.scalar(select(func.count()).select_from(models.Engagement)) == 0
    assert db.session.scalar(select(func.count()).select_from(models.Action)) == 0


def test_get_filters_and_pages(viewer_api, openapi):
    create_plan()
    create_authority("DBC", "Dacorum")
    create_engagement(title="A", matters=["education"])
    create_engagement(title="B", lead_authority="DBC", status="planned", outcome="", kind="workshop")
    response = viewer_api.get("/api/v1/engagements?authority=DBC")
    assert [item["title"] for item in response.get_json()["items"]] == ["B"]
    assert_matches(openapi, response, "/engagements")
    assert_matches_schema(response, "EngagementPage")
    for query in ("matter=education", "status=planned&kind=workshop", "from=2026-03-05"):
        assert_matches_schema(viewer_api.get(f"/api/v1/engagements?{query}"), "EngagementPage")
    assert [i["title"] for i in viewer_api.get("/api/v1/engagements?matter=education").get_json()["items"]] == ["A"]
    assert viewer_api.get("/api/v1/engagements?status=planned&kind=workshop").get_json()["total"] == 1
    assert viewer_api.get("/api/v1/engagements?from=2026-03-05").get_json()["total"] == 0
    assert viewer_api.get("/api/v1/engagements?from=yesterday").status_code == 422
    assert viewer_api.get("/api/v1/engagements?authority=XYZ").status_code == 422
    assert_matches_schema(viewer_api.get("/api/v1/engagements?from=yesterday"), "Problem")


def test_patch_marks_held_and_needs_outcome(officer_api):
    create_plan()
    engagement = create_engagement(status="planned", outcome="")
    url = f"/api/v1/engagements/{engagement.id}"
    refused = officer_api.patch(url, json={"status": "held"})
    assert refused.status_code == 422
    assert_matches_schema(refused, "Problem")
    response = officer_api.patch(url, json={"status": "held", "outcome": "Agreed"})
    assert response.status_code == 200
    assert response.get_json()["status"] == "held"
    assert_matches_schema(response, "Engagement")
    assert officer_api.get("/api/v1/engagements/999999").status_code == 404
    assert_matches_schema(officer_api.get("/api/v1/engagements/999999"), "Problem")


def test_viewer_cannot_write(viewer_api):
    assert viewer_api.post("/api/v1/engagements", json=_body()).status_code == 403


def test_actions_filter_by_owner_status_and_overdue(viewer_api, openapi):
    create_plan()
    hcc = create_authority("HCC", "Hertfordshire County Council", "county")
    engagement = create_engagement()
    create_action(engagement, hcc, description="Late", due_on=date(2026, 1, 1))
    create_action(engagement, hcc, description="Later", due_on=date(2099, 1, 1))
    create_action(engagement, description="Done", status="done")
    response = viewer_api.get("/api/v1/actions?owner=HCC&overdue=true")
    assert [a["description"] for a in response.get_json()["items"]] == ["Late"]
    assert_matches(openapi, response, "/actions")
    assert_matches_schema(response, "ActionPage")
    done = viewer_api.get("/api/v1/actions?status=done")
    assert [a["description"] for a in done.get_json()["items"]] == ["Done"]
    assert_matches_schema(done, "ActionPage")
    assert viewer_api.get("/api/v1/actions?status=maybe").status_code == 422
    assert_matches_schema(viewer_api.get("/api/v1/actions?status=maybe"), "Problem")


def test_times_are_returned_in_london_time():
    create_plan()
    engagement = create_engagement(starts_at=datetime(2026, 7, 1, 10, tzinfo=LONDON))
    assert Engagement.serialise(engagement)["starts_at"] == "2026-07-01T10:00:00+01:00"


def test_a_fetched_engagement_sent_back_changes_only_what_was_edited(officer_api):
    create_plan()
    engagement = create_engagement(summary="Before")
    url = f"/api/v1/engagements/{engagement.id}"
    fetched = officer_api.get(url)
    assert_matches_schema(fetched, "Engagement")
    response = officer_api.patch(url, json={**fetched.get_json(), "summary": "After"})
    assert response.status_code == 200, response.get_json()
    assert_matches_schema(response, "Engagement")
    assert {**response.get_json(), "summary": "Before", "updated_at": None} == {
        **fetched.get_json(),
        "updated_at": None,
    }


def test_actions_sent_back_with_their_id_are_left_alone_and_new_ones_are_numbered_among_themselves(officer_api):
    create_plan()
    engagement = create_engagement()
    create_action(engagement, description="Existing")
    url = f"/api/v1/engagements/{engagement.id}"
    existing = officer_api.get(url).get_json()["actions"]
    response = officer_api.patch(url, json={"actions": [*existing, {"description": "New", "owner": "NOPE"}]})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"actions-0-owner": ["Select the authority that owns the action"]}
    response = officer_api.patch(url, json={"actions": [*existing, {"description": "New", "owner": 12}]})
    assert response.get_json()["errors"] == {"actions-0-owner": ["Owner must be text"]}
    assert_matches_schema(response, "Problem")
    assert db.session.scalar(select(func.count()).select_from(models.Action)) == 1


def test_an_action_is_marked_done_and_a_wrong_status_is_a_422(officer_api, viewer_api, openapi):
    create_plan()
    action = create_action(create_engagement())
    url = f"/api/v1/actions/{action.id}"

    done = officer_api.patch(url, json={"status": "done"})
    wrong = officer_api.patch(url, json={"status": "finished"})

    assert done.status_code == 200 and done.get_json()["status"] == "done"
    assert wrong.get_json()["errors"] == {"status": ["Select open, done or cancelled"]}
    for response in (done, wrong):
        assert_matches(openapi, response, "/actions/{action_id}", "patch")
    assert viewer_api.patch(url, json={"status": "open"}).status_code == 403
    assert officer_api.patch("/api/v1/actions/999999", json={"status": "open"}).status_code == 404


def test_evidence_and_actions_are_added_to_an_engagement(officer_api, openapi):
    import io

    create_plan()
    create_authority()
    engagement = create_engagement()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    url = f"/api/v1/engagements/{engagement.id}"

    added = officer_api.post(
        url + "/documents", data={"file": (io.BytesIO(pdf), "minutes.pdf")}, content_type="multipart/form-data"
    )
    refused = officer_api.post(
        url + "/documents", data={"file": (io.BytesIO(b"plain text"), "notes.txt")}, content_type="multipart/form-data"
    )
    unreadable = officer_api.post(
        url + "/documents", data={"file": (io.BytesIO(pdf), "minutes\x00.pdf")}, content_type="multipart/form-data"
    )
    action = officer_api.post(url + "/actions", json={"description": "Send the data", "owner": "WBC"})
    no_owner = officer_api.post(url + "/actions", json={"description": "Who?"})

    assert added.status_code == 201, added.get_json()
    assert_matches(openapi, added, "/engagements/{engagement_id}/documents", "post")
    document = added.get_json()["evidence_documents"][0]
    assert document["filename"] == "minutes.pdf" and officer_api.get(document["url"]).data == pdf
    assert refused.status_code == 422 and "evidence_file" in refused.get_json()["errors"]
    assert_matches(openapi, refused, "/engagements/{engagement_id}/documents", "post")
    assert unreadable.status_code == 422 and "NUL character" in unreadable.get_json()["errors"]["file"][0]
    assert action.status_code == 201 and action.get_json()["engagement"] == engagement.id
    assert_matches(openapi, action, "/engagements/{engagement_id}/actions", "post")
    assert no_owner.status_code == 422 and "owner" in no_owner.get_json()["errors"]


def test_a_held_engagement_needs_attendees_and_a_matter_or_a_reason(officer_api, openapi):
    create_plan()
    create_authority()
    refused = officer_api.post("/api/v1/engagements", json=_body(matters=[], actions=[]))
    assert refused.status_code == 422
    assert set(refused.get_json()["errors"]) == {"stakeholders", "matters"}
    assert db.session.scalar(select(func.count()).select_from(models.Engagement)) == 0
    reason = "A press release to the local media: no one attended"
    response = officer_api.post("/api/v1/engagements", json=_body(matters=[], actions=[], incomplete_reason=reason))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["incomplete_reason"] == reason
    assert_matches(openapi, response, "/engagements", "post")
    assert_matches_schema(response, "Engagement")
    planned = officer_api.post("/api/v1/engagements", json=_body(status="planned", outcome="", matters=[], actions=[]))
    assert planned.status_code == 201  # a planned one can still be missing them


def test_the_examination_library_reference_is_kept_and_a_sign_in_page_is_no_evidence(officer_api, openapi):
    create_plan()
    create_authority()
    person = create_stakeholder()
    link = "https://www.example.gov.uk/dtc/minutes.pdf"
    body = _body(stakeholders=[person.id], evidence_url=link, examination_library_reference="EL-12")
    response = officer_api.post("/api/v1/engagements", json=body)
    assert response.status_code == 201, response.get_json()
    data = response.get_json()
    assert (data["evidence_url"], data["examination_library_reference"]) == (link, "EL-12")
    assert_matches_schema(response, "Engagement")
    response = officer_api.patch(f"/api/v1/engagements/{data['id']}", json={"examination_library_reference": "SD/4.2"})
    assert response.status_code == 200 and response.get_json()["examination_library_reference"] == "SD/4.2"
    for field, value in (
        ("evidence_url", f"http://localhost/engagements/{data['id']}"),
        ("evidence_url", "mailto:officer@example.gov.uk"),
        ("examination_library_reference", "EL<12>"),
    ):
        response = officer_api.patch(f"/api/v1/engagements/{data['id']}", json={field: value})
        assert response.status_code == 422, value
        assert_matches_schema(response, "Problem")
        assert response.get_json()["errors"][field][0].startswith(("Enter", "Examination library reference"))
    assert db.session.get(models.Engagement, data["id"]).examination_library_reference == "SD/4.2"


def test_the_schema_documents_the_reference_and_what_a_link_may_be(openapi):
    engagement = openapi["components"]["schemas"]["Engagement"]["properties"]
    assert "examination library" in engagement["examination_library_reference"]["description"]
    assert "signing in" in engagement["evidence_url"]["description"]
    created = openapi["components"]["schemas"]["EngagementInput"]["properties"]
    assert "examination_library_reference" in created
