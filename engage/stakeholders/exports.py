"""Stakeholder lists as CSV and Excel files. Columns are the API's field names.

Both writers take rows from queries.export_rows (streamed in batches) and keep memory flat:
CSV is yielded a chunk at a time; XLSX uses XlsxWriter's constant-memory mode.
"""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

COLUMNS = [
    "id",
    "kind",
    "title",
    "first_name",
    "last_name",
    "name",
    "job_title",
    "organisation",
    "organisation_id",
    "email",
    "phone",
    "address",
    "postcode",
    "authority",
    "registers",
    "categories",
    "body_kinds",
    "party",
    "ward",
    "constituency",
    "preferred_channel",
    "accessibility_needs",
    "language",
    "agent_id",
    "do_not_contact",
    "consent_to_notifications",
    "consent_recorded_at",
    "lawful_basis",
    "notes",
    "erased_at",
    "created_at",
    "updated_at",
]
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); an apostrophe stops it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_BATCH_ROWS = 500


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if value is None:
        return ""
    return value


def stakeholder_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row of queries.export_rows, flattened: lists joined with "; " (imports read them back), ISO 8601 dates.

    `name` and `organisation` follow Stakeholder.name and Stakeholder.organisation_label.
    """
    person = row["kind"] != "organisation"
    name = " ".join(part for part in (row["first_name"], row["last_name"]) if part) if person else None
    organisation = (row["linked_organisation"] or row["organisation_name"]) if person else ""
    values = {column: row.get(column) for column in COLUMNS}
    values.update(
        name=name if person else row["organisation_name"],
        organisation=organisation,
        registers="; ".join(row["registers"]),
        categories="; ".join(row["categories"]),
        body_kinds="; ".join(row["body_kinds"]),
        do_not_contact=bool(row["do_not_contact"]),
        consent_to_notifications=bool(row["consent_to_notifications"]),
    )
    return {column: _text(values[column]) for column in COLUMNS}


def neutralise(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets an apostrophe in front; everything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)


def csv_chunks(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A UTF-8 CSV (the caller encodes; the first chunk starts with a byte order mark so Excel reads it right)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, dialect="excel")
    buffer.write("\ufeff")
    writer.writeheader()
    for number, row in enumerate(rows, start=1):
        writer.writerow({key: _csv_value(value) for key, value in stakeholder_row(row).items()})
        if number % CSV_BATCH_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(rows: Iterable[Mapping[str, Any]], sheet_name: str = "Stakeholders") -> bytes:
    """An Excel workbook: bold, frozen header row with filters; every text cell stored as text, never a formula."""
    import xlsxwriter  # here, not at the top, so the app starts without it

    output = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmpdir:
        workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "tmpdir": tmpdir})
        sheet = workbook.add_worksheet(sheet_name[:31])
        sheet.write_row(0, 0, COLUMNS, workbook.add_format({"bold": True}))
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, len(COLUMNS) - 1, 18)
        count = 0
        for count, row in enumerate(rows, start=1):  # noqa: B007 (count is the number of rows afterwards)
            _write_xlsx_row(sheet, count, stakeholder_row(row))
        sheet.autofilter(0, 0, count, len(COLUMNS) - 1)
        workbook.close()
    return output.getvalue()


def _write_xlsx_row(sheet, row_number: int, values: dict[str, Any]) -> None:
    """Typed writes (text is always text, so "=SUM(1)" cannot become a formula); empty cells are skipped."""
    for column, value in enumerate(values.values()):
        if isinstance(value, bool):
            sheet.write_boolean(row_number, column, value)
        elif isinstance(value, int):
            sheet.write_number(row_number, column, value)
        elif value:
            sheet.write_string(row_number, column, value)
