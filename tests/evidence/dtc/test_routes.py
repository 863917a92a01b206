"""The co-operation table page and its CSV, XLSX and DOCX files, checked against the database."""

import csv
import io
from datetime import datetime

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook
from sqlalchemy import select

from engage.auth.services import create_token
from engage.evidence.dtc import rows as dtc
from engage.extensions import db
from engage.models import AuditEvent
from tests import office_checks
from tests.evidence.dtc import dtc_data
from tests.factories import create_user
from tests.pages import get_page, parse

HEADINGS = [heading for _, heading in dtc.COLUMNS]
BAD_PERIOD = {"from": "2027-01-01", "to": "2026-01-01"}


@pytest.fixture
def record():
    return dtc_data.build()


def expected_refs(**args):
    return [row.ref for row in dtc.dtc_rows(dtc.DtcFilters.from_args(args))]


def test_page_lists_rows_with_links_to_their_records(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.table")
    assert [th.get_text(strip=True) for th in page.select("table thead th")] == HEADINGS
    body_rows = page.select("table tbody tr")
    assert [row.th.get_text(strip=True) for row in body_rows] == expected_refs()
    assert body_rows[0].th.a["href"] == f"/engagements/{record.first.id}"
    assert "After submission" in body_rows[-1].get_text()
    assert page.select_one("#results").get_text(strip=True) == "4 rows"


def test_page_filters_and_keeps_the_choices(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.table", register="neighbouring-authorities", scope="all")
    assert [row.th.get_text(strip=True) for row in page.select("table tbody tr")] == [
        f"E{record.later.id}-S{record.neighbour.id}"
    ]
    assert page.select_one("#register option[selected]")["value"] == "neighbouring-authorities"
    assert page.select_one("input[name=scope][value=all]").has_attr("checked")
    csv_link = page.find("a", string="CSV file")["href"]
    assert "register=neighbouring-authorities" in csv_link and "scope=all" in csv_link


def test_end_before_start_shows_the_error_next_to_the_date_and_an_empty_table(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.table", **BAD_PERIOD)
    assert page.title.get_text().startswith("Error: ")
    assert "End date must be the same as or after the start date" in page.select_one("#to-error").get_text()
    assert page.select_one(".govuk-error-summary a")["href"] == "#to"
    assert page.select_one("#to")["value"] == "2026-01-01"
    assert page.select("table") == []
    assert "end date is before the start date" in page.select_one(".govuk-inset-text").get_text()


def test_filters_that_match_nothing_say_so(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.table", matter="minerals-and-waste")
    assert page.select("table") == []
    assert "No co-operation activity matches these filters" in page.select_one(".govuk-inset-text").get_text()


def test_an_empty_period_is_not_an_error(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.table", **{"from": "2030-01-01", "to": "2030-12-31"})
    assert not page.title.get_text().startswith("Error")
    assert page.select_one(".govuk-inset-text")


def test_viewers_may_see_it_and_strangers_are_sent_to_sign_in(viewer_client, client, record):
    assert viewer_client.get("/evidence/dtc-table").status_code == 200
    response = client.get("/evidence/dtc-table.csv")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_csv_has_the_headings_and_the_rows(officer_client, record):
    response = officer_client.get("/evidence/dtc-table.csv?scope=all")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.is_streamed
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert table[0] == [*HEADINGS, "After submission"]
    assert [line[0] for line in table[1:]] == expected_refs(scope="all")
    first = table[1]
    assert first[1] == "2026-03-10"
    assert first[4] == "Housing need and distribution (including unmet need); Water quality and flood risk"
    assert first[11] == "Send SFRA draft (DBC, due 1 April 2026, open)"
    assert table[-1][-1] == "Yes"


def test_csv_neutralises_formulas(officer_client, record):
    record.first.summary = '=HYPERLINK("http://evil")'
    db.session.commit()
    table = list(csv.reader(io.StringIO(officer_client.get("/evidence/dtc-table.csv").get_data(as_text=True))))
    assert table[1][9] == '\'=HYPERLINK("http://evil")'


def test_xlsx_is_formatted_and_matches_the_database(officer_client, record):
    response = officer_client.get("/evidence/dtc-table.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.data))
    sheet = workbook["Co-operation"]
    assert [cell.value for cell in sheet[1]] == [*HEADINGS, "After submission"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:P5"
    assert [sheet.cell(row=n, column=1).value for n in range(2, 6)] == expected_refs()
    assert sheet["B2"].value == datetime(2026, 3, 10)
    assert sheet["B2"].number_format == "dd/mm/yyyy"
    assert sheet["J2"].alignment.wrap_text
    assert sheet.column_dimensions["J"].width > sheet.column_dimensions["B"].width
    assert sheet["C2"].value == "Environment Agency"
    assert "Who: Co-operation bodies" in " ".join(str(c.value) for c in workbook["About"]["A"])


def test_docx_is_a_landscape_table_with_title_filters_and_rows(officer_client, record):
    response = officer_client.get("/evidence/dtc-table.docx?matter=housing-need")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert (document.paragraphs[0].style.name, document.paragraphs[0].text) == ("Title", "Co-operation activity table")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Strategic matter: Housing need and distribution (including unmet need)" in text
    assert "Generated on" in text
    table = document.tables[0]
    narrower = {"Body category": "Category", "Examination library reference": "Library ref."}
    assert [cell.text for cell in table.rows[0].cells] == [*(narrower.get(h, h) for h in HEADINGS), "After submission"]
    assert [row.cells[0].text for row in table.rows[1:]] == expected_refs(matter="housing-need")
    assert table.rows[1].cells[1].text == "10 March 2026"
    assert [table.rows[2].cells[5].text, table.rows[2].cells[-1].text] == ["Submission", "Yes"]


def test_markup_line_breaks_and_control_characters_are_written_safely(officer_client, record):
    record.first.summary = "Costs < £5m & > £2m\nSecond line\x0b"
    record.first.influence_on_plan = "Plain text, as it is"
    db.session.commit()
    sheet = load_workbook(io.BytesIO(officer_client.get("/evidence/dtc-table.xlsx").data))["Co-operation"]
    assert sheet["J2"].value == "Costs < £5m & > £2m\nSecond line"
    assert sheet["M2"].value == "Plain text, as it is"
    cells = Document(io.BytesIO(officer_client.get("/evidence/dtc-table.docx").data)).tables[0].rows[1].cells
    assert cells[9].text == "Costs < £5m & > £2m\nSecond line"
    assert cells[12].text == "Plain text, as it is"


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "docx"])
def test_empty_files_are_valid_with_headers(officer_client, record, file_format):
    response = officer_client.get(f"/evidence/dtc-table.{file_format}", query_string=BAD_PERIOD)
    assert response.status_code == 200
    if file_format == "csv":
        assert response.get_data(as_text=True).lstrip("\ufeff").strip() == ",".join(HEADINGS) + ",After submission"
    elif file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(response.data))["Co-operation"]
        assert sheet.max_row == 1 and sheet["A1"].value == "Ref"
    else:
        document = Document(io.BytesIO(response.data))
        assert len(document.tables[0].rows) == 1
        assert any("end date is before the start date" in p.text for p in document.paragraphs)


def test_files_accept_a_bearer_token_and_are_audited(client, record):
    token = create_token(create_user(role="viewer"), "tests")
    response = client.get("/evidence/dtc-table.xlsx", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "dtc_table")).one()
    assert event.changes["rows"] == 4 and event.changes["format"] == "xlsx"


def test_index_links_to_the_table_and_matrix(officer_client):
    page = parse(officer_client.get("/evidence/"))
    links = [a["href"] for a in page.select("main a")]
    assert "/evidence/dtc-table" in links and "/evidence/dtc-matrix" in links
    nav = [a.get_text(strip=True) for a in page.select(".govuk-service-navigation a")]
    assert "Evidence" in nav


def test_docx_is_laid_out_like_a_council_document_and_xlsx_prints(officer_client, record):
    document = office_checks.word(officer_client.get("/evidence/dtc-table.docx").data)
    office_checks.assert_council_document(document)
    office_checks.assert_titled(document, partners=False)
    assert office_checks.headings(document, 1) == ["About this table", "Co-operation activity"]
    links = document.tables[0]._tbl.xpath(".//w:fldSimple/@w:instr")
    assert links and all(link.startswith(' HYPERLINK "http') for link in links)  # the evidence links
    office_checks.assert_printable(officer_client.get("/evidence/dtc-table.xlsx").data)
