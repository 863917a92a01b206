"""The body × strategic matter matrix (engage.evidence.dtc.matrix) as CSV, XLSX and DOCX files.

- CSV: the grid as on the page, one row per body and one column per matter; each cell says the latest agreement
  (or "Engaged", or "Gap") with the date of the last held engagement, as YYYY-MM-DD.
- XLSX: the grid on a sheet "Matrix", and the same cells one per row on a sheet "Cells" with the last date as a
  real date and the number of held engagements as a number, after a sheet saying what the file holds.
- DOCX: the cells one per row, body by body (a grid of sixteen matters does not fit a page), after the filters
  and the generation date.
A cell with nothing in it (no held engagement, not a gap) is left out of the "Cells" lists.
"""

import csv
import io
from datetime import date

from engage.common import office
from engage.common.dates import format_date
from engage.evidence.dtc.matrix import Cell, Matrix
from engage.models import utcnow
from engage.plans import queries as plans
from engage.stakeholders.exports import neutralise
from engage.vocab import Agreement

GAP = "Gap: never engaged"
CELL_HEAD = [
    "Body",
    "Body category",
    "Strategic matter",
    "Latest agreement status",
    "Last held engagement",
    "Held engagements",
    "Gap",
    "Only after submission",
]
CELL_WIDTHS = [30, 24, 34, 22, 14, 11, 7, 12]


def status_text(cell: Cell) -> str:
    if cell.engagements:
        return Agreement.label_of(cell.agreement) if cell.agreement else "Engaged"
    return GAP if cell.gap else ""


def grid_text(cell: Cell, day_text=format_date) -> str:
    """A cell in one line: "Agreed, 10 March 2026", "Gap: never engaged", or "" when there is nothing."""
    text = status_text(cell)
    if cell.last_date:
        text = f"{text}, {day_text(cell.last_date)}"
    if cell.only_after_submission:
        text = f"{text} (only after submission)"
    return text


def grid_head(grid: Matrix) -> list[str]:
    return ["Body", "Body category", *(matter.name for matter in grid.matters), "Gaps"]


def grid_rows(grid: Matrix, day_text=format_date) -> list[list]:
    return [
        [body.name, body.category, *(grid_text(body.cells[m.id], day_text) for m in grid.matters), body.gaps]
        for body in grid.bodies
    ]


def cell_rows(grid: Matrix) -> list[list]:
    """One row per body and matter that has a held engagement or a gap."""
    rows = []
    for body in grid.bodies:
        for matter in grid.matters:
            cell = body.cells[matter.id]
            if not (cell.engagements or cell.gap):
                continue
            rows.append(
                [
                    body.name,
                    body.category,
                    matter.name,
                    status_text(cell),
                    cell.last_date,
                    cell.engagements,
                    "Yes" if cell.gap else "No",
                    "Yes" if cell.only_after_submission else "No",
                ]
            )
    return rows


def csv_text(grid: Matrix) -> str:
    """A UTF-8 CSV with a byte order mark (so Excel reads it right); cells that could be formulas neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(grid_head(grid))
    for row in grid_rows(grid, date.isoformat):
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue()


def _tables(grid: Matrix, empty: str) -> tuple[office.Table, office.Table]:
    matrix = office.Table(
        "Matrix",
        "Bodies and strategic matters",
        grid_head(grid),
        grid_rows(grid),
        empty,
        [30, 24, *(18 for _ in grid.matters), 6],
    )
    cells = office.Table("Cells", "Status by body and matter", CELL_HEAD, cell_rows(grid), empty, CELL_WIDTHS)
    return matrix, cells


def xlsx_bytes(grid: Matrix, title: str, notes: list[str], empty: str) -> bytes:
    return office.xlsx_bytes(title, notes, list(_tables(grid, empty)))


def docx_bytes(grid: Matrix, title: str, notes: list[str], empty: str) -> bytes:
    document = office.new_document(title, office.Masthead.of_owner(plans.owner()), utcnow(), landscape=True)
    office.add_notes(document, "About this matrix", notes)
    _, cells = _tables(grid, empty)
    cells.rows = [[*row[:4], format_date(row[4]) if row[4] else "", *row[5:]] for row in cells.rows]
    office.add_table(document, cells)
    return office.docx_bytes(document)
