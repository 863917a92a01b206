"""Word documents, and the tables the smaller evidence files (engagement summaries, the statement of consultation)
share between Word and Excel.

Each file is a list of `Table`s. In Excel (engage.common.xlsx) each table is a sheet with a frozen, filtered header
row, set widths, wrapped text and real dates, after a sheet saying what the file holds; in Word each table has a
heading, and the document opens with a title, what it covers and when it was made.
"""

import io
import zipfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, TYPE_CHECKING

from engage.common import xlsx
from engage.common.dates import format_date, format_datetime
from engage.common.xml_text import NOT_XML

if TYPE_CHECKING:
    import docx.document

XLSX_MIMETYPE = xlsx.MIMETYPE
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Table:
    sheet: str  # the worksheet's name (Excel allows 31 characters)
    title: str  # the heading above it in Word
    head: list[str]
    rows: Iterable[list]  # a list, or (in Excel only) rows streamed once
    empty: str  # said instead of the rows when there are none
    widths: list[int] = field(default_factory=list)  # characters per column; measured from the rows when empty


def generated_note(now: datetime) -> str:
    return f"Generated on {format_datetime(now)}"


def xlsx_bytes(title: str, notes: list[str], tables: list[Table], about_sheet: str = "About") -> bytes:
    """A workbook: the `about_sheet` first (title and notes), then one sheet per table."""
    sheets = [xlsx.Sheet(t.sheet, t.head, t.rows, t.empty, t.widths or None) for t in tables]
    return xlsx.workbook_bytes([xlsx.Notes(about_sheet, title, notes), *sheets], title)


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
