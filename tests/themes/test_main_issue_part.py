"""A main issue's proposed change names the part of the plan it changes: on the form, in the API and in the
statement of consultation."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import MainIssue
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form


def test_the_main_issue_form_records_the_part_the_change_is_to(officer_client):
    consultation = create_consultation()
    page = get_page(officer_client, "evidence.consultation_statement.new_issue", consultation_id=consultation.id)
    assert [o["value"] for o in page.select("#part option")] == ["", "Chapter 3", "Policy SP1"]
    data = {"title": "Too many homes", "proposed_change": "Fewer homes at H4", "part": "Policy SP1"}
    url = {"consultation_id": consultation.id}
    assert post_form(officer_client, "evidence.consultation_statement.new_issue", data, url).status_code == 302
    issue = db.session.scalar(select(MainIssue))
    assert issue.part.ref == "Policy SP1"

    page = get_page(officer_client, "evidence.consultation_statement.edit_issue", issue_id=issue.id)
    assert page.select_one("#part option[selected]")["value"] == "Policy SP1"
    statement = get_page(officer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    assert "Policy SP1: Spatial strategy: Fewer homes at H4" in statement.get_text()


def test_a_part_not_in_the_consultation_is_refused_next_to_the_field(officer_client):
    consultation = create_consultation()
    data = {"title": "Too many homes", "part": "Policy XX9"}
    response = post_form(
        officer_client, "evidence.consultation_statement.new_issue", data, {"consultation_id": consultation.id}
    )
    assert error_summary(parse(response)) == ["There is no part of the plan called ‘Policy XX9’ in this consultation"]
