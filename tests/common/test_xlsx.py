"""The one XLSX writer every export uses: cells typed as their columns say, text that stays text, ranges worked out
from the rows written, and what Excel and XML cannot hold left out."""

import io
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pytest

from engage.common import xlsx


def _book(sheets, title: str = "") -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx.workbook_bytes(sheets, title)))


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("formula", ["=1+1", '=HYPERLINK("http://x")', "+SUM(A1)", "-2+3", "@cmd", "=A1"])
def test_text_that_looks_like_a_formula_stays_text(formula):
    sheet = _book([xlsx.Sheet("Data", ["Note"], [[formula]])])["Data"]
    assert sheet["A2"].value == formula
    assert sheet["A2"].data_type == "s"
    with zipfile.ZipFile(io.BytesIO(xlsx.workbook_bytes([xlsx.Sheet("Data", ["Note"], [[formula]])]))) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_dates_and_times_are_typed_with_their_formats_and_times_shown_in_london():
    rows = [[date(2026, 3, 1), datetime(2026, 7, 1, 8, 5, tzinfo=UTC), 3, 2.5, "words"]]
    sheet = _book([xlsx.Sheet("Data", ["Day", "When", "Count", "Share", "Text"], rows)])["Data"]
    day, moment, count, share, text = sheet[2]
    assert (day.value, day.number_format) == (datetime(2026, 3, 1), "dd/mm/yyyy")
    assert (moment.value, moment.number_format) == (datetime(2026, 7, 1, 9, 5), "dd/mm/yyyy hh:mm")  # summer time
    assert (count.value, count.data_type, share.value) == (3, "n", 2.5)
    assert (text.value, text.data_type) == ("words", "s")


def test_declared_kinds_write_numbers_and_true_false_and_by_value_yes_no():
    rows = [[7, True, False, True, 0]]
    kinds = [xlsx.NUMBER, xlsx.BOOLEAN, xlsx.BOOLEAN, None, None]
    sheet = _book([xlsx.Sheet("Data", ["Id", "A", "B", "C", "Zero"], rows, kinds=kinds)])["Data"]
    assert _rows(sheet)[1] == (7, True, False, "Yes", 0)


def test_an_empty_table_shows_its_empty_text_under_the_header_and_filters_it():
    sheet = _book([xlsx.Sheet("Late", ["Reference", "Received"], iter([]), "No representations arrived late.")])["Late"]
    assert _rows(sheet) == [("Reference", "Received"), ("No representations arrived late.", None)]
    assert sheet.auto_filter.ref == "A1:B2"


def test_an_empty_table_without_empty_text_is_its_header_alone():
    sheet = _book([xlsx.Sheet("Data", ["A", "B"], [])])["Data"]
    assert _rows(sheet) == [("A", "B")]
    assert sheet.auto_filter.ref == "A1:B1"


def test_the_filter_range_and_its_defined_name_follow_the_rows_written():
    rows = ([f"R{n}", n] for n in range(1, 1201))  # streamed: more than one batch
    data = xlsx.workbook_bytes([xlsx.Sheet("Long one", ["Ref", "N"], rows)])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Long one"]
    assert sheet.auto_filter.ref == "A1:B1201"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1201"].value == "R1200"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "'Long one'!$A$1:$B$1201</definedName>" in archive.read("xl/workbook.xml").decode()


def test_long_text_is_cut_at_excels_cell_limit():
    sheet = _book([xlsx.Sheet("Data", ["Text"], [["x" * 40000], ["&" * 40000]])])["Data"]
    assert sheet["A2"].value == "x" * 32767
    assert sheet["A3"].value == "&" * 32767


def test_control_characters_are_removed_and_line_breaks_and_markup_kept():
    text = 'a\x00b\x07c\x1fd\ufffe\tline\nnext <b> & "q"'
    sheet = _book([xlsx.Sheet("Data", ["Text"], [[text]], kinds=[xlsx.FREE_TEXT])], title="T\x01itle")["Data"]
    assert sheet["A2"].value == 'abcd\tline\nnext <b> & "q"'


def test_text_that_reads_as_an_excel_escape_is_kept_as_it_was_typed():
    """Excel and LibreOffice read "_x0041_" in a cell's XML as "A"; its "_" written as "_x005F_" keeps the text
    (openpyxl does not decode these escapes in inline strings, so the XML itself is checked)."""
    data = xlsx.workbook_bytes([xlsx.Sheet("Data", ["Text"], [["_x0041_ stays"], ["plain_x"]])])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert ">_x005F_x0041_ stays<" in sheet_xml and ">plain_x<" in sheet_xml


def test_header_formats_widths_and_the_notes_sheet():
    table = xlsx.Sheet("Data", ["Name", "Notes"], [["Ann", "x" * 100]])
    book = _book([xlsx.Notes("About", "The title", ["First note"]), table], title="The title")
    assert book.sheetnames == ["About", "Data"]
    assert book.properties.title == "The title"
    about, data = book["About"], book["Data"]
    assert (about["A1"].value, about["A1"].font.b, about["A1"].font.sz) == ("The title", True, 14)
    assert about["A2"].value == "First note" and about.freeze_panes is None
    header = data["A1"]
    assert header.font.b and header.fill.fgColor.rgb == "FFDDE3EA" and header.alignment.wrap_text
    assert data.column_dimensions["A"].width == pytest.approx(8.71, abs=0.01)  # measured: at least 8 characters
    assert data.column_dimensions["B"].width == pytest.approx(60.71, abs=0.01)  # measured: at most 60


def test_a_note_longer_than_the_notes_column_gets_a_row_tall_enough_for_its_lines():
    """LibreOffice draws a wrapped cell in a row of default height over the row below it."""
    book = _book([xlsx.Notes("About", "The title", ["A short note", "word " * 50])])
    about = book["About"]
    assert about.row_dimensions[2].height is None
    assert about.row_dimensions[3].height == 3 * xlsx.LINE_HEIGHT  # 250 characters in a 100-character column


def test_a_plain_sheet_has_a_bold_header_and_cells_without_formats():
    sheet = _book([xlsx.Sheet("S", ["id", "name"], [[1, "Ann"]], widths=[18, 18], plain=True)])["S"]
    assert sheet["A1"].font.b and sheet["A1"].fill.fill_type is None
    assert not sheet["B2"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width == pytest.approx(18.71, abs=0.01)


def test_sheet_names_are_cut_to_excels_limit():
    book = _book([xlsx.Sheet("A sheet name longer than thirty-one characters", ["A"], [["x"]])])
    assert book.sheetnames == ["A sheet name longer than thirty"]


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (31, "AF"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index, letters):
    assert xlsx.column_letter(index) == letters
