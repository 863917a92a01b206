"""Keyed letters from the same person share one respondent: the page finds respondents on record with the same email
address, or the same name and postcode, and the officer says whether it is the same person."""

import io

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import AuditEvent, Representation, Respondent
from engage.representations.services import key_in
from tests.consultations.test_intake import KEYED
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form

ITEM = {"part": "Policy SP1", "nature": "object", "comment": "First letter."}


def _on_record(consultation, **person):
    person = {"first_name": "Jo", "last_name": "Emailer", "email": "jo@example.com", **person}
    return key_in(consultation, person, None, ITEM, channel="post", received_at=consultation.opens_at)


def _key(client, consultation, **changes):
    return post_form(
        client, "consultations.new_representation", {**KEYED, **changes}, {"consultation_id": consultation.id}
    )


def test_a_second_letter_with_the_same_email_asks_whether_it_is_the_same_person_and_keeps_the_input(officer_client):
    consultation = create_consultation()
    known = _on_record(consultation)

    response = _key(officer_client, consultation, email="JO@Example.com", comment="Second letter.")

    page = parse(response)
    assert response.status_code == 200 and page.title.text.startswith("Error: ")
    assert error_summary(page) == [
        "Say whether this is the same person as a respondent already on record, or a new respondent"
    ]
    choices = [field["value"] for field in page.select("input[name=respondent_reference]")]
    assert choices == [known.reference, "new"]
    assert "Jo Emailer, jo@example.com (1 representation so far)" in page.text
    assert page.select_one("#comment").text == "Second letter."
    assert db.session.scalar(select(func.count(Representation.id))) == 1


def test_the_same_person_gets_the_next_number_under_their_respondent_reference(officer_client):
    consultation = create_consultation()
    known = _on_record(consultation, phone="")

    response = _key(officer_client, consultation, respondent_reference=known.reference, phone="01923 000000")

    assert response.status_code == 302
    assert db.session.scalar(select(func.count(Respondent.id))) == 1
    second = db.session.scalar(select(Representation).where(Representation.number == 2))
    assert second.reference == f"{known.reference}-2"
    assert response.headers["Location"].endswith(f"/representations/{known.reference}-2")
    db.session.refresh(known)
    assert known.phone == "01923 000000"  # a detail the record lacked is added; the others are kept
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.summary.like("%details added%")))
    assert event.changes == {"phone": ["", "01923 000000"]}


def test_a_new_person_with_the_same_name_gets_a_respondent_of_their_own(officer_client):
    consultation = create_consultation()
    _on_record(consultation, email="", postcode="WD17 1AB")

    response = _key(
        officer_client, consultation, email="", address="2 Road", postcode="wd171ab", respondent_reference="new"
    )

    assert response.status_code == 302
    assert db.session.scalar(select(func.count(Respondent.id))) == 2


def test_name_and_postcode_match_in_any_case_and_spacing_but_name_alone_does_not(officer_client):
    consultation = create_consultation()
    known = _on_record(consultation, email="", postcode="WD17 1AB")

    elsewhere = _key(officer_client, consultation, email="", address="9 Lane", postcode="AL1 3JE")
    assert elsewhere.status_code == 302

    same = parse(_key(officer_client, consultation, email="", first_name="JO", address="1 Road", postcode="wd171ab"))
    assert [field["value"] for field in same.select("input[name=respondent_reference]")] == [known.reference, "new"]


def test_respondents_of_other_consultations_are_not_offered(officer_client):
    other = create_consultation(slug="other-consultation")
    _on_record(other)
    consultation = create_consultation()

    assert _key(officer_client, consultation).status_code == 302
    assert db.session.scalar(select(func.count(Respondent.id))) == 2


def test_a_reference_from_another_consultation_is_refused_next_to_the_question(officer_client):
    other = create_consultation(slug="other-consultation")
    stranger = _on_record(other)
    consultation = create_consultation()
    _on_record(consultation)

    page = parse(_key(officer_client, consultation, respondent_reference=stranger.reference))

    assert error_summary(page) == [f"There is no respondent {stranger.reference} in this consultation"]
    assert page.select_one("#respondent_reference-error")
    assert db.session.scalar(select(func.count(Representation.id))) == 2


def test_the_question_stays_beside_other_errors(officer_client):
    consultation = create_consultation()
    known = _on_record(consultation)

    page = parse(_key(officer_client, consultation, comment="", respondent_reference=known.reference))

    assert error_summary(page) == ["Enter your comments"]
    checked = page.select_one("input[name=respondent_reference][checked]")
    assert checked["value"] == known.reference


def test_another_client_of_an_agent_is_keyed_in_with_the_agents_details_filled_in(officer_client):
    consultation = create_consultation()
    agent = {"first_name": "Adam", "last_name": "Agent", "organisation": "Agents & Co", "email": "adam@agents.example"}
    client_one = key_in(
        consultation,
        {"first_name": "Clara", "last_name": "Client", "address": "1 Road"},
        agent,
        ITEM,
        channel="post",
        received_at=consultation.opens_at,
    )
    shown = get_page(officer_client, "consultations.representation", reference=client_one.representations[0].reference)
    link = shown.find("a", string=lambda text: text and "Key in another client of this agent" in text)

    page = parse(officer_client.get(link["href"]))

    assert page.select_one("input[name=is_agent][checked]")["value"] == "yes"
    assert page.select_one("#agent_email")["value"] == "adam@agents.example"
    assert page.select_one("#agent_organisation")["value"] == "Agents & Co"
    assert not page.select_one("#first_name").get("value")
    other = create_consultation(slug="elsewhere")
    elsewhere = get_page(
        officer_client, "consultations.new_representation", consultation_id=other.id, agent_of=client_one.reference
    )
    assert not elsewhere.select_one("#agent_email").get("value")


def test_an_erased_respondent_is_neither_offered_nor_reused(officer_client):
    consultation = create_consultation()
    erased = _on_record(consultation)
    erased.erased_at = erased.created_at
    db.session.commit()

    page = parse(_key(officer_client, consultation, respondent_reference=erased.reference))
    assert error_summary(page) == [f"The personal data of {erased.reference} has been erased: record a new respondent"]

    assert _key(officer_client, consultation).status_code == 302
    assert db.session.scalar(select(func.count(Respondent.id))) == 2


def test_a_file_chosen_before_the_question_must_be_attached_again_and_the_page_says_so(officer_client):
    consultation = create_consultation()
    _on_record(consultation)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    page = parse(_key(officer_client, consultation, attachment=(io.BytesIO(pdf), "letter.pdf")))

    assert "Attach the file again" in page.select_one(".govuk-warning-text").text
