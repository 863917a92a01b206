from sqlalchemy import select

from engage.consultations.services import invitations_for
from engage.extensions import db
from engage.mail import outbox
from engage.models import Invitation, Job
from tests.factories import create_consultation, create_stakeholder
from tests.pages import get_page, post_form


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


def test_inviting_nobody_shows_an_error(officer_client):
    consultation = create_consultation()

    response = post_form(
        officer_client, "consultations.invitations", {"method": "email"}, {"consultation_id": consultation.id}
    )

    assert response.status_code == 200
    assert "Select at least one register" in response.get_data(as_text=True)
