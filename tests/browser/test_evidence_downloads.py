"""An officer opens the co-operation table from the navigation, filters it, downloads it as CSV, XLSX and DOCX
(each file opened and checked), sees the matrix, and every page passes axe."""

import csv
import io

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import Plan
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in
from tests.evidence.dtc import dtc_data

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def record(live_app):
    """The co-operation record added once to the live server's demo database (on the demo plan)."""
    with live_app.app_context():
        plan = db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp"))
        built = dtc_data.build(plan)
        refs = {"first": f"E{built.first.id}-S{built.ea.id}", "later": f"E{built.later.id}-S{built.neighbour.id}"}
        db.session.remove()
    return refs


def download(page, link_text: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_text).click()
    path = info.value.path()
    with open(path, "rb") as file:
        return file.read()


def test_officer_downloads_the_co_operation_table_in_every_format(page, record):
    sign_in(page)
    page.get_by_role("navigation").get_by_role("link", name="Evidence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence")
    assert_accessible(page, "evidence-index")

    page.get_by_role("link", name="Co-operation activity table").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Co-operation activity table")
    rows = page.locator("table tbody tr")
    expect(rows.filter(has_text=record["first"])).to_have_count(1)
    screenshot(page, "evidence-dtc-table")
    assert_accessible(page, "evidence-dtc-table")

    page.get_by_label("Strategic matter").select_option("housing-need")
    page.get_by_role("button", name="Apply filters").click()
    expect(rows.filter(has_text=record["later"])).to_have_count(1)
    shown = rows.count()
    ours = [record["first"], record["later"]]

    def our_refs(refs: list[str]) -> list[str]:
        """The test's own rows, in file order (the demo data adds co-operation rows of its own)."""
        assert len(refs) == shown, "the file has the rows the page shows"
        return [ref for ref in refs if ref in ours]

    table = list(csv.reader(io.StringIO(download(page, "CSV file").decode("utf-8-sig"))))
    assert table[0][:3] == ["Ref", "Date", "Body"]
    assert our_refs([line[0] for line in table[1:]]) == ours

    sheet = load_workbook(io.BytesIO(download(page, "Excel spreadsheet (XLSX)")))["Co-operation"]
    assert our_refs([sheet.cell(row=n, column=1).value for n in range(2, sheet.max_row + 1)]) == ours
    assert sheet.freeze_panes == "A2"

    document = Document(io.BytesIO(download(page, "Word document (DOCX)")))
    assert document.paragraphs[0].text == "Co-operation activity table"
    assert our_refs([row.cells[0].text for row in document.tables[0].rows[1:]]) == ours


def test_end_before_start_is_explained_next_to_the_date(page, record):
    sign_in(page)
    page.goto("/evidence/dtc-table?from=2027-01-01&to=2026-01-01")
    assert page.title().startswith("Error: ")
    expect(page.locator("#to-error")).to_contain_text("End date must be the same as or after the start date")
    expect(page.locator("table")).to_have_count(0)
    assert_accessible(page, "evidence-dtc-table-error")


def test_matrix_shows_gaps_and_late_engagement(page, record):
    sign_in(page)
    page.goto("/evidence/dtc-matrix")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bodies and strategic matters")
    expect(page.locator("table")).to_contain_text("Only after submission")
    screenshot(page, "evidence-dtc-matrix")
    assert_accessible(page, "evidence-dtc-matrix")


def test_matrix_downloads_and_its_cells_open_the_engagements(page, record):
    sign_in(page)
    page.goto("/evidence/dtc-matrix")
    table = list(csv.reader(io.StringIO(download(page, "CSV file").decode("utf-8-sig"))))
    assert table[0][:2] == ["Body", "Body category"] and table[0][-1] == "Gaps"
    workbook = load_workbook(io.BytesIO(download(page, "Excel spreadsheet (XLSX)")))
    assert workbook.sheetnames == ["About", "Matrix", "Cells"]
    assert Document(io.BytesIO(download(page, "Word document (DOCX)"))).tables
    page.locator("table tbody td a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Co-operation activity table")
    assert "matter=" in page.url and "body=" in page.url and "source=engagements" in page.url


def test_chronology_of_a_matter_is_accessible_and_downloads(page, record):
    sign_in(page)
    page.goto("/evidence/")
    page.get_by_role("link", name="Chronology by strategic matter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chronology by strategic matter")
    assert_accessible(page, "evidence-chronology-index")
    page.get_by_role("link", name="Housing need and distribution (including unmet need)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing need and distribution (including unmet need)")
    expect(page.locator("main")).to_contain_text("Bodies first engaged")
    screenshot(page, "evidence-chronology-matter")
    assert_accessible(page, "evidence-chronology-matter")
    document = Document(io.BytesIO(download(page, "Download this chronology as a Word document (DOCX)")))
    assert len(document.tables) >= 2
