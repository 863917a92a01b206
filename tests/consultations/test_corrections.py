"""Officers correct a representation as recorded; the reason and every change before and after are audited."""

from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent, Representation, utcnow
from engage.personal_data.services import erase_respondent
from engage.representations.services import key_in
from tests.consultations.test_intake import _online
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form

PERSON = {"first_name": "Jo", "last_name": "Leter", "address": "1 High Street", "postcode": "WD17 1AB"}
ITEM = {"part": "Policy SP1", "nature": "object", "sound": "no", "comment": "Too many homes."}


def _keyed(consultation, **kwargs):
    received = kwargs.pop("received_at", utcnow() - timedelta(days=1))
    agent = {"first_name": "Adam", "last_name": "Agent", "email": "adam@agents.example", "phone": "01923 111111"}
    respondent = key_in(consultation, PERSON, agent, ITEM, channel="post", received_at=received, **kwargs)
    return respondent.representations[0]


def _form(client, representation) -> dict:
    """The correction page's fields as it shows them, ready to post back."""
    page = get_page(client, "consultations.correct_representation", reference=representation.reference)
    form = page.select_one("form:has(#reason)")
    data: dict = {}
    for field in form.select("input, textarea, select"):
        name = field.get("name")
        if not name or field.get("type") == "submit":
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in ("radio", "checkbox"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field["value"])
        else:
            data.setdefault(name, []).append(field.get("value", ""))
    return data


def test_the_page_shows_what_was_recorded_and_saves_a_correction_with_its_reason(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    representation = _keyed(consultation)
    data = _form(officer_client, representation)
    assert data["last_name"] == ["Leter"] and data["part"] == "Policy SP1" and data["agent_phone"] == ["01923 111111"]

    data.update(last_name="Letter", nature="comment", reason="Surname keyed wrongly")
    response = post_form(
        officer_client, "consultations.correct_representation", data, {"reference": representation.reference}
    )

    assert response.status_code == 302
    db.session.refresh(representation)
    assert representation.respondent.last_name == "Letter" and representation.nature == "comment"
    assert representation.respondent.agent["phone"] == "01923 111111"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "representation"))
    assert event.summary == f"{representation.reference} corrected: Surname keyed wrongly"
    assert event.changes == {"respondent_last_name": ["Leter", "Letter"], "nature": ["object", "comment"]}
    assert event.user_id == officer_client.user.id


def test_a_correction_needs_a_reason_and_valid_values_and_keeps_what_was_typed(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    representation = _keyed(consultation)
    data = {**_form(officer_client, representation), "postcode": "NOT A POSTCODE", "comment": "", "reason": ""}

    response = post_form(
        officer_client, "consultations.correct_representation", data, {"reference": representation.reference}
    )

    page = parse(response)
    assert page.title.text.startswith("Error: ")
    assert error_summary(page) == [
        "Enter a real postcode, like AL1 3JE",
        "Enter your comments",
        "Enter why you are correcting it",
    ]
    assert page.select_one("#postcode")["value"] == "NOT A POSTCODE"
    db.session.refresh(representation)
    assert representation.respondent.postcode == "WD17 1AB" and representation.comment == "Too many homes."
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update")) is None


def test_correcting_the_date_received_of_a_keyed_letter_flags_it_late(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30), closes_at=utcnow() - timedelta(days=5))
    representation = _keyed(consultation, received_at=utcnow() - timedelta(days=10))
    after = utcnow() - timedelta(days=2)
    data = {
        **_form(officer_client, representation),
        "received_on": [str(after.day), str(after.month), str(after.year)],
        "reason": "Postmark misread",
    }

    post_form(officer_client, "consultations.correct_representation", data, {"reference": representation.reference})

    db.session.refresh(representation)
    assert representation.late is True
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert event.changes["late"] == [False, True]


def test_an_online_representation_keeps_how_and_when_it_was_sent(officer_client, client):
    consultation = create_consultation()
    representation = _online(client, consultation)
    page = get_page(officer_client, "consultations.correct_representation", reference=representation.reference)
    assert page.select_one("input[name=channel]") is None
    received = representation.received_at

    data = {**_form(officer_client, representation), "comment": "Corrected text.", "reason": "Respondent asked"}
    response = post_form(
        officer_client, "consultations.correct_representation", data, {"reference": representation.reference}
    )

    assert response.status_code == 302
    db.session.refresh(representation)
    assert representation.comment == "Corrected text." and representation.channel == "online"
    assert representation.received_at == received


def test_nothing_changed_writes_no_audit_event(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    representation = _keyed(consultation)
    data = {**_form(officer_client, representation), "reason": "Checking"}

    response = post_form(
        officer_client, "consultations.correct_representation", data, {"reference": representation.reference}
    )

    assert response.status_code == 302
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update")) is None


def test_the_representation_page_offers_the_correction_to_editors_only(officer_client, viewer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    reference = _keyed(consultation).reference

    assert (
        "Correct this representation"
        in get_page(officer_client, "consultations.representation", reference=reference).text
    )
    assert (
        "Correct this representation"
        not in get_page(viewer_client, "consultations.representation", reference=reference).text
    )
    get_page(officer_client, "consultations.correct_representation", 404, reference="R-99999-9")
    assert db.session.scalar(select(Representation.comment)) == "Too many homes."


def test_an_erased_respondents_representation_cannot_be_corrected(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    representation = _keyed(consultation)
    data = {**_form(officer_client, representation), "reason": "Typo"}
    representation.respondent.erased_at = utcnow()
    db.session.commit()

    page = parse(
        post_form(officer_client, "consultations.correct_representation", data, {"reference": representation.reference})
    )

    assert error_summary(page) == [
        f"The personal data of {representation.respondent.reference} has been erased: it cannot be corrected"
    ]


def test_the_representation_page_leads_to_the_respondents_personal_data_until_it_is_erased(officer_client):
    representation = _keyed(create_consultation())
    respondent = representation.respondent
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("main a")}
    assert links[f"Download everything held on {respondent.reference} (subject access)"].endswith(
        f"/personal-data/respondents/{respondent.id}/subject-access.zip"
    )
    assert links[f"Erase the personal data of {respondent.reference}"].endswith(
        f"/personal-data/respondents/{respondent.id}/erase"
    )

    erase_respondent(respondent, {"reason": "Their request of 1 May", "delete_text": False})
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    text = page.get_text(" ")
    assert "personal data was erased on" in text and "Erase the personal data" not in text
