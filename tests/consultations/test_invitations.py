import io
from csv import DictReader

from docx import Document
from sqlalchemy import select

from engage.consultations.services import invitations_for
from engage.extensions import db
from engage.mail import outbox
from engage.models import Invitation, Job
from tests import office_checks
from tests.factories import create_consultation, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form


def test_inviting_a_register_by_email_sends_in_a_job_and_records_each_invitation(officer_client):
    outbox.clear()
    consultation = create_consultation()
    emailed = create_stakeholder(registers=["statutory-consultees"])
    by_post = create_stakeholder(registers=["statutory-consultees"], email="", address="1 High St", postcode="WD17 1AB")
    create_stakeholder(registers=["statutory-consultees"], do_not_contact=True)
    get_page(officer_client, "consultations.invitations", consultation_id=consultation.id)

    response = post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["statutory-consultees"], "method": "email"},
        {"consultation_id": consultation.id},
    )

    assert response.status_code == 302
    invitations = {i.stakeholder_id: i for i in db.session.scalars(select(Invitation))}
    assert set(invitations) == {emailed.id, by_post.id}
    assert invitations[emailed.id].method == "email" and invitations[emailed.id].status == "sent"
    assert invitations[by_post.id].method == "letter"
    assert db.session.scalar(select(Job.status)) == "done"
    assert outbox[-1]["To"] == emailed.email
    page = get_page(
        officer_client,
        "consultations.invitations",
        consultation_id=consultation.id,
        job=db.session.scalar(select(Job.id)),
    )
    assert "1 sent" in page.text
    assert [i.consultation_id for i in invitations_for(emailed.id)] == [consultation.id]


def test_inviting_twice_records_each_person_once(officer_client):
    consultation = create_consultation()
    create_stakeholder(registers=["mps"])
    for _ in range(2):
        post_form(
            officer_client,
            "consultations.invitations",
            {"registers": ["mps"], "method": "letter"},
            {"consultation_id": consultation.id},
        )

    assert len(list(db.session.scalars(select(Invitation)))) == 1


def test_letters_download_as_csv_and_word(officer_client):
    consultation = create_consultation()
    create_stakeholder(registers=["mps"], first_name="=cmd", address="1 High St")
    post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "letter"},
        {"consultation_id": consultation.id},
    )

    csv = officer_client.get(f"/consultations/{consultation.id}/invitations/letters.csv")
    docx = officer_client.get(f"/consultations/{consultation.id}/invitations/letters.docx")

    assert csv.status_code == 200 and "'=cmd" in csv.get_data(as_text=True)
    assert docx.status_code == 200 and docx.data[:2] == b"PK"
    web_address = f"http://localhost/consult/{consultation.slug}"
    [row] = list(DictReader(io.StringIO(csv.get_data(as_text=True))))
    assert row["address"] == "1 High St" and row["web_address"] == web_address
    assert row["consultation"] == consultation.title and row["closes"]
    letter = "\n".join(paragraph.text for paragraph in Document(io.BytesIO(docx.data)).paragraphs)
    assert "1 High St" in letter and web_address in letter and row["closes"] in letter


def test_an_unpublished_consultation_cannot_be_sent_out_yet(officer_client):
    consultation = create_consultation(published=False)
    create_stakeholder(registers=["mps"])

    response = post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "email"},
        {"consultation_id": consultation.id},
    )

    assert error_summary(parse(response)) == [
        "Publish the consultation before inviting people: until then its web address does not work"
    ]
    assert db.session.scalar(select(Invitation)) is None and db.session.scalar(select(Job)) is None


def test_people_to_write_to_without_a_postal_address_are_pointed_out(officer_client):
    consultation = create_consultation()
    create_stakeholder(registers=["mps"], email="", address="", postcode="")
    create_stakeholder(registers=["mps"], email="", address="1 High St", postcode="WD17 1AB")

    response = post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "email"},
        {"consultation_id": consultation.id},
        follow_redirects=True,
    )

    warning = parse(response).select_one(".govuk-warning-text")
    assert "1 person to write to has no postal address" in warning.get_text()


