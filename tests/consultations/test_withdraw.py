"""Withdrawing a representation asks first and records why; a withdrawn one can be reinstated: freely before the
consultation closes, afterwards only when it was withdrawn by mistake."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent, utcnow
from engage.representations.services import key_in
from engage.representations.withdrawals import withdraw_representation
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form


@pytest.fixture
def representation():
    consultation = create_consultation()
    person = {"first_name": "Jo", "last_name": "Emailer", "email": "jo@example.com"}
    item = {"part": "Policy SP1", "nature": "object", "comment": "Sent by email."}
    respondent = key_in(consultation, person, None, item, channel="email", received_at=utcnow())
    return respondent.representations[0]


def _withdrawn(representation, *, closed: bool = False):
    withdraw_representation(representation, "Asked by email")
    if closed:
        representation.consultation.closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    return representation


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _post(client, endpoint, representation, data):
    return post_form(client, f"consultations.{endpoint}", data, {"reference": representation.reference})


def test_the_withdraw_button_leads_to_a_question_page_that_changes_nothing(officer_client, representation):
    reference = representation.reference
    page = get_page(officer_client, "consultations.representation", reference=reference)
    button = page.find("a", string=lambda text: text and "Withdraw this representation" in text)
    assert button["href"] == f"/consultations/representations/{reference}/withdraw"

    page = get_page(officer_client, "consultations.withdraw", reference=reference)

    assert page.h1.get_text(strip=True) == f"Are you sure you want to withdraw representation {reference}?"
    assert page.select_one("form[method=post] textarea[name=reason]") is not None
    assert page.select_one("button.govuk-button--warning").get_text(strip=True) == "Withdraw representation"
    assert page.find("a", string="Cancel")["href"] == f"/consultations/representations/{reference}"
    db.session.refresh(representation)
    assert representation.status == "submitted"


def test_withdrawing_records_the_reason_in_the_audit_trail(officer_client, representation):
    response = _post(officer_client, "withdraw", representation, {"reason": "The respondent asked by phone"})

    assert response.status_code == 302
    db.session.refresh(representation)
    assert representation.status == "withdrawn" and representation.withdrawn_at is not None
    [event] = _events("withdraw")
    assert event.entity_id == representation.id and event.user_id == officer_client.user.id
    assert event.changes["reason"] == "The respondent asked by phone"
    assert "The respondent asked by phone" in event.summary


def test_withdrawing_without_a_reason_says_so_and_changes_nothing(officer_client, representation):
    response = _post(officer_client, "withdraw", representation, {"reason": "  "})

    assert response.status_code == 200
    assert error_summary(parse(response)) == ["Enter why the representation is being withdrawn"]
    db.session.refresh(representation)
    assert representation.status == "submitted" and _events("withdraw") == []


def test_withdrawing_needs_the_csrf_token(app, officer_client, representation):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = _post(officer_client, "withdraw", representation, {"reason": "Asked by email"})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False

    assert response.status_code == 400
    db.session.refresh(representation)
    assert representation.status == "submitted"


def test_a_viewer_cannot_withdraw_or_reinstate(viewer_client, representation):
    for endpoint in ("withdraw", "reinstate"):
        get_page(viewer_client, f"consultations.{endpoint}", expected_status=403, reference=representation.reference)
        assert _post(viewer_client, endpoint, representation, {"reason": "x"}).status_code == 403


def test_before_the_close_a_withdrawn_representation_is_reinstated_with_a_reason(officer_client, representation):
    _withdrawn(representation)
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert page.find("a", string=lambda text: text and "Reinstate this representation" in text)

    response = _post(officer_client, "reinstate", representation, {"reason": "The respondent changed their mind"})

    assert response.status_code == 302
    db.session.refresh(representation)
    assert representation.status == "submitted" and representation.withdrawn_at is None
    [event] = _events("reinstate")
    assert event.changes["reason"] == "The respondent changed their mind" and event.changes["by_mistake"] is False


def test_reinstating_without_a_reason_says_so(officer_client, representation):
    _withdrawn(representation)

    response = _post(officer_client, "reinstate", representation, {"reason": ""})

    assert error_summary(parse(response)) == ["Enter why the representation is being reinstated"]
    db.session.refresh(representation)
    assert representation.status == "withdrawn"


def test_after_the_close_it_is_reinstated_only_when_withdrawn_by_mistake(officer_client, representation):
    _withdrawn(representation, closed=True)
    page = get_page(officer_client, "consultations.reinstate", reference=representation.reference)
    assert "only reinstate the representation if it was withdrawn by mistake" in page.text

    response = _post(officer_client, "reinstate", representation, {"reason": "Changed their mind"})

    page = parse(response)
    assert error_summary(page) == [
        "The consultation has closed: a representation can only be reinstated if it was withdrawn by mistake"
    ]
    assert page.select_one("#reason").text == "Changed their mind"
    db.session.refresh(representation)
    assert representation.status == "withdrawn" and _events("reinstate") == []

    data = {"reason": "Withdrawn in error: another respondent asked", "by_mistake": "y"}
    assert _post(officer_client, "reinstate", representation, data).status_code == 302
    db.session.refresh(representation)
    assert representation.status == "submitted" and representation.late is False
    [event] = _events("reinstate")
    assert event.changes["by_mistake"] is True and "by mistake" in event.summary


def test_a_representation_that_is_not_withdrawn_cannot_be_reinstated(officer_client, representation):
    response = _post(officer_client, "reinstate", representation, {"reason": "Why not"})

    assert "has not been withdrawn" in parse(response).h1.text
    assert _events("reinstate") == []


def test_a_withdrawn_representation_is_not_withdrawn_twice(officer_client, representation):
    _withdrawn(representation)

    response = _post(officer_client, "withdraw", representation, {"reason": "Again"})

    assert "has already been withdrawn" in parse(response).h1.text
    assert len(_events("withdraw")) == 1
