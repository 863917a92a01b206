from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Representation, utcnow
from tests.consult.helpers import fill_about_you, fill_item, submit
from tests.factories import create_consultation, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form

KEYED = {
    "channel": "email",
    "received_on": ["20", "11", "2026"],
    "received_time": "10:30",
    "is_agent": "no",
    "first_name": "Jo",
    "last_name": "Emailer",
    "email": "jo@example.com",
    "part": "Policy SP1",
    "nature": "object",
    "legally_compliant": "not-specified",
    "sound": "no",
    "dtc_compliant": "not-specified",
    "comment": "Sent by email.",
    "wishes_to_be_heard": "no",
}


def _online(client, consultation, **changes):
    fill_about_you(client, consultation)
    fill_item(client, consultation, **changes)
    submit(client, consultation)
    return db.session.scalar(select(Representation).order_by(Representation.id.desc()))


def test_an_officer_keys_in_an_email_representation_under_the_same_reference_scheme(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    get_page(officer_client, "consultations.new_representation", consultation_id=consultation.id)

    response = post_form(
        officer_client, "consultations.new_representation", KEYED, {"consultation_id": consultation.id}
    )

    assert response.status_code == 302
    representation = db.session.scalar(select(Representation))
    assert representation.channel == "email" and representation.entered_by_id == officer_client.user.id
    assert representation.reference.startswith("R-") and representation.reference.endswith("-1")
    assert representation.received_at.isoformat() == "2026-11-20T10:30:00+00:00"
    assert not representation.late


def test_a_representation_received_after_the_deadline_is_kept_and_flagged_late(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60), closes_at=utcnow() - timedelta(days=30))
    received = utcnow() - timedelta(days=1)
    data = {**KEYED, "received_on": [str(received.day), str(received.month), str(received.year)]}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    assert response.status_code == 302
    assert db.session.scalar(select(Representation.late)) is True


def test_keying_in_without_a_name_or_date_shows_errors_and_keeps_input(officer_client):
    consultation = create_consultation()
    data = {**KEYED, "first_name": "", "received_on": ["", "", ""]}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    page = parse(response)
    assert error_summary(page) == ["Enter a first name", "Enter the date the representation was received"]
    assert page.select_one("#comment").text == "Sent by email."
    assert db.session.scalar(select(Representation)) is None


def test_the_inbox_filters_by_channel_and_nature(officer_client, client):
    consultation = create_consultation()
    online = _online(client, consultation)
    post_form(
        officer_client,
        "consultations.new_representation",
        {**KEYED, "nature": "support"},
        {"consultation_id": consultation.id},
    )

    page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id, channel="online")

    references = [a.text for a in page.select("tbody a")]
    assert references == [online.reference]
    page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id, nature="support")
    assert len(page.select("tbody tr")) == 1 and online.reference not in page.text


def test_an_officer_withdraws_a_representation_before_the_deadline(officer_client, client):
    consultation = create_consultation()
    representation = _online(client, consultation)
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert "Withdraw this representation" in page.text

    post_form(officer_client, "consultations.withdraw", {}, {"reference": representation.reference})

    db.session.refresh(representation)
    assert representation.status == "withdrawn" and representation.withdrawn_at is not None


def test_a_respondent_is_linked_to_a_stakeholder_with_the_same_email(officer_client, client):
    stakeholder = create_stakeholder(email="alex@example.com")
    consultation = create_consultation()
    representation = _online(client, consultation)
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert stakeholder.name in page.text

    post_form(
        officer_client,
        "consultations.link_stakeholder",
        {"stakeholder_id": stakeholder.id},
        {"reference": representation.reference},
    )

    db.session.refresh(representation.respondent)
    assert representation.respondent.stakeholder_id == stakeholder.id


def test_an_unknown_reference_is_not_found(officer_client):
    get_page(officer_client, "consultations.representation", expected_status=404, reference="R-00001-9")
