"""Excel workbooks for every XLSX export, written as SpreadsheetML a batch of rows at a time.

A workbook is a list of sheets. A `Sheet` is a table: a header row (frozen, with filters over the rows written,
the range counted as they are written), set or measured widths, and one cell per value, written as its column's
kind says: text (always text, so "=1+1" stays text and never becomes a formula; characters XML cannot hold are
dropped; cut at Excel's 32,767 characters), a date, a date and time (London time), a number or true/false.
A table with no rows shows its `empty` text under the header. `Notes` is a sheet of lines: what the file holds.

The rows are streamed into the zip as they come, so memory stays flat however many there are, and no
spreadsheet library's per-cell calls are paid for (about 30 microseconds each: seconds for 100,000 rows).
"""

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain, islice
from typing import IO
from xml.sax.saxutils import escape

from engage.common import xlsx_parts
from engage.common.dates import LONDON, format_date
from engage.common.xml_text import NOT_XML, Remembered, is_plain

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT, FREE_TEXT, NUMBER, DATE, DATETIME, BOOLEAN = "text", "free text", "number", "date", "datetime", "boolean"
CELL_LIMIT = 32767  # characters Excel keeps in a cell
SHEET_NAME_LIMIT = 31
MIN_WIDTH, MAX_WIDTH = 8, 60  # characters, for measured widths
WIDTH_SAMPLE_ROWS = 200
BATCH = 500  # rows per write
EXCEL_ESCAPE = re.compile("(_x[0-9A-Fa-f]{4}_)")  # Excel reads "_x0041_" as "A" unless its "_" is escaped
EPOCH = datetime(1899, 12, 30)
EPOCH_DAY = EPOCH.date()


@dataclass
class Sheet:
    """A table. `kinds` gives each column's kind (TEXT, FREE_TEXT, NUMBER, DATE, DATETIME, BOOLEAN); a column
    without one (no list, or None in it) is written by each value's type: text, a date, a date and time, a number,
    and True/False as the text "Yes"/"No". TEXT is for texts that repeat (names, categories, statuses: their XML
    is built once), FREE_TEXT for those that seldom do (summaries, references, links). `widths` are in
    characters; without them they are measured from the first rows. `plain` is a bold header and cells without
    formats. `fit_heights` gives each row the height its wrapped texts need (LibreOffice shows a row without one a
    line high, its text running over the next)."""

    name: str
    head: Sequence[str]
    rows: Iterable[Sequence]
    empty: str = ""
    widths: Sequence[float] | None = None
    kinds: Sequence[str | None] | None = None
    plain: bool = False
    header_height: float | None = None
    fit_heights: bool = False  # each row as tall as its wrapped text, estimated from the widths


@dataclass
class Notes:
    """A sheet of lines under a title: what the file holds. `banner` gives the title the header's format."""

    name: str
    title: str
    lines: Sequence[str] = field(default_factory=list)
    banner: bool = False


def workbook_bytes(sheets: Sequence[Sheet | Notes], title: str = "") -> bytes:
    buffer = io.BytesIO()
    write(buffer, sheets, title)
    return buffer.getvalue()


def write(target: IO[bytes], sheets: Sequence[Sheet | Notes], title: str = "") -> list[int]:
    """The workbook, written to `target`; returns how many rows (or lines) each sheet got."""
    names = [NOT_XML.sub("", sheet.name)[:SHEET_NAME_LIMIT] for sheet in sheets]
    counts, filters = [], []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for name, text in xlsx_parts.package(names, NOT_XML.sub("", title), datetime.now(UTC)):
            out.writestr(name, text)
        for number, sheet in enumerate(sheets, start=1):
            with out.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as stream:
                if isinstance(sheet, Notes):
                    counts.append(_write_notes(sheet, number == 1, stream))
                    continue
                count, last_row = _write_table(sheet, number == 1, stream)
                counts.append(count)
                filters.append((number - 1, names[number - 1], _reference(len(sheet.head), last_row)))
        out.writestr("xl/workbook.xml", xlsx_parts.workbook(names, filters))
    return counts


