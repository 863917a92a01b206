"""PATCH /api/v1/representations/{reference}: corrections with the page's rules, audited with the reason."""

from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent, utcnow
from tests.api.conftest import assert_matches
from tests.api.test_consultations import KEYED
from tests.consultations.test_intake import _online
from tests.factories import create_consultation

PATH = "/representations/{reference}"


def _keyed(api, consultation, **changes):
    response = api.post(f"/api/v1/consultations/{consultation.id}/representations", json={**KEYED, **changes})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    del body["possible_same_respondents"]  # only the answer to a key-in has it; the representation as fetched
    return body


def test_only_the_fields_sent_change_and_the_audit_trail_has_the_reason(officer_api, openapi):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60))
    before = _keyed(officer_api, consultation, agent={"first_name": "Ann", "last_name": "Agent", "email": "a@ex.com"})

    response = officer_api.patch(
        f"/api/v1/representations/{before['reference']}",
        json={"reason": "Misread letter", "respondent": {"postcode": "al13je"}, "nature": "object"},
    )

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, PATH, "patch")
    after = response.get_json()
    assert after["respondent"] == {**before["respondent"], "postcode": "AL1 3JE"}
    assert after["nature"] == "object" and after["agent"] == before["agent"]
    assert {k: v for k, v in after.items() if k not in ("respondent", "nature")} == {
        k: v for k, v in before.items() if k not in ("respondent", "nature")
    }
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert event.summary.endswith("corrected: Misread letter")
    assert event.changes == {"respondent_postcode": ["WD17 1AB", "AL1 3JE"], "nature": ["support", "object"]}


def test_a_fetched_representation_can_be_sent_back_with_a_reason(officer_api):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60))
    fetched = _keyed(officer_api, consultation)

    response = officer_api.patch(
        f"/api/v1/representations/{fetched['reference']}", json={**fetched, "agent": None, "reason": "No change"}
    )

    assert response.status_code == 200, response.get_json()
    assert response.get_json() == fetched
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update")) is None


def test_bad_corrections_are_a_422_and_change_nothing(officer_api, openapi):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60))
    before = _keyed(officer_api, consultation)
    url = f"/api/v1/representations/{before['reference']}"

    cases = [
        ({"nature": "object"}, "reason"),
        ({"reason": "x", "respondent": {"email": "not-an-email"}}, "email"),
        ({"reason": "x", "part": "Policy ZZ9"}, "part"),
        ({"reason": "x", "channel": "online"}, "channel"),
        ({"reason": "x", "received_at": (utcnow() + timedelta(days=3)).isoformat()}, "received_on"),
        ({"reason": "x", "comment": "bad\x00"}, "comment"),
    ]
    for body, field in cases:
        response = officer_api.patch(url, json=body)
        assert response.status_code == 422, body
        assert field in response.get_json()["errors"], (body, response.get_json())
        assert_matches(openapi, response, PATH, "patch")
    assert officer_api.get(url).get_json() == before


def test_an_online_representation_keeps_its_channel_and_time(officer_api, client):
    consultation = create_consultation()
    reference = _online(client, consultation).reference
    url = f"/api/v1/representations/{reference}"

    assert officer_api.patch(url, json={"reason": "x", "channel": "email"}).status_code == 422
    moved = officer_api.patch(url, json={"reason": "x", "received_at": "2026-01-01T10:00:00+00:00"})
    assert moved.status_code == 422 and "received_on" in moved.get_json()["errors"]
    fixed = officer_api.patch(url, json={"reason": "Typo", "comment": "Fixed typo."})
    assert fixed.status_code == 200 and fixed.get_json()["comment"] == "Fixed typo."


def test_viewers_cannot_correct_and_unknown_references_are_404(viewer_api, officer_api):
    assert viewer_api.patch("/api/v1/representations/R-00001-1", json={"reason": "x"}).status_code == 403
    assert officer_api.patch("/api/v1/representations/R-99999-1", json={"reason": "x"}).status_code == 404
