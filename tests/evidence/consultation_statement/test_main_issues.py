"""Main issues of a consultation: the form links representations by reference and keeps what was typed on an
error."""

import io

import openpyxl
import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import MainIssue, Representation, Respondent
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form
from tests.themes.helpers import add_representations, create_campaign


def _respond(consultation, number_of_items=2):
    respondent = Respondent(consultation_id=consultation.id, first_name="Pat")
    respondent.representations = [
        Representation(consultation_id=consultation.id, number=n) for n in range(1, number_of_items + 1)
    ]
    db.session.add(respondent)
    db.session.commit()


@pytest.fixture
def consultation():
    consultation = create_consultation()
    _respond(consultation)
    return consultation


def test_main_issue_form_links_representations_by_reference(officer_client, consultation):
    first, second = db.session.scalars(select(Representation).order_by(Representation.id).limit(2))
    response = post_form(
        officer_client,
        "evidence.consultation_statement.new_issue",
        {"title": "Green Belt release", "representations": f"{first.reference}, {second.reference.lower()}"},
        {"consultation_id": consultation.id},
    )
    assert response.status_code == 302
    issue = db.session.scalar(select(MainIssue))
    assert sorted(r.id for r in issue.representations) == sorted([first.id, second.id])


def test_main_issue_form_with_unknown_references_shows_the_error_and_keeps_input(officer_client, consultation):
    response = post_form(
        officer_client,
        "evidence.consultation_statement.new_issue",
        {"title": "Green Belt release", "representations": "R-99999-1 nonsense"},
        {"consultation_id": consultation.id},
    )
    page = parse(response)
    assert error_summary(page) == [
        "Enter references of representations to this consultation, like R-00123-1 (not found: R-99999-1, nonsense)"
    ]
    assert page.select_one("input[name=title]")["value"] == "Green Belt release"
    assert db.session.scalar(select(func.count(MainIssue.id))) == 0


def test_main_issue_edit_form_shows_and_saves(officer_client, consultation):
    issue = MainIssue(consultation_id=consultation.id, title="Transport")
    db.session.add(issue)
    db.session.commit()
    page = get_page(officer_client, "evidence.consultation_statement.edit_issue", issue_id=issue.id)
    assert page.select_one("input[name=title]")["value"] == "Transport"
    response = post_form(
        officer_client,
        "evidence.consultation_statement.edit_issue",
        {"title": "Transport", "council_response": "Noted"},
        {"issue_id": issue.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(MainIssue, issue.id).council_response == "Noted"


def test_a_campaign_linked_to_a_main_issue_is_listed_once_by_name_and_size(viewer_client):
    """A main issue linked to a whole campaign of thousands would otherwise print thousands of references."""
    consultation = create_consultation(slug="campaigned")
    campaign_id = create_campaign(consultation, name="Save our fields")
    members = add_representations(consultation, ["Save our fields"] * 3, campaign_id=campaign_id)
    [other] = add_representations(consultation, ["The roads are full"])
    issue = MainIssue(consultation_id=consultation.id, title="Green Belt", representations=[*members, other])
    db.session.add(issue)
    db.session.commit()
    listed = f"Save our fields (campaign: 3 representations), {other.reference}"

    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    assert listed in page.get_text(" ")
    response = viewer_client.get(f"/evidence/consultation-statement.xlsx?consultation={consultation.id}")
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert [row[2] for row in workbook["Main issues"].iter_rows(min_row=2, values_only=True)] == [listed]
