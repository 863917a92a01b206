"""The statement of consultation: figures, main issues, and the DOCX and XLSX files checked against the database."""

import io
from datetime import timedelta

import docx
import openpyxl
import pytest
from sqlalchemy import func, select

from engage.evidence.consultation_statement.queries import respondent_type
from engage.extensions import db
from engage.models import Invitation, MainIssue, Representation, Respondent
from tests.factories import create_consultation, create_plan, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form


def _respond(consultation, *, organisation="", stakeholder=None, agent=None, items=(("support", 0),), **extra):
    respondent = Respondent(
        consultation_id=consultation.id,
        first_name="Pat",
        last_name="Respondent",
        organisation=organisation,
        stakeholder_id=stakeholder.id if stakeholder else None,
        agent=agent,
    )
    respondent.representations = [
        Representation(
            consultation_id=consultation.id,
            number=number,
            nature=nature,
            part_id=consultation.parts[part].id if part is not None else None,
            received_at=consultation.opens_at + timedelta(hours=number),
            **extra,
        )
        for number, (nature, part) in enumerate(items, start=1)
    ]
    db.session.add(respondent)
    db.session.commit()
    return respondent


@pytest.fixture
def consultation():
    consultation = create_consultation()
    council = create_stakeholder(
        kind="organisation", organisation="Dacorum Borough Council", categories=["neighbouring-authority"]
    )
    agency = create_stakeholder(
        kind="organisation", organisation="Environment Agency", categories=["specific-consultation-body"]
    )
    resident = create_stakeholder()
    for stakeholder, method in ((council, "email"), (agency, "email"), (resident, "letter")):
        db.session.add(
            Invitation(consultation_id=consultation.id, stakeholder_id=stakeholder.id, method=method, status="sent")
        )
    db.session.commit()
    _respond(consultation, stakeholder=council, items=(("object", 1), ("comment", 0)))
    _respond(consultation, stakeholder=agency, items=(("support", 1),))
    _respond(consultation, organisation="Bloggs Homes Ltd", items=(("object", 1),), late=True)
    _respond(consultation, items=(("object", None),), status="withdrawn")
    return consultation


@pytest.mark.parametrize(
    ("categories", "organisation", "agent", "expected"),
    [
        ({"neighbouring-authority"}, "", False, "councils"),
        ({"specific-consultation-body", "relevant-authority"}, "", False, "councils"),
        ({"dtc-prescribed-body"}, "", False, "statutory-bodies"),
        ({"developer-landowner"}, "", False, "developers"),
        (set(), "Abbots Langley Parish Council", False, "councils"),
        (set(), "Natural England", False, "statutory-bodies"),
        (set(), "Bloggs Homes Ltd", False, "developers"),
        (set(), "Friends of the Earth", False, "groups"),
        (set(), "", True, "developers"),
        (set(), "", False, "residents"),
        (set(), "Acme", False, "other"),
        ({"resident"}, "Bloggs Homes Ltd", False, "residents"),
    ],
)
def test_respondent_type_comes_from_categories_then_organisation(categories, organisation, agent, expected):
    assert respondent_type(categories, organisation, agent) == expected


def test_page_shows_counts_for_one_consultation(viewer_client, consultation):
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    text = page.get_text(" ")
    assert "5 from 4 respondents" in text
    tables = {t.select_one("caption").get_text(strip=True): t for t in page.select("table")}
    method_rows = [
        [c.get_text(strip=True) for c in r.select("td, th")]
        for r in tables["Who was invited, by method"].select("tbody tr")
    ]
    assert method_rows == [["Email", "2"], ["Letter", "1"]]
    type_rows = [
        [c.get_text(strip=True) for c in r.select("td, th")] for r in tables["Respondents by type"].select("tbody tr")
    ]
    assert ["Councils", "1", "2"] in type_rows
    assert ["Statutory bodies", "1", "1"] in type_rows
    assert ["Developers, landowners and agents", "1", "1"] in type_rows
    assert ["Residents", "1", "1"] in type_rows


def test_page_with_an_unknown_consultation_says_so(viewer_client):
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation="999999")
    assert "No consultation or plan matches" in page.get_text(" ")
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation="not-a-number")
    assert "No consultation or plan matches" in page.get_text(" ")


def test_plan_without_consultations_says_there_is_nothing(viewer_client):
    create_plan("empty-plan")
    page = get_page(viewer_client, "evidence.consultation_statement.show", plan="empty-plan")
    assert "has no consultations yet" in page.get_text(" ")


def test_xlsx_rows_match_the_database(viewer_client, consultation):
    response = viewer_client.get(f"/evidence/consultation-statement.xlsx?consultation={consultation.id}")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    by_channel = list(workbook["By channel"].iter_rows(values_only=True))
    assert by_channel == [
        ("Channel", "Representations"),
        ("Online", db.session.scalar(select(func.count(Representation.id)))),
    ]
    by_part = list(workbook["By part"].iter_rows(values_only=True))
    assert ("Policy SP1: Spatial strategy", 1, 2, 0, 3) in by_part
    assert ("The plan as a whole", 0, 1, 0, 1) in by_part
    late = [row[0] for row in workbook["Late"].iter_rows(min_row=2, values_only=True)]
    assert late == [
        r.reference for r in db.session.scalars(select(Representation).where(Representation.late.is_(True)))
    ]
    withdrawn = [row[0] for row in workbook["Withdrawn"].iter_rows(min_row=2, values_only=True)]
    assert len(withdrawn) == 1
    invited = list(workbook["Invited"].iter_rows(min_row=2, values_only=True))
    assert len(invited) == db.session.scalar(select(func.count(Invitation.id)))


def test_docx_has_headings_and_main_issues(viewer_client, consultation):
    representation = db.session.scalar(select(Representation).where(Representation.nature == "support"))
    db.session.add(
        MainIssue(
            consultation_id=consultation.id,
            title="Flood risk",
            council_response="Policy amended",
            representations=[representation],
        )
    )
    db.session.commit()
    response = viewer_client.get(f"/evidence/consultation-statement.docx?consultation={consultation.id}")
    document = docx.Document(io.BytesIO(response.data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Who was invited, by method" in headings
    assert "Main issues raised and how they were taken into account" in headings
    issues_table = document.tables[-1]
    assert [c.text for c in issues_table.rows[1].cells] == [
        "Flood risk",
        representation.reference,
        "Policy amended",
        "",
    ]


def test_docx_and_xlsx_for_a_plan_without_consultations_are_valid(viewer_client):
    create_plan("empty-plan")
    response = viewer_client.get("/evidence/consultation-statement.xlsx?plan=empty-plan")
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert list(workbook["Main issues"].iter_rows(min_row=2, values_only=True)) == [
        ("No main issues have been recorded yet.", None, None, None)
    ]
    response = viewer_client.get("/evidence/consultation-statement.docx?plan=empty-plan")
    assert "Statement of consultation" in docx.Document(io.BytesIO(response.data)).paragraphs[0].text


def test_download_without_a_scope_redirects_with_a_message(viewer_client):
    response = viewer_client.get("/evidence/consultation-statement.docx")
    assert response.status_code == 302


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
