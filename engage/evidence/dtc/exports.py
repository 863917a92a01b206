"""The co-operation table as CSV, XLSX and DOCX files. Each writer takes the streamed rows (engage.evidence.dtc.rows)
and keeps memory flat however many there are:
- CSV is yielded a chunk at a time;
- XLSX uses XlsxWriter's constant-memory mode (rows go to a temporary file as they are written);
- DOCX is built with python-docx (landscape section, headings, the filters and the generation date, a table with
  its header row), then the table's rows are streamed into word/document.xml as WordprocessingML, because adding
  tens of thousands of rows through python-docx's object model takes minutes.
Every file is valid with no rows: headers only, plus a sentence saying why it is empty.
"""

import csv
import functools
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO
from xml.sax.saxutils import escape

from engage.common import office, xlsx_rows
from engage.common.dates import format_date
from engage.evidence.dtc.rows import COLUMNS
from engage.stakeholders import exports

FILE_COLUMNS = [*COLUMNS, ("after_submission", "After submission")]
WIDTHS = {"ref": 13, "date": 11, "body": 28, "body_category": 22, "matters": 28, "plan_stage": 16, "form": 18}
WIDE = {"summary": 50, "outcome": 36, "actions": 36, "influence_on_plan": 30, "attendees": 30, "evidence_url": 30}
DOCX_WIDTHS_CM = (1.9, 1.6, 2.6, 2.0, 2.4, 1.8, 1.7, 1.4, 2.4, 3.6, 2.6, 2.4, 2.2, 2.2)
CSV_BATCH_ROWS = 500
MARKER = "DTC-ROWS-GO-HERE"
INVALID_XML = xlsx_rows.NOT_XML
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    what it holds (title, filters, generation date). XlsxWriter builds the workbook around one placeholder row;
    the rows are then streamed into the sheet's XML (XlsxWriter's per-cell calls are too slow for 100,000 rows)."""
    skeleton = io.BytesIO()
    _xlsx_skeleton(title, notes, skeleton)
    skeleton.seek(0)
    count = 0
    with (
        zipfile.ZipFile(skeleton) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        workbook_xml = source.read("xl/workbook.xml").decode("utf-8")
        for item in source.infolist():
            if item.filename == "xl/workbook.xml":
                continue
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, source.read(item.filename))
                continue
            before, placeholder, after = _split_sheet(source.read(item.filename).decode("utf-8"))
            styles = re.findall(r' s="(\d+)"', placeholder)
            with out.open(item.filename, "w", force_zip64=True) as sheet:
                sheet.write(re.sub(r"<dimension [^>]*/>", "", before).encode("utf-8"))
                for count, chunk in _xlsx_row_chunks(rows, styles[0], styles[1]):  # noqa: B007
                    sheet.write(chunk.encode("utf-8"))
                sheet.write(after.replace(":O2", f":O{count + 1}").encode("utf-8"))
        out.writestr("xl/workbook.xml", workbook_xml.replace("$O$2", f"$O${count + 1}"))
    return count


def _xlsx_skeleton(title: str, notes: list[str], target: IO[bytes]) -> None:
    import xlsxwriter  # here and in _docx_skeleton, not at the top, so the app starts without them

    workbook = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_numbers": False})
    workbook.set_properties({"title": title})
    sheet = workbook.add_worksheet("Co-operation")
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE3EA"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    day = workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    for index, (key, _) in enumerate(FILE_COLUMNS):
        sheet.set_column(index, index, WIDE.get(key) or WIDTHS.get(key, 14))
    sheet.set_row(0, 30)
    sheet.write_row(0, 0, [heading for _, heading in FILE_COLUMNS], header)
    sheet.write_string(1, 0, MARKER, wrap)
    sheet.write_datetime(1, 1, datetime(2026, 1, 1), day)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, 1, len(FILE_COLUMNS) - 1)
    about = workbook.add_worksheet("About")
    about.set_column(0, 0, 100)
    for index, line in enumerate([title, *notes]):
        about.write_string(index, 0, line, header if index == 0 else wrap)
    workbook.close()


def _split_sheet(xml: str) -> tuple[str, str, str]:
    """The sheet XML before, at and after the placeholder row (row 2)."""
    start = xml.index('<row r="2"')
    end = xml.index("</row>", start) + len("</row>")
    return xml[:start], xml[start:end], xml[end:]


LETTERS = [chr(ord("A") + index) for index in range(len(FILE_COLUMNS))]
AFTER_DATE = LETTERS[2:]  # columns C onwards
EXCEL_EPOCH = date(1899, 12, 30)


def _xlsx_row_chunks(rows: Iterable, text_style: str, date_style: str) -> Iterator[tuple[int, str]]:
    """The sheet's rows as XML, a batch at a time: a text cell is its reference and, made by `tail`, the rest."""

    def tail(text: str) -> str:
        return f'" s="{text_style}" t="inlineStr"><is><t xml:space="preserve">{_xml_text(text)}</t></is></c>'

    ref_tail, *makers = _makers(tail, [key for key, _ in FILE_COLUMNS])
    columns = list(zip(AFTER_DATE, makers[1:], strict=True))  # the date is a number, written on its own
    parts: list[str] = []
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        n = count + 1
        ref, day, *rest = _file_texts(row)
        cells = [f'<c r="{letter}{n}{make(text)}' for (letter, make), text in zip(columns, rest, strict=True) if text]
        day_cell = f'<c r="B{n}" s="{date_style}"><v>{(day - EXCEL_EPOCH).days}</v></c>'
        parts.append(f'<row r="{n}"><c r="A{n}{ref_tail(ref)}{day_cell}{"".join(cells)}</row>')
        if count % CSV_BATCH_ROWS == 0:
            yield count, "".join(parts)
            parts = []
    yield count, "".join(parts)


