"""The one Word helper every DOCX export uses (engage.common.office and docx_layout): A4 pages numbered "Page n of m",
the plan and its councils and a date in the title block, a contents list, tables sized to their content with whole
rows and repeated header rows, links that are links; and every worksheet's print set-up."""

import io
from datetime import UTC, date, datetime

import openpyxl
from docx.oxml.ns import qn
from docx.shared import Pt

from engage.common import docx_layout, office, xlsx
from tests import office_checks

MASTHEAD = office.Masthead("Joint Strategic Plan", ("Watford Borough Council", "Dacorum Borough Council", "Hertsmere"))


def _built(*, landscape: bool = False) -> bytes:
    document = office.new_document("A report", MASTHEAD, date(2026, 3, 1), landscape=landscape, contents=2)
    document.add_heading("First part", level=1)
    document.add_heading("A detail", level=2)
    document.add_heading("Too deep for the contents", level=3)
    table = office.Table(
        "Rows",
        "The rows",
        ["Reference", "Summary", "Link"],
        [["R-1", "A long summary " * 20, "https://example.gov.uk/a/very/long/path/minutes.pdf"], ["R-2", None, ""]],
        "None",
    )
    office.add_table(document, table)
    office.add_table(document, office.Table("Empty", "Nothing here", ["A"], [], "There was nothing."))
    return office.docx_bytes(document)


def test_a_document_is_a4_numbered_titled_and_dated():
    document = office_checks.word(_built())
    office_checks.assert_council_document(document)
    office_checks.assert_titled(document)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    block = document.paragraphs[1]
    assert block.text == (
        "Joint Strategic Plan\nPrepared by Watford Borough Council, Dacorum Borough Council and Hertsmere"
    )
    assert block.runs[0].bold and document.paragraphs[2].text == "Dated 1 March 2026"
    assert "There was nothing." in [p.text for p in document.paragraphs]


def test_landscape_documents_turn_the_page():
    section = office_checks.word(_built(landscape=True)).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)


def test_the_contents_field_lists_the_headings_down_to_its_level():
    document = office_checks.word(_built())
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Contents") + 1
    assert texts[start : start + 4] == ["First part", "A detail", "The rows", "Nothing here"]
    assert "Too deep for the contents" not in texts[start : start + 4]
    body = document.element.body.xml
    assert ' TOC \\o "1-2"' in body
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"')
    assert office_checks.headings(document, 1)[:2] == ["Contents", "First part"]


def test_columns_are_sized_to_their_content_and_no_word_is_split():
    head = ["Ref", "Summary"]
    rows = [["R-1", "word " * 80], ["Environment", "short"]]
    widths = docx_layout.column_widths(head, rows, int(Pt(400)), 9)
    assert widths[1] > widths[0] * 3  # the long text gets the room
    assert widths[0] >= Pt(docx_layout.text_points("Environment", 9))  # the longest word fits


def test_a_long_web_address_may_break_at_its_slashes_rather_than_take_the_page():
    url = "https://example.gov.uk/" + "x" * 10 + "/" + "y" * 12 + "/minutes-of-the-meeting.pdf"
    widths = docx_layout.column_widths(["Link", "Note"], [[url, "word " * 50]], int(Pt(150)), 9)
    assert Pt(docx_layout.text_points("minutes-of-the-meeting.pdf", 9)) < widths[0] < Pt(120)


def test_links_in_tables_are_hyperlinks():
    document = office_checks.word(_built())
    table = document.tables[0]
    links = table._tbl.findall(".//" + qn("w:hyperlink"))
    assert len(links) == 1
    relation = document.part.rels[links[0].get(qn("r:id"))]
    assert relation.target_ref == "https://example.gov.uk/a/very/long/path/minutes.pdf" and relation.is_external


def test_every_worksheet_is_set_up_to_print():
    data = office.xlsx_bytes(
        "Title",
        ["A note"],
        [
            office.Table(
                "Dates", "Dates", ["When", "Held at"], [[date(2026, 1, 2), datetime(2026, 1, 2, 9, tzinfo=UTC)]], "None"
            ),
            office.Table("Bob's", "Bob's", ["A"], [["x"]], "None"),
        ],
    )
    office_checks.assert_printable(data)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [sheet.print_title_rows for sheet in book.worksheets] == [None, "$1:$1", "$1:$1"]
    assert book["Dates"]["A2"].is_date and book["Dates"]["B2"].is_date
    assert book["Dates"].oddFooter.right.text == "Page &P of &N"


def test_a_streamed_sheet_prints_its_header_on_every_page():
    data = xlsx.workbook_bytes([xlsx.Sheet("Rows", ["A", "B"], ([n, str(n)] for n in range(1200)))])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Rows"]
    assert (sheet.print_title_rows, sheet.page_setup.orientation) == ("$1:$1", "landscape")
