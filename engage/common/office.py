"""Word documents, and the tables the smaller evidence files (engagement summaries, the statement of consultation)
share between Word and Excel.

Each file is a list of `Table`s. In Excel (engage.common.xlsx) each table is a sheet with a frozen, filtered header
row, set widths, wrapped text and real dates, printed landscape one page wide, after a sheet saying what the file
holds. In Word (laid out by engage.common.docx_layout) the document is A4 with "Page n of m" in the footer and opens
with a title block (the title, the plan and its partner councils, the date) and, for long documents, a contents
list; each table has a heading, columns sized to their content, whole rows and a header row repeated on each page.
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


GENERATED = "Generated on "


def generated_note(now: datetime, detail: str = "") -> str:
    """When a file was made. Spreadsheets and CSV files carry it as a note; a Word document's title block dates it
    already, so `add_notes` leaves it out."""
    return f"{GENERATED}{format_datetime(now)}{detail}"


def xlsx_bytes(title: str, notes: list[str], tables: list[Table], about_sheet: str = "About") -> bytes:
    """A workbook: the `about_sheet` first (title and notes), then one sheet per table."""
    sheets = [xlsx.Sheet(t.sheet, t.head, t.rows, t.empty, t.widths or None) for t in tables]
    return xlsx.workbook_bytes([xlsx.Notes(about_sheet, title, notes), *sheets], title)


@dataclass(frozen=True)
class Masthead:
    """Whose document it is: the plan and its partner councils, the lead first."""

    plan: str = ""
    partners: tuple[str, ...] = ()

    @classmethod
    def of(cls, plan) -> "Masthead":
        """From a Plan (or anything with `name` and `partners_lead_first`); empty for None."""
        if plan is None:
            return cls()
        return cls(plan.name, tuple(authority.name for authority in plan.partners_lead_first))

    @classmethod
    def of_owner(cls, owner) -> "Masthead":
        """From engage.plans.queries.owner(): the first plan's name and partners; empty before any plan."""
        return cls(owner.plan, owner.partners) if owner else cls()

    def lines(self) -> list[str]:
        names = list(self.partners)
        if not names:
            return [self.plan] if self.plan else []
        partners = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return [line for line in (self.plan, f"Prepared by {partners}") if line]


def new_document(
    title: str,
    masthead: Masthead,
    dated: date | datetime,
    *,
    landscape: bool = False,
    contents: int = 0,
    lines: Iterable[str] = (),
    footer: str = "",
) -> "docx.document.Document":
    """An A4 Word document in Arial with "Page n of m" in the footer and a title block: the title (Title style),
    the plan and its partner councils, the date and any further `lines`; then, when `contents` is a heading
    level, a contents list down to that level (docx_bytes fills it in)."""
    from docx import Document
    from docx.shared import Pt

    from engage.common import docx_layout

    document = Document()
    document.core_properties.title = title
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    docx_layout.page_setup(section, landscape=landscape)
    docx_layout.footer(section, footer or title)
    document.add_heading(title, level=0)
    masthead_lines = masthead.lines()
    if masthead_lines:
        document.add_paragraph().add_run("\n".join(masthead_lines)).bold = True
    document.add_paragraph(_dated(dated))
    if lines:
        document.add_paragraph("\n".join(cell_text(line) for line in lines))
    if contents:
        docx_layout.add_contents(document, contents)
    return document


def _dated(dated: date | datetime) -> str:
    return f"Dated {format_date(dated)}" if not isinstance(dated, datetime) else generated_note(dated)


def add_notes(document, heading: str, notes: list[str]) -> None:
    """A heading and the notes as bullets, without the generated note: `new_document`'s title block dates it."""
    document.add_heading(heading, level=1)
    for note in notes:
        if not (isinstance(note, str) and note.startswith(GENERATED)):
            document.add_paragraph(cell_text(note), style="List Bullet")


def cell_text(value) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else NOT_XML.sub("", str(value))


def add_table(document, table: Table, level: int = 1, size: float = 9) -> None:
    """The table's heading, then the table (columns sized to their content, header row bold and repeated on each
    page, rows kept whole, web addresses as links), or its empty message."""
    from engage.common import docx_layout

    document.add_heading(table.title, level=level)
    if not table.rows:
        document.add_paragraph(table.empty)
        return
    rows = [[cell_text(value) for value in row] for row in table.rows]
    docx_layout.add_grid(document, table.head, rows, size=size)


def docx_bytes(document) -> bytes:
    from engage.common import docx_layout

    docx_layout.fill_contents(document)
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
