"""Excel and Word writers shared by the smaller evidence files (engagement summaries, the statement of consultation).

Each file is a list of `Table`s. In Excel each table is a sheet with a frozen, filtered header row, set widths,
wrapped text and real dates, plus a sheet saying what the file holds; in Word each table has a heading, and the
document opens with a title, what it covers and when it was made. Text is always written as text, so a cell that
starts with "=" never becomes a formula. (The co-operation table, which can run to 100,000 rows, has its own
streaming writers in dtc_exports.)
"""

import io
import tempfile
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, TYPE_CHECKING

from engage.common import xlsx_rows
from engage.common.dates import LONDON, format_date, format_datetime

if TYPE_CHECKING:
    import docx.document

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE_ROWS = 200
NOT_XML = xlsx_rows.NOT_XML  # pasted text can hold these control characters; XML cannot


@dataclass
class Table:
    sheet: str  # the worksheet's name (Excel allows 31 characters)
    title: str  # the heading above it in Word
    head: list[str]
    rows: list[list]
    empty: str  # said instead of the rows when there are none
    widths: list[int] = field(default_factory=list)  # characters per column; worked out from the text when empty


def generated_note(now: datetime) -> str:
    return f"Generated on {format_datetime(now)}"


def _width(table: Table, column: int) -> int:
    if table.widths:
        return table.widths[column]
    longest = len(table.head[column])
    for row in table.rows[:WIDTH_SAMPLE_ROWS]:
        value = row[column]
        text = format_date(value) if isinstance(value, date) else str(value if value is not None else "")
        longest = max(longest, *(len(line) for line in text.split("\n")))
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


class _Formats:
    def __init__(self, workbook):
        self.header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE3EA"})
        self.text = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.day = workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
        self.moment = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm", "valign": "top"})
        self.number = workbook.add_format({"valign": "top"})


def _write_cell(sheet, row: int, column: int, value, formats: _Formats) -> None:
    if isinstance(value, bool):
        sheet.write_string(row, column, "Yes" if value else "No", formats.text)
    elif isinstance(value, datetime):
        local = value.astimezone(LONDON) if value.tzinfo else value
        sheet.write_datetime(row, column, local.replace(tzinfo=None), formats.moment)
    elif isinstance(value, date):
        sheet.write_datetime(row, column, value, formats.day)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value, formats.number)
    elif value:
        sheet.write_string(row, column, NOT_XML.sub("", str(value)), formats.text)


def _sheet(workbook, table: Table, formats: _Formats, number: int) -> xlsx_rows.Streamed | None:
    """A list of rows is written cell by cell; any other iterable (with four columns or more) is streamed into
    the sheet after the workbook is laid out (see xlsx_rows), and returned to be."""
    sheet = workbook.add_worksheet(table.sheet[:31])
    for column in range(len(table.head)):
        sheet.set_column(column, column, _width(table, column), formats.text)
    sheet.write_row(0, 0, table.head, formats.header)
    sheet.freeze_panes(1, 0)
    if not isinstance(table.rows, list) and len(table.head) >= 4:
        xlsx_rows.write_placeholder(sheet, formats)
        sheet.autofilter(0, 0, 1, len(table.head) - 1)
        return xlsx_rows.Streamed(number, len(table.head), table.rows, table.empty)
    count = 0
    for count, row in enumerate(table.rows, start=1):  # noqa: B007 (count is the number of rows afterwards)
        for column, value in enumerate(row):
            _write_cell(sheet, count, column, value, formats)
    if not count:
        sheet.write_string(1, 0, table.empty, formats.text)
    sheet.autofilter(0, 0, max(count, 1), len(table.head) - 1)
    return None


def xlsx_bytes(title: str, notes: list[str], tables: list[Table], about_sheet: str = "About") -> bytes:
    """A workbook: the `about_sheet` first (title and notes), then one sheet per table. XlsxWriter's
    constant-memory mode puts each row in a temporary file as it is written, so long tables stay cheap."""
    import xlsxwriter  # here and below, not at the top, so the app starts without xlsxwriter and python-docx

    buffer = io.BytesIO()
    streamed = []
    with tempfile.TemporaryDirectory() as tmpdir:
        workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "tmpdir": tmpdir, "strings_to_formulas": False,
                                                "strings_to_numbers": False, "strings_to_urls": False})  # fmt: skip
        workbook.set_properties({"title": title})
        formats = _Formats(workbook)
        about = workbook.add_worksheet(about_sheet)
        about.set_column(0, 0, 100)
        about.write_string(0, 0, title, workbook.add_format({"bold": True, "font_size": 14}))
        for number, note in enumerate(notes, start=1):
            about.write_string(number, 0, note, formats.text)
        for number, table in enumerate(tables, start=2):
            streamed.append(_sheet(workbook, table, formats, number))
        workbook.close()
    streamed = [table for table in streamed if table]
    return xlsx_rows.splice(buffer.getvalue(), streamed) if streamed else buffer.getvalue()


def new_document(title: str, *, landscape: bool = False) -> "docx.document.Document":
    """A Word document in Arial with the title (Title style) and core properties set."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = title
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(1.8))
    document.add_heading(title, level=0)
    return document


def add_notes(document, heading: str, notes: list[str]) -> None:
    document.add_heading(heading, level=1)
    for note in notes:
        document.add_paragraph(cell_text(note), style="List Bullet")


def cell_text(value) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else NOT_XML.sub("", str(value))


def add_table(document, table: Table, level: int = 1) -> None:
    """The table's heading, then the table (header row bold and repeated on each page), or its empty message."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document.add_heading(table.title, level=level)
    if not table.rows:
        document.add_paragraph(table.empty)
        return
    grid = document.add_table(rows=1, cols=len(table.head))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.head, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(repeat)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = cell_text(value)


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@contextmanager
def document_middle(skeleton: IO[bytes], target: IO[bytes], split: Callable[[str], tuple[str, str]]):
    """Copy a Word document (a zip) from `skeleton` to `target`, with its body XML cut in two by `split` at a
    placeholder; the caller writes what goes between to the stream this gives, so a long table or annex streams
    into the file instead of being built by python-docx in memory."""
    with (
        zipfile.ZipFile(skeleton) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        for entry in source.infolist():
            if entry.filename != "word/document.xml":
                out.writestr(entry, source.read(entry.filename))
                continue
            before, after = split(source.read(entry.filename).decode("utf-8"))
            with out.open(entry.filename, "w", force_zip64=True) as document:
                document.write(before.encode("utf-8"))
                yield document
                document.write(after.encode("utf-8"))
