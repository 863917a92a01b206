"""The body × strategic matter matrix as CSV, XLSX and DOCX with the page's filters, and the page's cells linking
to the held engagements behind them."""

import csv
import io
from datetime import date
from urllib.parse import parse_qs, urlsplit

import docx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from engage.evidence.dtc import rows as dtc
from engage.extensions import db
from engage.models import AuditEvent
from tests.evidence.dtc import dtc_data
from tests.pages import get_page


@pytest.fixture
def record():
    return dtc_data.build()


def _csv(response) -> list[list[str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_is_the_grid_with_dates_in_iso_form(officer_client, record):
    response = officer_client.get("/evidence/dtc-matrix.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "bodies-and-strategic-matters-" in response.headers["Content-Disposition"]
    table = _csv(response)
    head = table[0]
    assert head[:2] == ["Body", "Body category"] and head[-1] == "Gaps" and "Green Belt" in head
    row = next(r for r in table[1:] if r[0] == "Environment Agency")
    assert row[head.index("Housing need and distribution (including unmet need)")] == "Agreed, 2026-03-10"
    assert row[head.index("Green Belt")] == "Gap: never engaged"
    neighbour = next(r for r in table[1:] if r[0] == "Central Bedfordshire Council")
    late = neighbour[head.index("Housing need and distribution (including unmet need)")]
    assert late == "Ongoing, 2027-07-02 (only after submission)"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "dtc_matrix")) is not None


def test_files_take_the_pages_filters(officer_client, record):
    table = _csv(officer_client.get("/evidence/dtc-matrix.csv?matter=green-belt"))
    assert table[0] == ["Body", "Body category", "Green Belt", "Gaps"]
    assert "Rob Resident" not in [row[0] for row in table[1:]]
    table = _csv(officer_client.get("/evidence/dtc-matrix.csv?scope=all"))
    assert "Rob Resident" in [row[0] for row in table[1:]]
    table = _csv(officer_client.get("/evidence/dtc-matrix.csv?from=2027-01-01&to=2026-01-01"))
    assert table == [["Body", "Body category", "Gaps"]]  # the dates are not valid: nothing to show


def test_xlsx_has_the_grid_and_the_cells_with_real_dates(officer_client, record):
    response = officer_client.get("/evidence/dtc-matrix.xlsx?matter=housing-need")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["About", "Matrix", "Cells"]
    about = " ".join(str(c.value) for row in workbook["About"].iter_rows() for c in row if c.value)
    assert "Strategic matter: Housing need" in about
    grid = workbook["Matrix"]
    assert [c.value for c in grid[1]] == [
        "Body",
        "Body category",
        "Housing need and distribution (including unmet need)",
        "Gaps",
    ]
    cells = workbook["Cells"]
    rows = {row[0].value: row for row in cells.iter_rows(min_row=2)}
    agency = rows["Environment Agency"]
    assert agency[3].value == "Agreed" and agency[5].value == 1
    assert agency[4].value.date() == date(2026, 3, 10) and agency[4].is_date
    assert rows["Central Bedfordshire Council"][7].value == "Yes"


def test_docx_lists_each_cell_in_words(officer_client, record):
    response = officer_client.get("/evidence/dtc-matrix.docx")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.data))
    assert document.core_properties.title == "Bodies and strategic matters"
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells][:4] == [
        "Body",
        "Body category",
        "Strategic matter",
        "Latest agreement status",
    ]
    lines = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert ["Environment Agency", "Green Belt", "Gap: never engaged"] in [[line[0], *line[2:4]] for line in lines]
    assert any(line[4] == "10 March 2026" for line in lines)


def test_a_docx_with_nothing_in_it_says_why(officer_client, record):
    response = officer_client.get("/evidence/dtc-matrix.docx?body=999999")
    document = docx.Document(io.BytesIO(response.data))
    assert "No bodies match these filters" in "\n".join(p.text for p in document.paragraphs)


def test_each_engaged_cell_links_to_the_held_engagements_behind_it(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.matrix", level="senior-officer")
    links = {a["href"] for a in page.select("table tbody td a")}
    assert links
    for href in links:
        args = {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}
        assert urlsplit(href).path == "/evidence/dtc-table" and args["level"] == "senior-officer"
        body, matter = int(args["body"]), args["matter"]
        rows = list(dtc.dtc_rows(dtc.DtcFilters.from_args(args)))
        assert rows and all(row.body_id == body and matter in row.matters for row in rows)
    downloads = [a["href"] for a in page.select("a") if "/evidence/dtc-matrix." in a["href"]]
    assert len(downloads) == 3 and all("level=senior-officer" in href for href in downloads)


def test_a_cells_link_finds_as_many_rows_as_the_cell_counts(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.matrix")
    row = next(tr for tr in page.select("table tbody tr") if "Environment Agency" in tr.th.get_text())
    link = next(a for a in row.select("td a") if "matter=housing-need" in a["href"])
    assert "1 held engagement with Environment Agency" in link.get_text(" ", strip=True)
    args = {key: values[0] for key, values in parse_qs(urlsplit(link["href"]).query).items()}
    assert dtc.count_rows(dtc.DtcFilters.from_args(args)) == 1
