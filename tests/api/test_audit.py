from tests.api.conftest import assert_matches
from tests.factories import create_stakeholder


def test_administrators_read_the_audit_trail_with_filters(admin_api, officer_api, openapi):
    created = officer_api.post(
        "/api/v1/stakeholders", json={"kind": "organisation", "organisation": "Natural England"}
    ).get_json()
    create_stakeholder()

    response = admin_api.get(f"/api/v1/audit-events?entity_type=stakeholder&action=create&entity_id={created['id']}")

    assert response.status_code == 200
    assert_matches(openapi, response, "/audit-events")
    [event] = response.get_json()["items"]
    assert event["user"] == officer_api.user.id and event["user_email"] == officer_api.user.email
    assert event["entity_id"] == created["id"]
    assert officer_api.get("/api/v1/audit-events").status_code == 403
    bad = admin_api.get("/api/v1/audit-events?entity_id=one")
    assert bad.status_code == 422
    assert_matches(openapi, bad, "/audit-events")
