"""Reading uploaded CSV and XLSX files: what cannot be read as it stands is a clear message, never raw Python text
and never values shifted into the wrong columns."""

import codecs
import io

import pytest
from openpyxl import Workbook

from engage.common.tables import DUPLICATE_HEADING, EXTRA_CELLS, NOT_UTF8, read_table
from tests.pages import error_summary, parse
from tests.stakeholders.test_import import upload


def _xlsx(*rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_invalid_utf8_is_refused_with_the_row_it_is_on():
    data = "Name,Email\nZoë,z@example.com\nAda,a@example.com\n".encode() + b"Bad \xff\xfe name,b@example.com\n"
    with pytest.raises(ValueError, match="^Row 4 of the selected file has characters that are not valid UTF-8"):
        read_table("people.csv", data, 100)


def test_a_windows_1252_file_without_any_utf8_is_still_read():
    data = "Name,Email\nZoë,z@example.com\n".encode("cp1252")
    assert read_table("people.csv", data, 100) == (["Name", "Email"], [[2, "Zoë", "z@example.com"]])


def test_a_row_number_counts_records_not_lines_when_a_cell_runs_over_lines():
    data = 'Name,Address\nZoë,"1 High St\nWatford"\nBob,2 Low St\n'.encode() + b"\xc3(,x\n"
    with pytest.raises(ValueError, match="^Row 4 "):
        read_table("people.csv", data, 100)


@pytest.mark.parametrize("headings", ["Name,Email,name", "Email;Name;EMAIL "])
def test_a_heading_used_twice_is_refused(headings):
    delimiter = ";" if ";" in headings else ","
    data = f"{headings}\n{delimiter.join(['Ada', 'a@example.com', 'x'])}\n".encode()
    with pytest.raises(ValueError) as raised:
        read_table("people.csv", data, 100)
    assert str(raised.value) == DUPLICATE_HEADING.format(heading=headings.replace(";", ",").split(",")[2].strip())


def test_a_heading_used_twice_in_a_workbook_is_refused():
    with pytest.raises(ValueError, match="more than one column headed ‘Email’"):
        read_table("people.xlsx", _xlsx(["Email", "Name", "Email"], ["a@example.com", "Ada", "b@example.com"]), 100)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_row_with_more_cells_than_headings_is_refused_not_shifted(extension):
    rows = [["Name", "Email"], ["Ada", "a@example.com"], ["Bob", "b@example.com", "07700 900123"]]
    data = _xlsx(*rows) if extension == "xlsx" else "\n".join(",".join(row) for row in rows).encode()
    with pytest.raises(ValueError) as raised:
        read_table(f"people.{extension}", data, 100)
    assert str(raised.value) == EXTRA_CELLS.format(row=3, cells=3, headings=2)


def test_empty_cells_after_the_last_heading_are_not_extra_cells():
    columns, rows = read_table("people.csv", b"Name,Email\r\nAda,a@example.com,,\r\n", 100)
    assert rows == [[2, "Ada", "a@example.com"]]


def test_short_rows_are_padded_and_quoted_delimiters_stay_in_their_cell():
    data = codecs.BOM_UTF8 + b'Name;Address;Email\r\nAda;"1 High St; Watford"\r\n'
    assert read_table("people.csv", data, 100) == (
        ["Name", "Address", "Email"],
        [[2, "Ada", "1 High St; Watford", ""]],
    )


def test_workbook_cells_read_as_people_see_them():
    from datetime import datetime

    data = _xlsx(["Name", "Phone", "Since"], ["Ada", 7700900123, datetime(2026, 3, 1)], [None, None, None])
    assert read_table("people.xlsx", data, 100)[1] == [[2, "Ada", "7700900123", "2026-03-01"]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Name,Email\nAda,a@example.com\n" + b"Bad \xc3\x28,b@example.com\n" + "Zoë".encode(), NOT_UTF8.format(row=3)),
        (b"Name,Email,name\nAda,a@example.com,x\n", DUPLICATE_HEADING.format(heading="name")),
    ],
)
def test_the_upload_page_shows_the_message_next_to_the_file_field(officer_client, data, message):
    page = parse(upload(officer_client, data))
    assert error_summary(page) == [message]
    assert "Traceback" not in page.get_text() and "Error tokenizing" not in page.get_text()
