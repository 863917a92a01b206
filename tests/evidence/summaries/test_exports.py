"""Engagement summaries as XLSX and DOCX, opened with openpyxl and python-docx and checked against the database."""

import io
from datetime import UTC, date, datetime

import docx
import openpyxl
import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Action, Engagement, Invitation, Representation, Respondent
from tests import office_checks
from tests.evidence.summaries.test_summaries import PERIOD, _engagement
from tests.factories import create_authority, create_consultation, create_stakeholder
from tests.pages import get_page

QUERY = "from=2026-01-01&to=2026-06-30"


def _workbook(response) -> openpyxl.Workbook:
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return openpyxl.load_workbook(io.BytesIO(response.data))


def _document(response):
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return docx.Document(io.BytesIO(response.data))


def _formatted(sheet, rows: int) -> None:
    """A frozen, filtered header row over every row, with widths set."""
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{rows + 1}"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width > 8


@pytest.fixture
def watford_year():
    watford = create_authority()
    dacorum = create_authority("DBC", "Dacorum Borough Council")
    agency = create_stakeholder(kind="organisation", organisation="Environment Agency")
    actions = [Action(description="=Send figures", owner_authority=watford, status="open", due_on=date(2026, 2, 1))]
    _engagement(
        "Flood risk",
        datetime(2026, 3, 5, 10, tzinfo=UTC),
        [agency],
        watford,
        "agreed",
        ["water-and-flood-risk"],
        actions,
    )
    _engagement("Green Belt", datetime(2026, 1, 7, 10, tzinfo=UTC), [agency], watford, "ongoing", ["green-belt"])
    _engagement("Not theirs", datetime(2026, 2, 7, 10, tzinfo=UTC), [agency], dacorum)
    _engagement("Too old", datetime(2025, 2, 7, 10, tzinfo=UTC), [agency], watford)
    return watford, agency


def test_authority_xlsx_holds_its_engagements_and_actions_as_the_database_has_them(viewer_client, watford_year):
    watford, _agency = watford_year
    workbook = _workbook(viewer_client.get(f"/evidence/summaries/authorities/wbc.xlsx?{QUERY}"))
    assert workbook.sheetnames == ["About", "Engagements led", "Actions it owns"]
    about = [row[0] for row in workbook["About"].iter_rows(values_only=True)]
    assert about[0] == "Engagement summary: Watford Borough Council"
    assert "Period: 1 January 2026 to 30 June 2026 (both days included)" in about
    assert any(line.startswith("Generated on ") for line in about)
    sheet = workbook["Engagements led"]
    expected = db.session.scalars(
        select(Engagement)
        .where(Engagement.lead_authority_id == watford.id, Engagement.starts_at >= datetime(2026, 1, 1, tzinfo=UTC))
        .order_by(Engagement.starts_at)
    ).all()
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0].date(), row[1]) for row in rows] == [(e.local_date, e.title) for e in expected]
    assert sheet["A2"].number_format == "dd/mm/yyyy"
    assert sheet["B2"].alignment.wrap_text and sheet["F2"].alignment.vertical == "top"
    assert rows[1][2] == "Held"
    assert rows[1][6:10] == ("Environment Agency", "Water quality and flood risk", None, "Agreed")
    _formatted(sheet, len(expected))
    actions = list(workbook["Actions it owns"].iter_rows(min_row=2, values_only=True))
    assert actions == [("=Send figures", datetime(2026, 2, 1), "Open", "Yes", "Flood risk", datetime(2026, 3, 5))]
    assert workbook["Actions it owns"]["A2"].data_type == "s"  # text, never a formula


def test_authority_docx_has_title_period_date_headings_and_tables(viewer_client, watford_year):
    document = _document(viewer_client.get(f"/evidence/summaries/authorities/WBC.docx?{QUERY}"))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Engagement summary: Watford Borough Council"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["About this summary", "Engagements led (2)", "Actions it owns (1)"]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Period: 1 January 2026 to 30 June 2026 (both days included)" in bullets
    assert any(p.text.startswith("Generated on ") for p in document.paragraphs[:4])  # in the title block
    engagements, actions = document.tables
    assert [c.text for c in engagements.rows[0].cells][:2] == ["Date", "Engagement"]
    assert [[c.text for c in row.cells][:2] for row in engagements.rows[1:]] == [
        ["7 January 2026", "Green Belt"],
        ["5 March 2026", "Flood risk"],
    ]
    assert [c.text for c in actions.rows[1].cells] == [
        "=Send figures",
        "1 February 2026",
        "Open",
        "Yes",
        "Flood risk",
        "5 March 2026",
    ]


