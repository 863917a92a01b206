"""The co-operation table as CSV, XLSX and DOCX files. Each writer takes the streamed rows (engage.evidence.dtc.rows)
and keeps memory flat however many there are:
- CSV is yielded a chunk at a time;
- XLSX is streamed by engage.common.xlsx;
- DOCX is built by engage.common.office (landscape A4, title block, the filters, a table with its header row and
  the first rows, which size the columns), then the table's rows are streamed into word/document.xml as
  WordprocessingML, because adding tens of thousands of rows through python-docx's object model takes minutes.
Every file is valid with no rows: headers only, plus a sentence saying why it is empty.
"""

import csv
import functools
import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO
from xml.sax.saxutils import escape

from engage.common import office, xlsx
from engage.common.dates import format_date
from engage.common.xml_text import NOT_XML, Remembered, is_plain
from engage.evidence.dtc.rows import COLUMNS
from engage.stakeholders import exports

FILE_COLUMNS = [*COLUMNS, ("after_submission", "After submission")]
WIDTHS = {"ref": 13, "date": 11, "body": 28, "body_category": 22, "matters": 28, "plan_stage": 16, "form": 18}
WIDE = {"summary": 50, "outcome": 36, "actions": 36, "influence_on_plan": 30, "attendees": 30, "evidence_url": 30}
DOCX_SIZE = 7  # points: sixteen columns on a landscape page, no word split
DOCX_HEADINGS = {"examination_library_reference": "Library ref.", "body_category": "Category"}  # narrower columns
LINK_COLUMN = [key for key, _ in FILE_COLUMNS].index("evidence_url")
LINK_STYLE = '<w:rPr><w:color w:val="1D70B8"/><w:u w:val="single"/></w:rPr>'
CSV_BATCH_ROWS = 500
MARKER = "DTC-ROWS-GO-HERE"
DOCX_MIMETYPE = office.DOCX_MIMETYPE
XLSX_MIMETYPE = xlsx.MIMETYPE


FORMULA_STARTS = frozenset(exports.FORMULA_STARTS)  # engage.stakeholders.exports.neutralise, inline for 100,000 rows


def _file_texts(row) -> list:
    """The printed row in FILE_COLUMNS order (a list, not a dict per row)."""
    texts = row.texts()
    texts.append("Yes" if row.after_submission else "No")
    return texts


def csv_chunks(rows: Iterable) -> Iterator[str]:
    """A UTF-8 CSV with a byte order mark (so Excel reads it right); dates as YYYY-MM-DD."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel")
    buffer.write("\ufeff")
    writer.writerow([heading for _, heading in FILE_COLUMNS])
    batch: list[list] = []
    for row in rows:
        texts = _file_texts(row)
        texts[1] = texts[1].isoformat()
        batch.append([f"'{text}" if text[:1] in FORMULA_STARTS else text for text in texts])  # all str now
        if len(batch) == CSV_BATCH_ROWS:
            writer.writerows(batch)
            batch.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(batch)
    yield buffer.getvalue()


def xlsx_file(rows: Iterable, title: str, notes: list[str], target: IO[bytes]) -> int:
    """A workbook with a frozen, filtered header row, set widths, wrapped text and real dates; a second sheet says
    what it holds (title, filters, generation date). Returns the number of rows written."""
    table = xlsx.Sheet(
        "Co-operation",
        [heading for _, heading in FILE_COLUMNS],
        (_file_texts(row) for row in rows),
        widths=[WIDE.get(key) or WIDTHS.get(key, 14) for key, _ in FILE_COLUMNS],
        kinds=[
            xlsx.DATE if key == "date" else xlsx.FREE_TEXT if key in UNIQUE else xlsx.TEXT for key, _ in FILE_COLUMNS
        ],
        header_height=30,
    )
    counts = xlsx.write(target, [table, xlsx.Notes("About", title, notes, banner=True)], title)
    return counts[0]


@dataclass(frozen=True)
class DocxHeading:
    """Whose table it is and when it was made, for the Word document's title block."""

    masthead: office.Masthead
    generated: datetime