def test_inviting_nobody_shows_an_error(officer_client):
    consultation = create_consultation()

    response = post_form(
        officer_client, "consultations.invitations", {"method": "email"}, {"consultation_id": consultation.id}
    )

    assert response.status_code == 200
    assert "Select at least one register" in response.get_data(as_text=True)


def test_with_redis_invitation_emails_wait_for_a_worker_and_the_page_shows_progress(officer_client, redis_queue):
    from rq import SimpleWorker

    outbox.clear()
    consultation = create_consultation()
    for _ in range(3):
        create_stakeholder(registers=["mps"])
    response = post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "email"},
        {"consultation_id": consultation.id},
        follow_redirects=True,
    )

    page = parse(response)
    assert outbox == [] and redis_queue.count == 1
    assert "Sending emails: 0 of 3 done" in page.select_one("[role=status]").get_text(" ", strip=True)
    assert page.select_one("meta[http-equiv=refresh]")  # the page follows the job by itself

    consultation_id, slug = consultation.id, consultation.slug  # the worker ends the session this test shares
    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    job_id = db.session.scalar(select(Job.id))
    page = get_page(officer_client, "consultations.invitations", consultation_id=consultation_id, job=job_id)
    assert "Sending finished: 3 sent, 0 could not be sent." in page.select_one("[role=status]").get_text(
        " ", strip=True
    )
    assert page.select_one("meta[http-equiv=refresh]") is None
    assert len(outbox) == 3
    assert f"http://localhost/consult/{slug}" in outbox[-1].get_body(("plain",)).get_content()


def test_the_list_of_who_was_invited_is_shown_a_page_at_a_time(officer_client):
    consultation = create_consultation()
    people = [create_stakeholder(registers=["general-consultees"], email="", address="") for _ in range(3)]
    for person in people:
        db.session.add(Invitation(consultation_id=consultation.id, stakeholder_id=person.id, method="letter"))
    for number in range(102):
        db.session.add(
            Invitation(
                consultation_id=consultation.id,
                stakeholder_id=create_stakeholder(email=f"p{number}@example.com").id,
                method="email",
            )
        )
    db.session.commit()

    first = get_page(officer_client, "consultations.invitations", consultation_id=consultation.id)
    assert "105 invitations, page 1 of 2" in first.select_one("caption").get_text()
    assert len(first.select("tbody tr")) == 100
    assert first.select_one(".govuk-pagination")
    assert "3 people to write to have no postal address" in first.select_one(".govuk-warning-text").get_text()
    second = get_page(officer_client, "consultations.invitations", consultation_id=consultation.id, page=2)
    assert len(second.select("tbody tr")) == 5
    beyond = get_page(officer_client, "consultations.invitations", consultation_id=consultation.id, page=9)
    assert "There is no page 9" in beyond.text
    shown = get_page(officer_client, "consultations.show", consultation_id=consultation.id)
    assert "105 invitations recorded" in shown.text


def test_letters_are_a4_with_the_date_and_pages_numbered_per_letter(officer_client):
    consultation = create_consultation()
    create_stakeholder(registers=["mps"], first_name="Ann", address="1 High St")
    create_stakeholder(registers=["mps"], first_name="Ben", address="2 High St")
    post_form(
        officer_client,
        "consultations.invitations",
        {"registers": ["mps"], "method": "letter"},
        {"consultation_id": consultation.id},
    )
    document = office_checks.word(officer_client.get(f"/consultations/{consultation.id}/invitations/letters.docx").data)
    office_checks.assert_council_document(document)
    assert len(document.sections) == 2  # a section per letter, each numbered from 1
    assert document.sections[1]._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]
    assert sum(p.text.count("Date: ") for p in document.paragraphs) == 2
    assert document.element.body.xpath(".//w:hyperlink")
