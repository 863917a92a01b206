"""Stakeholder lists as CSV and Excel files. Columns are the API's field names.

Both writers take rows from queries.export_rows (streamed in batches) and keep memory flat:
CSV is yielded a chunk at a time; XLSX is streamed by engage.common.xlsx.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from engage.common import xlsx

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
XLSX_KINDS = {
    "id": xlsx.NUMBER,
    "organisation_id": xlsx.NUMBER,
    "agent_id": xlsx.NUMBER,
    "do_not_contact": xlsx.BOOLEAN,
    "consent_to_notifications": xlsx.BOOLEAN,
}


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
    """An Excel workbook: bold, frozen header row with filters; text always stored as text, never a formula;
    ids as numbers, yes/no fields as true/false; empty cells left out."""
    values = (list(stakeholder_row(row).values()) for row in rows)
    kinds = [XLSX_KINDS.get(column, xlsx.TEXT) for column in COLUMNS]
    sheet = xlsx.Sheet(sheet_name, COLUMNS, values, widths=[18] * len(COLUMNS), kinds=kinds, plain=True)
    return xlsx.workbook_bytes([sheet])
