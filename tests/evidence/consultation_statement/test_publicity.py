"""Officers record how a consultation was publicised: the form, its errors, changing and removing."""

from datetime import date

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import publicity
from engage.extensions import db
from engage.models import Publicity
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form

FORM = {
    "method": "exhibition",
    "description": "Drop-in exhibition at Watford Town Hall",
    "starts_on": ["20", "1", "2027"],
    "attendance": "1,064",
}


def test_the_form_offers_every_method(officer_client):
    consultation = create_consultation()
    page = get_page(officer_client, "evidence.consultation_statement.new_publicity", consultation_id=consultation.id)
    values = [radio["value"] for radio in page.select("input[name=method]")]
    assert values == ["email", "letter", "public-notice", "press", "website", "social-media", "newsletter",
                      "exhibition", "event", "deposit-point"]  # fmt: skip


def test_recording_publicity_saves_it_and_shows_it_in_the_statement(officer_client):
    consultation = create_consultation()
    response = post_form(
        officer_client, "evidence.consultation_statement.new_publicity", FORM, {"consultation_id": consultation.id}
    )
    assert response.status_code == 302 and f"#how-invited-{consultation.id}" in response.headers["Location"]
    item = db.session.scalar(select(Publicity))
    assert (item.method, item.starts_on, item.ends_on, item.attendance) == ("exhibition", date(2027, 1, 20), None, 1064)
    page = get_page(officer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    table = page.select_one(f"#how-invited-{consultation.id}").find_next("table").get_text(" ")
    assert "Drop-in exhibition at Watford Town Hall" in table and "1,064 attended" in table


def test_wrong_values_show_the_errors_keep_the_input_and_save_nothing(officer_client):
    consultation = create_consultation()
    data = FORM | {"method": "website", "ends_on": ["1", "1", "2027"]}
    response = post_form(
        officer_client, "evidence.consultation_statement.new_publicity", data, {"consultation_id": consultation.id}
    )
    page = parse(response)
    assert response.status_code == 200 and page.title.get_text().startswith("Error: ")
    assert error_summary(page) == [
        "The end date must be the same as or after the start date",
        "Attendance is recorded only for exhibitions and events: leave it empty",
    ]
    assert page.select_one("input[name=description]")["value"] == FORM["description"]
    assert page.select_one("input[name=attendance]")["value"] == "1,064"
    assert db.session.scalar(select(func.count(Publicity.id))) == 0


def test_an_empty_form_asks_for_each_field(officer_client):
    consultation = create_consultation()
    response = post_form(
        officer_client, "evidence.consultation_statement.new_publicity", {}, {"consultation_id": consultation.id}
    )
    assert error_summary(parse(response)) == [
        "Select how the consultation was publicised",
        "Enter what was done and where, like “Notice in the Watford Observer”",
        "Enter the date it was done or started, like 27 3 2027",
    ]


def test_changing_and_removing_publicity(officer_client):
    consultation = create_consultation()
    item = publicity.record_publicity(consultation, FORM | {"starts_on": date(2027, 1, 20), "attendance": 10})
    page = get_page(officer_client, "evidence.consultation_statement.edit_publicity", publicity_id=item.id)
    assert page.select_one("input[name=attendance]")["value"] == "10"
    assert page.select_one("input[name=method][checked]")["value"] == "exhibition"
    response = post_form(officer_client, "evidence.consultation_statement.edit_publicity", FORM | {"attendance": "12"},
                         {"publicity_id": item.id})  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Publicity, item.id).attendance == 12
    page = get_page(officer_client, "evidence.consultation_statement.remove_publicity", publicity_id=item.id)
    assert "Drop-in exhibition at Watford Town Hall" in page.get_text()
    response = post_form(
        officer_client, "evidence.consultation_statement.remove_publicity", {}, {"publicity_id": item.id}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(func.count(Publicity.id))) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "x" * 301}, "description"),
        ({"description": "Notice\x00"}, "description"),
        ({"starts_on": "1800-01-01"}, "starts_on"),
        ({"starts_on": "not a date"}, "starts_on"),
        ({"attendance": -1}, "attendance"),
        ({"attendance": True}, "attendance"),
        ({"attendance": "10000001"}, "attendance"),
        ({"method": "pigeon"}, "method"),
    ],
)
def test_the_service_refuses_bad_values(change, field):
    consultation = create_consultation()
    data = {"method": "event", "description": "Webinar", "starts_on": date(2027, 1, 20)} | change
    with pytest.raises(ValidationError) as raised:
        publicity.record_publicity(consultation, data)
    assert field in raised.value.errors
    assert db.session.scalar(select(func.count(Publicity.id))) == 0


def test_the_consultation_page_links_to_its_publicity(officer_client, viewer_client):
    consultation = create_consultation()
    page = get_page(officer_client, "consultations.show", consultation_id=consultation.id)
    links = [a["href"] for a in page.select("main a")]
    assert f"/evidence/consultation-statement/{consultation.id}/publicity/new" in links
    page = get_page(viewer_client, "consultations.show", consultation_id=consultation.id)
    assert not page.select(f"a[href='/evidence/consultation-statement/{consultation.id}/publicity/new']")
