from datetime import timedelta

from engage.extensions import db
from engage.models import AuditEvent, Invitation, utcnow
from tests.api.conftest import assert_matches
from tests.factories import create_consultation, create_stakeholder

ONE = "/consultations/{consultation_id}"
KEYED = {
    "channel": "email",
    "received_at": "2026-11-01T10:00:00+00:00",
    "respondent": {"first_name": "Pat", "last_name": "Mail", "email": "pat@example.com"},
    "part": "Policy SP1",
    "nature": "object",
    "comment": "Too many homes.",
}


def test_officers_change_a_consultation_and_only_the_fields_sent_change(officer_api, openapi):
    consultation = create_consultation()

    response = officer_api.patch(
        f"/api/v1/consultations/{consultation.id}",
        json={"title": "Publication plan", "closes_at": "2027-03-01T23:59:00+00:00", "published": False},
    )

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE, "patch")
    body = response.get_json()
    assert body["title"] == "Publication plan" and body["closes_at"] == "2027-03-01T23:59:00+00:00"
    assert body["published"] is True and body["stage"] == "reg-19"  # published is changed by its own endpoints


def test_a_closing_time_before_the_opening_is_a_422_and_changes_nothing(officer_api, openapi):
    consultation = create_consultation()
    closes = consultation.closes_at

    response = officer_api.patch(
        f"/api/v1/consultations/{consultation.id}", json={"closes_at": "2001-01-01T00:00:00+00:00", "title": "New"}
    )

    assert response.status_code == 422
    assert_matches(openapi, response, ONE, "patch")
    assert response.get_json()["errors"]["closes_at"] == [
        "The closing date and time must be after the opening date and time"
    ]
    db.session.refresh(consultation)
    assert consultation.closes_at == closes and consultation.title != "New"


def test_officers_publish_and_unpublish_a_consultation(officer_api, viewer_api, client, openapi):
    consultation = create_consultation(published=False)
    url = f"/api/v1/consultations/{consultation.id}"

    assert viewer_api.post(url + "/publish").status_code == 403
    published = officer_api.post(url + "/publish")

    assert published.status_code == 200
    assert_matches(openapi, published, ONE + "/publish", "post")
    assert published.get_json()["published"] is True and published.get_json()["status"] == "open"
    assert client.get(url).status_code == 200
    draft = officer_api.post(url + "/unpublish")
    assert_matches(openapi, draft, ONE + "/unpublish", "post")
    assert draft.get_json()["status"] == "draft"
    assert client.get(url).status_code == 404


def test_closing_an_open_consultation_makes_later_representations_late(officer_api, openapi):
    consultation = create_consultation()
    url = f"/api/v1/consultations/{consultation.id}"

    response = officer_api.post(url + "/close")

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE + "/close", "post")
    assert response.get_json()["status"] == "closed"
    keyed = officer_api.post(url + "/representations", json={**KEYED, "received_at": utcnow().isoformat()})
    assert keyed.get_json()["late"] is True
    again = officer_api.post(url + "/close")
    assert again.status_code == 422
    assert_matches(openapi, again, ONE + "/close", "post")
    assert again.get_json()["errors"] == {"closes_at": ["The consultation has already closed"]}


def test_a_draft_or_scheduled_consultation_cannot_be_closed(officer_api):
    draft = create_consultation(published=False)
    later = create_consultation(opens_at=utcnow() + timedelta(days=2), closes_at=utcnow() + timedelta(days=9))

    for consultation, words in ((draft, "Publish the consultation first"), (later, "has not opened yet")):
        response = officer_api.post(f"/api/v1/consultations/{consultation.id}/close")
        assert response.status_code == 422
        assert words in response.get_json()["errors"]["closes_at"][0]


def test_the_parts_are_replaced_keeping_those_with_representations(officer_api, openapi):
    consultation = create_consultation()
    url = f"/api/v1/consultations/{consultation.id}"
    officer_api.post(url + "/representations", json=KEYED)
    parts = [{"ref": "Chapter 4", "title": "Homes", "kind": "chapter"}, {"ref": "Policy H1", "title": "Housing"}]

    response = officer_api.put(url + "/parts", json={"parts": parts})

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE + "/parts", "put")
    assert [part["ref"] for part in response.get_json()["parts"]] == ["Chapter 4", "Policy H1", "Policy SP1"]
    missing = officer_api.put(url + "/parts", json={"parts": [{"title": "No reference"}]})
    assert missing.status_code == 422
    assert_matches(openapi, missing, ONE + "/parts", "put")
    assert officer_api.put(url + "/parts", json={}).get_json()["errors"]["parts"]


def test_officers_invite_by_email_and_letter_and_follow_the_sending(officer_api, viewer_api, openapi):
    consultation = create_consultation()
    emailed = create_stakeholder()
    by_post = create_stakeholder(email="", address="1 High Street, Watford")
    url = f"/api/v1/consultations/{consultation.id}/invitations"

    response = officer_api.post(url, json={"method": "email", "stakeholders": [emailed.id, by_post.id]})

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/consultations/{consultation_id}/invitations", "post")
    body = response.get_json()
    assert body["invitations"] == 2 and body["sending"]["total_rows"] == 1
    sending = viewer_api.get(f"{url}/sendings/{body['sending']['id']}")
    assert_matches(openapi, sending, "/consultations/{consultation_id}/invitations/sendings/{sending_id}")
    assert sending.get_json()["finished"] is True and sending.get_json()["sent"] == 1
    letters = officer_api.post(url, json={"method": "letter", "registers": ["general-consultees"]})
    assert letters.status_code == 201 and letters.get_json()["sending"] is None
    listed = viewer_api.get(url)
    assert_matches(openapi, listed, "/consultations/{consultation_id}/invitations")
    methods = sorted((item["name"], item["method"], item["status"]) for item in listed.get_json()["items"])
    assert methods == sorted(
        [
            (emailed.name, "email", "sent"),
            (emailed.name, "letter", "recorded"),
            (by_post.name, "letter", "recorded"),
        ]
    )