def test_stakeholder_files_match_the_page_and_the_database(viewer_client, watford_year):
    _watford, agency = watford_year
    consultation = create_consultation(
        opens_at=datetime(2026, 4, 1, 9, tzinfo=UTC), closes_at=datetime(2026, 5, 1, 9, tzinfo=UTC)
    )
    db.session.add(
        Invitation(
            consultation_id=consultation.id, stakeholder_id=agency.id, created_at=datetime(2026, 3, 30, tzinfo=UTC)
        )
    )
    respondent = Respondent(consultation_id=consultation.id, stakeholder_id=agency.id, organisation="EA")
    respondent.representations = [
        Representation(consultation_id=consultation.id, nature="object", received_at=datetime(2026, 4, 10, tzinfo=UTC))
    ]
    db.session.add(respondent)
    db.session.commit()
    workbook = _workbook(viewer_client.get(f"/evidence/summaries/stakeholders/{agency.id}.xlsx?{QUERY}"))
    assert workbook.sheetnames == ["About", "By strategic matter", "Everything"]
    everything = list(workbook["Everything"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1].date(), row[2]) for row in everything] == [
        ("Engagement", date(2026, 1, 7), "E" + str(_id("Green Belt"))),
        ("Engagement", date(2026, 2, 7), "E" + str(_id("Not theirs"))),
        ("Engagement", date(2026, 3, 5), "E" + str(_id("Flood risk"))),
        ("Invitation", date(2026, 3, 30), f"I{db.session.scalar(select(Invitation.id))}"),
        ("Representation", date(2026, 4, 10), respondent.representations[0].reference),
    ]
    assert everything[3][5:] == ("Email", "Pending", "No") and everything[4][5] == "Object"  # labels, not codes
    _formatted(workbook["Everything"], 5)
    matters = list(workbook["By strategic matter"].iter_rows(min_row=2, values_only=True))
    assert matters == [
        ("Green Belt", "Ongoing", datetime(2026, 1, 7)),
        ("Water quality and flood risk", "Agreed", datetime(2026, 3, 5)),
    ]
    document = _document(viewer_client.get(f"/evidence/summaries/stakeholders/{agency.id}.docx?{QUERY}"))
    assert document.paragraphs[0].text == "Engagement summary: Environment Agency"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert {"Engagements: 3", "Consultation invitations: 1", "Representations: 1"} <= set(bullets)
    assert len(document.tables[1].rows) == 6  # header and five rows


def _id(title: str) -> int:
    return db.session.scalar(select(Engagement.id).where(Engagement.title == title))


@pytest.mark.parametrize("file_format", ["xlsx", "docx"])
def test_a_reversed_period_gives_a_valid_empty_file(viewer_client, watford_year, file_format):
    _watford, agency = watford_year
    for url in (
        f"/evidence/summaries/authorities/WBC.{file_format}",
        f"/evidence/summaries/stakeholders/{agency.id}.{file_format}",
    ):
        response = viewer_client.get(url + "?from=2026-06-01&to=2026-01-01")
        if file_format == "xlsx":
            workbook = _workbook(response)
            assert workbook.sheetnames == ["About"]
            assert "not valid" in workbook["About"]["A2"].value
        else:
            document = _document(response)
            assert not document.tables
            assert any("not valid" in p.text for p in document.paragraphs)


def test_an_empty_period_gives_headers_and_the_reason(viewer_client, watford_year):
    workbook = _workbook(viewer_client.get("/evidence/summaries/authorities/WBC.xlsx?from=2020-01-01&to=2020-02-01"))
    rows = list(workbook["Engagements led"].iter_rows(values_only=True))
    assert rows[0][0] == "Date" and rows[1][0] == "Watford Borough Council led no engagements in this period."
    document = _document(viewer_client.get("/evidence/summaries/authorities/WBC.docx?from=2020-01-01&to=2020-02-01"))
    assert "Watford Borough Council led no engagements in this period." in [p.text for p in document.paragraphs]


def test_summary_pages_link_to_every_format_with_the_period(viewer_client, watford_year):
    _watford, agency = watford_year
    for endpoint, kwargs in (
        ("authority", {"code": "WBC"}),
        ("stakeholder", {"stakeholder_id": agency.id}),
    ):
        page = get_page(viewer_client, f"evidence.summaries.{endpoint}", **kwargs, **PERIOD)
        links = {
            a["href"].split("?")[0].rsplit(".", 1)[-1]: a["href"]
            for a in page.select("a[href*='?from=']")
            if "/summaries/" in a["href"] and "." in a["href"].split("?")[0][-5:]
        }
        assert set(links) == {"csv", "xlsx", "docx"}
        for href in links.values():
            assert "from=2026-01-01" in href and "to=2026-06-30" in href
            assert viewer_client.get(href).status_code == 200


def test_unknown_authority_or_stakeholder_file_is_404(viewer_client):
    assert viewer_client.get("/evidence/summaries/authorities/NOPE.xlsx").status_code == 404
    assert viewer_client.get("/evidence/summaries/stakeholders/999999.docx").status_code == 404
    assert viewer_client.get("/evidence/summaries/stakeholders/1.pdf").status_code == 404


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_summary_files_are_laid_out_for_print(viewer_client, watford_year, file_format):
    watford, agency = watford_year
    for url in (
        f"/evidence/summaries/authorities/WBC.{file_format}",
        f"/evidence/summaries/stakeholders/{agency.id}.{file_format}",
    ):
        data = viewer_client.get(f"{url}?{QUERY}").data
        if file_format == "xlsx":
            office_checks.assert_printable(data)
            continue
        document = office_checks.word(data)
        office_checks.assert_council_document(document)
        office_checks.assert_titled(document, partners=False)
    engagements = office_checks.word(viewer_client.get(f"/evidence/summaries/authorities/WBC.docx?{QUERY}").data)
    assert engagements.tables[0].rows[0].cells[-1].text == "After submission"