def column_letter(index: int) -> str:
    """The letters of a column counted from 0: "A", …, "Z", "AA", …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _reference(columns: int, last_row: int) -> str:
    return f"A1:{column_letter(columns - 1)}{last_row}"


def _xml_text(text: str) -> str:
    """The text as a cell holds it: without the characters XML cannot hold, cut at Excel's limit, escaped."""
    if is_plain(text) and "_x" not in text and len(text) <= CELL_LIMIT:
        return text
    return _escaped(text)


def _escaped(text: str) -> str:
    return EXCEL_ESCAPE.sub(r"_x005F\1", escape(NOT_XML.sub("", text)[:CELL_LIMIT]))


@dataclass(frozen=True)
class _Look:
    header: int  # the cell formats of xlsx_parts.STYLES, by position
    text: int
    day: int
    moment: int
    number: int
    column: int | None


TABLE = _Look(header=1, text=2, day=3, moment=4, number=5, column=2)
PLAIN = _Look(header=7, text=0, day=3, moment=4, number=0, column=None)


def _style(index: int) -> str:
    return f' s="{index}"' if index else ""


def _makers(look: _Look) -> dict[str | None, Callable]:
    """For each kind, what follows a cell's reference in its XML: `<c r="B7` + make(value)."""
    text_style, day_style, moment_style = _style(look.text), _style(look.day), _style(look.moment)
    number_style = _style(look.number)

    def text(value) -> str:
        if value.__class__ is not str:
            value = ("Yes" if value else "No") if isinstance(value, bool) else str(value)
        if (
            not (  # _xml_text, written out: this runs for most cells of a file
                value.isprintable() and "&" not in value and "<" not in value and ">" not in value and "_x" not in value
            )
            or len(value) > CELL_LIMIT
        ):
            value = _escaped(value)
        return f'"{text_style} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'

    remembered = Remembered(text).__getitem__  # a dictionary look-up for texts seen before

    def day(value: date) -> str:
        return f'"{day_style}><v>{(value - EPOCH_DAY).days}</v></c>'

    def moment(value: datetime) -> str:
        local = (value.astimezone(LONDON) if value.tzinfo else value).replace(tzinfo=None) - EPOCH
        return f'"{moment_style}><v>{local.days + (local.seconds + local.microseconds / 1e6) / 86400!r}</v></c>'

    def number(value) -> str:
        return f'"{number_style}><v>{value!r}</v></c>'

    def boolean(value) -> str:
        return f'"{number_style} t="b"><v>{1 if value else 0}</v></c>'

    def by_value(value) -> str:
        if value.__class__ is str or isinstance(value, bool):
            return remembered(value)
        if isinstance(value, datetime):
            return moment(value)
        if isinstance(value, date):
            return day(value)
        return number(value) if isinstance(value, int | float) else text(value)

    return {
        TEXT: remembered, FREE_TEXT: text, NUMBER: number, DATE: day, DATETIME: moment, BOOLEAN: boolean,
        None: by_value,
    }  # fmt: skip


def _measured(head: Sequence[str], sample: list[Sequence]) -> list[float]:
    """Each column as wide as its longest line among the header and the sample rows, within MIN and MAX_WIDTH."""
    widths = []
    for column, heading in enumerate(head):
        longest = len(heading)
        for row in sample:
            value = row[column]
            text = format_date(value) if isinstance(value, date) else str(value if value is not None else "")
            longest = max(longest, *(len(line) for line in text.split("\n")))
        widths.append(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))
    return widths