def test_an_invitation_retried_with_its_idempotency_key_sends_once(officer_api):
    from engage.models import Job

    consultation = create_consultation()
    person = create_stakeholder()
    url = f"/api/v1/consultations/{consultation.id}/invitations"
    body, headers = {"method": "email", "stakeholders": [person.id]}, {"Idempotency-Key": "invite-1"}

    first = officer_api.post(url, json=body, headers=headers)
    again = officer_api.post(url, json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json() == first.get_json()
    assert db.session.query(Job).count() == 1 and db.session.query(Invitation).one().status == "sent"


def test_inviting_to_a_draft_or_by_an_unknown_method_is_a_422_and_records_nobody(officer_api, openapi):
    draft = create_consultation(published=False)
    person = create_stakeholder()
    path = "/consultations/{consultation_id}/invitations"

    refused = officer_api.post(
        f"/api/v1/consultations/{draft.id}/invitations", json={"method": "letter", "stakeholders": [person.id]}
    )
    wrong = officer_api.post(f"/api/v1/consultations/{draft.id}/invitations", json={"method": "pigeon"})

    assert refused.status_code == 422 and "Publish the consultation" in refused.get_json()["errors"]["registers"][0]
    assert wrong.get_json()["errors"] == {"method": ["Select email or letter"]}
    for response in (refused, wrong):
        assert_matches(openapi, response, path, "post")
    assert db.session.query(Invitation).count() == 0


def test_a_sending_of_another_consultation_is_a_404(officer_api, openapi):
    first, second = create_consultation(), create_consultation()
    person = create_stakeholder()
    sent = officer_api.post(
        f"/api/v1/consultations/{first.id}/invitations", json={"method": "email", "stakeholders": [person.id]}
    ).get_json()

    response = officer_api.get(f"/api/v1/consultations/{second.id}/invitations/sendings/{sent['sending']['id']}")

    assert response.status_code == 404
    assert_matches(openapi, response, "/consultations/{consultation_id}/invitations/sendings/{sending_id}")


def test_a_representation_is_withdrawn_and_reinstated_with_reasons_in_the_audit_trail(officer_api, openapi):
    consultation = create_consultation()
    reference = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED).get_json()[
        "reference"
    ]
    url = f"/api/v1/representations/{reference}"

    no_reason = officer_api.post(url + "/withdraw", json={})
    withdrawn = officer_api.post(url + "/withdraw", json={"reason": "Asked by email on 2 March"})
    twice = officer_api.post(url + "/withdraw", json={"reason": "Again"})
    reinstated = officer_api.post(url + "/reinstate", json={"reason": "Changed their mind"})

    assert no_reason.get_json()["errors"] == {"reason": ["Enter why the representation is being withdrawn"]}
    assert withdrawn.status_code == 200 and withdrawn.get_json()["status"] == "withdrawn"
    assert twice.get_json()["errors"] == {"reason": ["This representation has already been withdrawn"]}
    assert reinstated.status_code == 200 and reinstated.get_json()["status"] == "submitted"
    for response in (no_reason, withdrawn, twice):
        assert_matches(openapi, response, "/representations/{reference}/withdraw", "post")
    assert_matches(openapi, reinstated, "/representations/{reference}/reinstate", "post")
    actions = [event.action for event in db.session.query(AuditEvent).filter_by(entity_type="representation")]
    assert {"withdraw", "reinstate"} <= set(actions)


def test_after_the_close_only_a_mistaken_withdrawal_is_undone(officer_api):
    consultation = create_consultation()
    reference = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED).get_json()[
        "reference"
    ]
    url = f"/api/v1/representations/{reference}"
    officer_api.post(url + "/withdraw", json={"reason": "Asked"})
    officer_api.post(f"/api/v1/consultations/{consultation.id}/close")

    refused = officer_api.post(url + "/reinstate", json={"reason": "Changed their mind"})
    mistaken = officer_api.post(url + "/reinstate", json={"reason": "Wrong one withdrawn", "by_mistake": True})

    assert refused.status_code == 422 and "by_mistake" in refused.get_json()["errors"]
    assert mistaken.status_code == 200 and mistaken.get_json()["status"] == "submitted"
    assert officer_api.post("/api/v1/representations/R-99999-1/withdraw", json={"reason": "x"}).status_code == 404


def test_a_respondent_is_linked_to_a_stakeholder_and_unlinked(officer_api, openapi):
    consultation = create_consultation()
    person = create_stakeholder()
    reference = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=KEYED).get_json()[
        "reference"
    ]
    url = f"/api/v1/representations/{reference}/stakeholder"
    path = "/representations/{reference}/stakeholder"

    linked = officer_api.put(url, json={"stakeholder": person.id})
    unknown = officer_api.put(url, json={"stakeholder": 999999})
    missing = officer_api.put(url, json={})
    unlinked = officer_api.put(url, json={"stakeholder": None})

    assert linked.status_code == 200 and linked.get_json()["stakeholder"] == person.id
    assert unknown.get_json()["errors"] == {"stakeholder": ["There is no stakeholder with the id 999999"]}
    assert missing.status_code == 422
    assert unlinked.get_json()["stakeholder"] is None
    for response in (linked, unknown, missing, unlinked):
        assert_matches(openapi, response, path, "put")
