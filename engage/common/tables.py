"""Reading an uploaded CSV or XLSX file (a stakeholder import, an agent's spreadsheet of representations) into
headings and rows, with a clear message for any file that cannot be read as it stands: the csv module (its Sniffer
guesses the delimiter) and openpyxl in read-only mode.

Every problem is a ValueError whose text is the message for the file field: a file that is not CSV or XLSX, an
empty one, one with headings and no rows, a heading used twice, a row with more cells than there are headings
(which would shift its values into the wrong columns), text that is not valid UTF-8 (with the row), too many rows.
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import Any

import filetype

WRONG_TYPE = "The selected file must be a CSV or XLSX file"
EMPTY = "The selected file is empty"
NO_ROWS = "The selected file has column headings but no rows below them"
UNREADABLE = "The selected file could not be read – save it as CSV or XLSX and try again"
NOT_UTF8 = (
    "Row {row} of the selected file has characters that are not valid UTF-8 – save it as ‘CSV UTF-8’ and try again"
)
DUPLICATE_HEADING = "The selected file has more than one column headed ‘{heading}’ – give each column its own heading"
EXTRA_CELLS = "Row {row} of the selected file has {cells} cells but there are {headings} column headings"
TOO_MANY_ROWS = "The selected file must have {max_rows:,} rows or fewer"
SNIFF_SAMPLE = 65536
# A character of two to four bytes as UTF-8 writes it (no surrogates): a file that has some of these and also bytes
# that are not UTF-8 is UTF-8 gone wrong, not a file saved in Windows-1252.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def read_table(filename: str, data: bytes, max_rows: int) -> tuple[list[str], list[list[Any]]]:
    """Headings and rows ([row number, cell, ...], blank rows left out; the heading row is row 1) of a CSV or XLSX
    file. Raises ValueError with the message for the file field."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ("csv", "txt", "xlsx"):
        raise ValueError(WRONG_TYPE)
    if not data.strip():
        raise ValueError(EMPTY)
    records = _xlsx_records(data) if extension == "xlsx" else _csv_records(data)
    try:
        headings = _headings(next(records))
    except StopIteration as error:
        raise ValueError(EMPTY) from error
    width = len(headings)
    rows = []
    for number, cells in enumerate(records, start=2):
        if number - 1 > max_rows:
            raise ValueError(TOO_MANY_ROWS.format(max_rows=max_rows))
        if len(cells) > width and any(cells[width:]):
            raise ValueError(EXTRA_CELLS.format(row=number, cells=len(cells), headings=width))
        if any(cells):
            rows.append([number, *cells[:width], *[""] * (width - len(cells))])
    if not rows:
        raise ValueError(NO_ROWS)
    return headings, rows


def _headings(cells: list[str]) -> list[str]:
    headings, seen = [], set()
    for number, text in enumerate(cells, start=1):
        heading = text or f"Column {number}"
        if heading.casefold() in seen:
            raise ValueError(DUPLICATE_HEADING.format(heading=heading))
        seen.add(heading.casefold())
        headings.append(heading)
    return headings


def _csv_records(data: bytes) -> Iterator[list[str]]:
    kind = filetype.guess(data)
    if kind is not None and kind.mime != "text/plain":
        raise ValueError(WRONG_TYPE)
    text = _decode(data)
    if "\x00" in text:
        raise ValueError(WRONG_TYPE)
    try:
        delimiter = csv.Sniffer().sniff(text[:SNIFF_SAMPLE], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), dialect=csv.excel, delimiter=delimiter)
    try:
        for record in reader:
            yield [cell.strip() for cell in record]
    except csv.Error as error:
        raise ValueError(UNREADABLE) from error


def _decode(data: bytes) -> str:
    """UTF-8 with or without a byte order mark, UTF-16 with one, else Windows-1252 (Excel's 'CSV' on Windows). A
    file that is UTF-8 except for some bytes is refused, naming the row of the first bad byte."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if UTF8_SEQUENCE.search(data):
            raise ValueError(NOT_UTF8.format(row=_row_at(data, error.start))) from error
        return data.decode("cp1252", errors="replace")


def _row_at(data: bytes, offset: int) -> int:
    """The CSV record (the heading row is 1) that holds the byte at `offset`."""
    before = data[:offset].decode("utf-8", errors="replace")
    try:
        return sum(1 for _ in csv.reader(io.StringIO(before + "x", newline="")))
    except csv.Error:  # the bad byte is inside a quoted cell that runs over several lines
        return before.count("\n") + 1


def _xlsx_records(data: bytes) -> Iterator[list[str]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError(WRONG_TYPE)
    from openpyxl import load_workbook  # here, not at the top: only XLSX uploads need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise ValueError(UNREADABLE) from error
    try:
        yield from _sheet_records(workbook.worksheets[0].iter_rows(values_only=True) if workbook.worksheets else ())
    except ValueError:
        raise
    except Exception as error:
        raise ValueError(UNREADABLE) from error
    finally:
        workbook.close()


def _sheet_records(rows: Iterable[tuple]) -> Iterator[list[str]]:
    for row in rows:
        cells = [_cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        yield cells


def _cell_text(value: Any) -> str:
    """A cell as the text a person sees: 01923 000000 stays text, 42.0 is '42', a date '2026-03-01'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()