def _write_table(sheet: Sheet, first: bool, stream: IO[bytes]) -> tuple[int, int]:
    """The table's sheet; returns the number of rows and the last row the filter covers."""
    look = PLAIN if sheet.plain else TABLE
    rows, widths = iter(sheet.rows), sheet.widths
    if widths is None:
        sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
        widths, rows = _measured(sheet.head, sample), chain(sample, rows)
    columns = [(width, look.column) for width in widths]
    stream.write(xlsx_parts.sheet_start(first, frozen=True, columns=columns).encode())
    height = f' ht="{sheet.header_height}" customHeight="1"' if sheet.header_height else ""
    header = "".join(_cell(f"{column_letter(i)}1", text, look.header) for i, text in enumerate(sheet.head))
    stream.write(f'<row r="1"{height}>{header}</row>'.encode())
    count = _write_rows(sheet, look, rows, stream, widths if sheet.fit_heights else None)
    last_row = count + 1
    if not count and sheet.empty:
        stream.write(f'<row r="2">{_cell("A2", sheet.empty, look.text)}</row>'.encode())
        last_row = 2
    stream.write(xlsx_parts.sheet_end(_reference(len(sheet.head), last_row)).encode())
    return count, last_row


NOTES_WIDTH = 100  # characters: the one column of a Notes sheet
LINE_HEIGHT, MAX_HEIGHT = 15, 409  # points: a line of 11-point text, and the tallest row Excel allows


def _height(row: Sequence, widths: Sequence[float]) -> str:
    """The row's height attribute: enough lines for its longest wrapped text, when that is more than one."""
    lines = 1
    for value, width in zip(row, widths, strict=False):
        if isinstance(value, str) and value:
            wrapped = sum(-(-len(line) // max(int(width) - 1, 1)) or 1 for line in value.split("\n"))
            lines = max(lines, wrapped)
    return f' ht="{min(lines * LINE_HEIGHT, MAX_HEIGHT)}" customHeight="1"' if lines > 1 else ""


def _write_rows(
    sheet: Sheet, look: _Look, rows: Iterable[Sequence], stream: IO[bytes], widths: Sequence[float] | None = None
) -> int:
    """The rows, a batch at a time; returns how many there were. With `widths`, each row gets its height."""
    kinds = sheet.kinds or [None] * len(sheet.head)
    by_kind = _makers(look)
    makers = [by_kind[kind] for kind in kinds]
    letters = [column_letter(index) for index in range(len(kinds))]
    parts: list[str] = []
    count = 0
    only_truthy = all(kind in (TEXT, FREE_TEXT, DATE, DATETIME) for kind in kinds)  # no 0 or False to keep
    for count, row in enumerate(rows, start=1):  # noqa: B007 (count is the number of rows afterwards)
        n = count + 1
        if only_truthy:
            cells = [f'<c r="{x}{n}{make(value)}' for x, make, value in zip(letters, makers, row, strict=True) if value]
        else:
            cells = [
                f'<c r="{x}{n}{make(value)}'
                for x, make, value in zip(letters, makers, row, strict=True)
                if value or value == 0
            ]
        height = _height(row, widths) if widths else ""
        parts.append(f'<row r="{n}"{height}>{"".join(cells)}</row>')
        if count % BATCH == 0:
            stream.write("".join(parts).encode())
            parts = []
    stream.write("".join(parts).encode())
    return count


def _cell(reference: str, text: str, style: int) -> str:
    return f'<c r="{reference}"{_style(style)} t="inlineStr"><is><t xml:space="preserve">{_xml_text(text)}</t></is></c>'


def _write_notes(notes: Notes, first: bool, stream: IO[bytes]) -> int:
    lines = [
        (notes.title, TABLE.header if notes.banner else xlsx_parts.TITLE),
        *((line, TABLE.text) for line in notes.lines),
    ]
    stream.write(xlsx_parts.sheet_start(first, frozen=False, columns=[(NOTES_WIDTH, None)]).encode())
    for number, (text, style) in enumerate(lines, start=1):
        height = _height([text], [NOTES_WIDTH]) if style == TABLE.text else ""  # a long note wraps onto more lines
        stream.write(f'<row r="{number}"{height}>{_cell(f"A{number}", text, style)}</row>'.encode())
    stream.write(xlsx_parts.sheet_end(None).encode())
    return len(lines)
