"""The officers' pages for an agent's spreadsheet: upload (checked completely), preview, confirm."""

import io
from datetime import timedelta

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Representation, Respondent, utcnow
from engage.representations.services import key_in
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form
from tests.representations.test_uploads import GOOD


def _form(text: str, **changes) -> dict:
    day = utcnow() - timedelta(days=1)
    return {
        "agent_first_name": "Adam",
        "agent_last_name": "Agent",
        "agent_email": "adam@agents.example",
        "channel": "post",
        "received_on": [str(day.day), str(day.month), str(day.year)],
        "file": (io.BytesIO(text.encode()), "clients.csv"),
        **changes,
    }


def test_upload_preview_and_confirm_saves_every_representation(officer_client):
    consultation = create_consultation()
    page = get_page(officer_client, "consultations.new_upload", consultation_id=consultation.id)
    assert [a["href"].rsplit(".", 1)[1] for a in page.select("a[download]")] == ["xlsx", "csv"]

    response = post_form(officer_client, "consultations.new_upload", _form(GOOD), {"consultation_id": consultation.id})

    assert response.status_code == 302
    preview = parse(officer_client.get(response.headers["Location"]))
    assert "3 representations from 2 clients" in preview.text
    assert [td.text for td in preview.select("tbody tr td:nth-of-type(2)")] == [
        "Clara Client, WD17 1AB",
        "Ben Buyer, AL1 3JE",
    ]
    assert db.session.scalar(select(func.count(Representation.id))) == 0

    saved = officer_client.post(response.headers["Location"], data={}, follow_redirects=True)

    page = parse(saved)
    assert "3 representations saved from clients.csv" in page.text
    assert len(page.select("main ul.govuk-list a")) == 3
    assert db.session.scalar(select(func.count(Respondent.id))) == 2
    again = officer_client.post(response.headers["Location"], data={})
    assert again.status_code == 200 and db.session.scalar(select(func.count(Representation.id))) == 3


def test_the_agent_is_checked_and_what_was_typed_is_kept(officer_client):
    consultation = create_consultation()
    response = post_form(
        officer_client, "consultations.new_upload", _form(GOOD, agent_email=""), {"consultation_id": consultation.id}
    )

    page = parse(response)
    assert page.title.text.startswith("Error: ")
    assert (
        error_summary(page)
        == [
            "Enter the agent’s email address or postal address, so we can contact them",
            "1 row of the spreadsheet must be put right – nothing has been saved",
        ]
        or "Enter the agent’s email address" in page.text
    )
    assert page.select_one("#agent_first_name")["value"] == "Adam"


def test_row_problems_are_shown_in_a_table(officer_client):
    consultation = create_consultation()
    bad = GOOD.replace("WD17 1AB,Policy SP1,object", "NOPE,Policy SP1,object", 1)

    page = parse(
        post_form(officer_client, "consultations.new_upload", _form(bad), {"consultation_id": consultation.id})
    )

    assert error_summary(page) == ["1 row of the spreadsheet must be put right – nothing has been saved"]
    cells = [td.text for td in page.select("#upload-problems tbody td")]
    assert cells == ["2", "Postcode", "Enter a real postcode, like AL1 3JE"]
    assert db.session.scalar(select(func.count(Representation.id))) == 0


def test_a_preview_that_no_longer_passes_saves_nothing(officer_client):
    consultation = create_consultation()
    response = post_form(officer_client, "consultations.new_upload", _form(GOOD), {"consultation_id": consultation.id})
    person = {"first_name": "Ben", "last_name": "Buyer", "postcode": "AL1 3JE"}
    key_in(
        consultation,
        person,
        None,
        {"part": "Policy SP1", "comment": "Meanwhile."},
        channel="post",
        received_at=utcnow(),
    )

    page = parse(officer_client.post(response.headers["Location"], data={}))

    assert "nothing can be saved" in page.text
    assert db.session.scalar(select(func.count(Representation.id))) == 1


def test_the_agent_of_a_respondent_is_filled_in(officer_client):
    consultation = create_consultation()
    agent = {"first_name": "Adam", "last_name": "Agent", "email": "adam@agents.example"}
    known = key_in(
        consultation,
        {"first_name": "A", "last_name": "B", "address": "1 Road"},
        agent,
        {"part": "Policy SP1", "comment": "x"},
        channel="post",
        received_at=utcnow(),
    )

    page = get_page(
        officer_client, "consultations.new_upload", consultation_id=consultation.id, agent_of=known.reference
    )

    assert page.select_one("#agent_email")["value"] == "adam@agents.example"


def test_templates_download_and_another_officers_upload_is_not_found(officer_client, admin_client):
    consultation = create_consultation()
    csv = officer_client.get(f"/consultations/{consultation.id}/representation-uploads/template.csv")
    assert csv.status_code == 200 and csv.data.startswith(b"\xef\xbb\xbfTitle,First name")
    xlsx = officer_client.get(f"/consultations/{consultation.id}/representation-uploads/template.xlsx")
    assert xlsx.status_code == 200 and xlsx.data.startswith(b"PK")
    assert (
        officer_client.get(f"/consultations/{consultation.id}/representation-uploads/template.pdf").status_code == 404
    )
    response = post_form(officer_client, "consultations.new_upload", _form(GOOD), {"consultation_id": consultation.id})
    location = response.headers["Location"]
    assert admin_client.get(location).status_code == 200
    other = create_consultation(slug="other-one")
    assert officer_client.get(location.replace(f"/{consultation.id}/", f"/{other.id}/")).status_code == 404
