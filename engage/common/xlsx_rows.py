"""Long tables streamed straight into a worksheet's XML.

XlsxWriter lays out the sheet (widths, frozen and filtered header, formats) around one placeholder row whose cells
carry the text, date, date-and-time and number formats; afterwards that row is replaced by the real rows, written
as SpreadsheetML a batch at a time. XlsxWriter's per-cell calls cost about 30 microseconds each, which is tens of
seconds for the full representations of a large consultation; this costs a few."""

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from engage.common.dates import LONDON

MARKER = "ROWS-GO-HERE"
PLACEHOLDER_DAY = date(2000, 1, 1)
PLACEHOLDER_MOMENT = datetime(2000, 1, 1, 12, 0)
EXCEL_EPOCH = datetime(1899, 12, 30)
CELL_LIMIT = 32767  # characters Excel keeps in a cell
BATCH = 500
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Streamed:
    number: int  # the sheet's position in the workbook, from 1
    columns: int
    rows: Iterable[list]
    empty: str


def write_placeholder(sheet, formats) -> None:
    """The row the real rows replace: its four cells give the text, date, date-and-time and number styles."""
    sheet.write_string(1, 0, MARKER, formats.text)
    sheet.write_datetime(1, 1, PLACEHOLDER_DAY, formats.day)
    sheet.write_datetime(1, 2, PLACEHOLDER_MOMENT, formats.moment)
    sheet.write_number(1, 3, 0, formats.number)


def _cell(reference: str, value, styles: list[str]) -> str:
    text, day, moment, number = styles
    if isinstance(value, bool):
        value = "Yes" if value else "No"
    if isinstance(value, datetime):
        local = (value.astimezone(LONDON) if value.tzinfo else value).replace(tzinfo=None)
        return f'<c r="{reference}" s="{moment}"><v>{(local - EXCEL_EPOCH).total_seconds() / 86400!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{reference}" s="{day}"><v>{(value - EXCEL_EPOCH.date()).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}" s="{number}"><v>{value!r}</v></c>'
    if not value:
        return ""
    clean = escape(NOT_XML.sub("", str(value))[:CELL_LIMIT])
    return f'<c r="{reference}" s="{text}" t="inlineStr"><is><t xml:space="preserve">{clean}</t></is></c>'


def _rows(table: Streamed, styles: list[str], counted: list[int]) -> Iterator[str]:
    from xlsxwriter.utility import xl_col_to_name  # here and below, not at the top, so the app starts without it

    letters = [xl_col_to_name(column) for column in range(table.columns)]
    parts: list[str] = []
    count = 0
    for count, row in enumerate(table.rows, start=1):  # noqa: B007 (count is the number of rows afterwards)
        number = count + 1
        cells = "".join(_cell(f"{letter}{number}", value, styles) for letter, value in zip(letters, row, strict=True))
        parts.append(f'<row r="{number}">{cells}</row>')
        if count % BATCH == 0:
            yield "".join(parts)
            parts = []
    if not count:
        parts.append(f'<row r="2">{_cell("A2", table.empty, styles)}</row>')
    counted.append(max(count, 1))
    yield "".join(parts)


def _write_sheet(xml: str, table: Streamed, target) -> int:
    start = xml.index('<row r="2"')
    end = xml.index("</row>", start) + len("</row>")
    styles = re.findall(r' s="(\d+)"', xml[start:end])
    counted: list[int] = []
    target.write(re.sub(r"<dimension [^>]*/>", "", xml[:start]).encode("utf-8"))
    for chunk in _rows(table, styles, counted):
        target.write(chunk.encode("utf-8"))
    from xlsxwriter.utility import xl_col_to_name

    last = xl_col_to_name(table.columns - 1)
    target.write(xml[end:].replace(f':{last}2"/>', f':{last}{counted[0] + 1}"/>', 1).encode("utf-8"))
    return counted[0]


def splice(workbook: bytes, streamed: list[Streamed]) -> bytes:
    """The workbook with each streamed sheet's placeholder row replaced by its rows (and its filter range and
    the filter's defined name stretched over them)."""
    by_file = {f"xl/worksheets/sheet{table.number}.xml": table for table in streamed}
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
    ):
        workbook_xml = source.read("xl/workbook.xml").decode("utf-8")
        for entry in source.infolist():
            table = by_file.get(entry.filename)
            if entry.filename == "xl/workbook.xml":
                continue
            if table is None:
                out.writestr(entry, source.read(entry.filename))
                continue
            with out.open(entry.filename, "w", force_zip64=True) as sheet:
                count = _write_sheet(source.read(entry.filename).decode("utf-8"), table, sheet)
            workbook_xml = re.sub(
                rf'(<definedName name="_xlnm._FilterDatabase" localSheetId="{table.number - 1}"[^>]*>[^<]*\$)2<',
                rf"\g<1>{count + 1}<",
                workbook_xml,
            )
        out.writestr("xl/workbook.xml", workbook_xml)
    return output.getvalue()
