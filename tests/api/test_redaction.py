"""Redaction through the API: spans listed, added (refused outside the text or overlapping) and removed; the review;
publishing the register (refused while something is flagged) and the public register as JSON."""

import io

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Redaction
from tests.api.conftest import assert_matches
from tests.redaction.helpers import COMMENT, PDF, PERSON, REDACTED_PDF, create_representation


def _url(representation, rest: str = "redactions") -> str:
    return f"/api/v1/representations/{representation.reference}/{rest}"


def test_the_state_lists_suggestions_and_the_public_text(viewer_api, openapi):
    representation = create_representation()
    response = viewer_api.get(_url(representation))
    assert response.status_code == 200
    assert_matches(openapi, response, "/representations/{reference}/redactions")
    body = response.get_json()
    assert [s["kind"] for s in body["suggestions"]] == ["phone", "address", "postcode"]
    assert body["review"] == "to-review" and "07700 900123" not in body["public"]["comment"]


def test_adding_and_removing_a_redaction(officer_api, openapi):
    representation = create_representation()
    start = COMMENT.index("Jo Bloggs")
    body = {"field": "comment", "start": start, "end": start + 9, "reason": "third-party"}
    response = officer_api.post(_url(representation), json=body, headers={"Idempotency-Key": "redact-1"})
    assert response.status_code == 201
    assert_matches(openapi, response, "/representations/{reference}/redactions", "post")
    [span] = response.get_json()["redactions"]
    assert span["text"] == "Jo Bloggs" and "[redacted] agrees" in response.get_json()["public"]["comment"]
    again = officer_api.post(_url(representation), json=body, headers={"Idempotency-Key": "redact-1"})
    assert again.get_json() == response.get_json()
    assert db.session.scalar(select(func.count(Redaction.id))) == 1
    response = officer_api.delete(_url(representation, f"redactions/{span['id']}"))
    assert response.status_code == 200 and response.get_json()["redactions"] == []
    assert officer_api.delete(_url(representation, f"redactions/{span['id']}")).status_code == 404


def test_a_redaction_outside_the_text_or_overlapping_is_a_422_with_the_field(officer_api):
    representation = create_representation()
    response = officer_api.post(
        _url(representation), json={"field": "comment", "start": 5, "end": 100_000, "reason": "third-party"}
    )
    assert response.status_code == 422 and "end" in response.get_json()["errors"]
    officer_api.post(_url(representation), json={"field": "comment", "start": 0, "end": 10, "reason": "third-party"})
    response = officer_api.post(
        _url(representation), json={"field": "comment", "start": 5, "end": 12, "reason": "third-party"}
    )
    assert response.status_code == 422 and "overlaps" in response.get_json()["errors"]["start"][0]
    response = officer_api.post(_url(representation), json={"field": "comment", "start": "0", "end": 3})
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(Redaction.id))) == 1


def test_publishing_is_refused_while_flagged_then_the_register_is_public(officer_api, client, openapi):
    representation = create_representation()
    consultation_id = representation.consultation_id
    response = officer_api.post(f"/api/v1/consultations/{consultation_id}/register/publish")
    assert response.status_code == 422
    assert "cannot be published yet" in response.get_json()["errors"]["publish"][0]
    state = officer_api.get(f"/api/v1/consultations/{consultation_id}/register").get_json()
    assert state["blockers"] == [representation.reference] and state["published"] is False
    assert client.get(f"/api/v1/consultations/{consultation_id}/register/representations").status_code == 404

    officer_api.post(_url(representation, "suggestions/accept"), json={})
    response = officer_api.put(_url(representation, "redaction-review"), json={"state": "reviewed"})
    assert response.get_json()["review"] == "reviewed"
    response = officer_api.post(f"/api/v1/consultations/{consultation_id}/register/publish")
    assert response.status_code == 200 and response.get_json()["published"] is True
    assert_matches(openapi, response, "/consultations/{consultation_id}/register/publish", "post")

    response = client.get(f"/api/v1/consultations/{consultation_id}/register/representations")
    assert response.status_code == 200
    assert_matches(openapi, response, "/consultations/{consultation_id}/register/representations")
    [entry] = response.get_json()["items"]
    assert entry["respondent"] == "Sam Example" and entry["organisation"] == PERSON["organisation"]
    text = response.get_data(as_text=True)
    for personal in ("sam.contact@example.com", "01923 555 010", "99 Contact Road", "07700 900123", "AL1 3JE"):
        assert personal not in text

    response = officer_api.post(f"/api/v1/consultations/{consultation_id}/register/unpublish")
    assert response.get_json()["published"] is False


def test_a_redacted_copy_of_a_file_is_sent_as_multipart(officer_api):
    representation = create_representation(upload=("letter.pdf", PDF))
    attachment = representation.attachments[0]
    url = _url(representation, f"attachments/{attachment.id}/redacted-copy")
    response = officer_api.put(url, data={"reason": "signature"}, content_type="multipart/form-data")
    assert response.status_code == 422 and "file" in response.get_json()["errors"]
    response = officer_api.put(
        url,
        data={"reason": "signature", "file": (io.BytesIO(REDACTED_PDF), "r.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert officer_api.put(_url(representation, "attachments/999999/redacted-copy")).status_code == 404