def docx_file(
    rows: Iterable, title: str, notes: list[str], empty_message: str, target: IO[bytes], heading: DocxHeading
) -> int:
    """A landscape A4 Word document: the title block, the filters, and the table (columns sized to the first rows'
    content, header row repeated on each page, rows kept whole, evidence links as links). Returns the number of
    rows written."""
    from engage.common import docx_layout  # here, not at the top, so the app starts without python-docx

    rows = iter(rows)
    first = list(itertools.islice(rows, docx_layout.MEASURED_ROWS))
    skeleton = io.BytesIO()
    _docx_skeleton(title, notes, empty_message, heading, [_docx_text(row) for row in first]).save(skeleton)
    skeleton.seek(0)
    count = 0
    with office.document_middle(skeleton, target, _split_at_marker) as document:
        for count, chunk in _docx_row_chunks(itertools.chain(first, rows)):  # noqa: B007
            document.write(chunk.encode("utf-8"))
    return count


def _docx_skeleton(title: str, notes: list[str], empty_message: str, heading: DocxHeading, sample: list[list[str]]):
    from docx.shared import Pt

    from engage.common import docx_layout

    document = office.new_document(title, heading.masthead, heading.generated, landscape=True)
    document.styles["Normal"].font.size = Pt(DOCX_SIZE)  # the streamed rows' text, written without a size
    office.add_notes(document, "About this table", notes)
    document.add_heading("Co-operation activity", level=1)
    if empty_message:
        document.add_paragraph(empty_message)
    head = [DOCX_HEADINGS.get(key, heading) for key, heading in FILE_COLUMNS]
    marker = [MARKER] + [""] * (len(head) - 1)  # the rows are written in its place
    docx_layout.add_grid(document, head, [marker], size=DOCX_SIZE, measure=sample)
    return document


def _split_at_marker(xml: str) -> tuple[str, str]:
    """The document XML before and after the placeholder row."""
    at = xml.index(MARKER)
    start = xml.rindex("<w:tr", 0, at)
    while xml[start + 5] not in " >":  # <w:trPr is not the row's start
        start = xml.rindex("<w:tr", 0, start)
    end = xml.index("</w:tr>", at) + len("</w:tr>")
    return xml[:start], xml[end:]


UNIQUE = {"ref", "summary", "evidence_url"}  # different on (nearly) every row: not worth remembering


def _makers(make, keys: list[str]) -> list:
    """For each column, `make` itself or `make` remembered."""
    remembered = Remembered(make).__getitem__
    return [make if key in UNIQUE else remembered for key in keys]


def _cell(text: str) -> str:
    if not text:
        return "<w:tc><w:p/></w:tc>"
    if is_plain(text):
        return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
    lines = NOT_XML.sub("", text).split("\n")
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:tc><w:p><w:r>{runs}</w:r></w:p></w:tc>"


def _link(url: str) -> str:
    """A HYPERLINK field: a link in Word and LibreOffice without a relationship per row."""
    target = escape(url, {'"': "&quot;"})
    return (
        f'<w:tc><w:p><w:fldSimple w:instr=" HYPERLINK &quot;{target}&quot; "><w:r>{LINK_STYLE}'
        f'<w:t xml:space="preserve">{escape(url)}</w:t></w:r></w:fldSimple></w:p></w:tc>'
    )


def _docx_text(row) -> list[str]:
    texts = _file_texts(row)
    texts[1] = long_date(texts[1])
    return texts


def _docx_row_chunks(rows: Iterable) -> Iterator[tuple[int, str]]:
    from engage.common import docx_layout

    makers = _makers(_cell, [key for key, _ in FILE_COLUMNS])
    makers[LINK_COLUMN] = lambda text: _link(text) if docx_layout.is_link(text) else _cell(text)
    parts: list[str] = []
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        cells = [make(text) for make, text in zip(makers, _docx_text(row), strict=True)]
        parts.append(f"<w:tr>{docx_layout.ROW_PROPERTIES}{''.join(cells)}</w:tr>")
        if count % CSV_BATCH_ROWS == 0:
            yield count, "".join(parts)
            parts = []
    yield count, "".join(parts)


@functools.lru_cache(maxsize=4096)
def long_date(day: date) -> str:
    return format_date(day)