def docx_file(rows: Iterable, title: str, notes: list[str], empty_message: str, target: IO[bytes]) -> int:
    """A landscape Word document: a Heading 1 title, the filters and generation date, and the table (header row
    repeated on each page). Returns the number of rows written."""
    skeleton = io.BytesIO()
    _docx_skeleton(title, notes, empty_message).save(skeleton)
    skeleton.seek(0)
    count = 0
    with office.document_middle(skeleton, target, _split_at_marker) as document:
        for count, chunk in _docx_row_chunks(rows):  # noqa: B007
            document.write(chunk.encode("utf-8"))
    return count


def _docx_skeleton(title: str, notes: list[str], empty_message: str):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = title
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.27))
    document.styles["Normal"].font.size = Pt(9)
    document.add_heading(title, level=1)
    document.add_heading("About this table", level=2)
    for note in notes:
        document.add_paragraph(note, style="List Bullet")
    document.add_heading("Co-operation activity", level=2)
    if empty_message:
        document.add_paragraph(empty_message)
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    for index, (_, heading) in enumerate(COLUMNS):
        cell = table.rows[0].cells[index]
        cell.width = Cm(DOCX_WIDTHS_CM[index])
        cell.paragraphs[0].add_run(heading).bold = True
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    table.rows[1].cells[0].paragraphs[0].add_run(MARKER)
    return document


def _split_at_marker(xml: str) -> tuple[str, str]:
    """The document XML before and after the placeholder row."""
    at = xml.index(MARKER)
    start = xml.rindex("<w:tr", 0, at)
    while xml[start + 5] not in " >":  # <w:trPr is not the row's start
        start = xml.rindex("<w:tr", 0, start)
    end = xml.index("</w:tr>", at) + len("</w:tr>")
    return xml[:start], xml[end:]


class _Memo(dict):
    """`make(text)` remembered for short texts: bodies, categories, stages, forms and outcomes repeat on most rows,
    so their XML is built once; long ones are built each time and not kept, which bounds the memory."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> str:
        made = self.make(text)
        if len(text) <= 200:
            if len(self) >= 20000:  # start again rather than stop: an engagement's rows are next to each other
                self.clear()
            self[text] = made
        return made


UNIQUE = {"ref", "summary", "evidence_url"}  # different on (nearly) every row: not worth remembering


def _makers(make, keys: list[str]) -> list:
    """For each column, `make` itself or `make` remembered (_Memo)."""
    remembered = _Memo(make).__getitem__
    return [make if key in UNIQUE else remembered for key in keys]


def _plain(text: str) -> bool:
    """True when the text goes into XML as it is: no markup characters, no line breaks, nothing XML forbids
    (control characters and U+FFFE/U+FFFF are not printable). Each test is one fast scan in C."""
    return text.isprintable() and "&" not in text and "<" not in text and ">" not in text


def _xml_text(text: str) -> str:
    if _plain(text):
        return text
    return escape(INVALID_XML.sub("", text))


def _cell(text: str) -> str:
    if not text:
        return "<w:tc><w:p/></w:tc>"
    if _plain(text):
        return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
    lines = INVALID_XML.sub("", text).split("\n")
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:tc><w:p><w:r>{runs}</w:r></w:p></w:tc>"


def _docx_text(row) -> list[str]:
    texts = row.texts()
    texts[1] = long_date(texts[1])
    if row.after_submission:
        texts[5] = f"{texts[5]} (after submission)".strip()
    return texts


def _docx_row_chunks(rows: Iterable) -> Iterator[tuple[int, str]]:
    makers = _makers(_cell, [key for key, _ in COLUMNS])
    parts: list[str] = []
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        cells = [make(text) for make, text in zip(makers, _docx_text(row), strict=True)]
        parts.append(f"<w:tr>{''.join(cells)}</w:tr>")
        if count % CSV_BATCH_ROWS == 0:
            yield count, "".join(parts)
            parts = []
    yield count, "".join(parts)


@functools.lru_cache(maxsize=4096)
def long_date(day: date) -> str:
    return format_date(day)
