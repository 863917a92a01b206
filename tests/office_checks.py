"""Checks every Word document and workbook Engage writes must pass, shared by the tests of each export: A4 pages with
"Page n of m" in the footer, a title block with a date, tables with set column widths, whole rows and a repeated
header row; worksheets printed landscape, one page wide, with the header row on every page."""

import io

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.shared import Cm

A4_CM = {(21.0, 29.7), (29.7, 21.0)}


def word(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def assert_council_document(document) -> None:
    for section in document.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) in A4_CM
    footer = document.sections[0].footer.paragraphs[0]
    assert "Page " in footer.text and " of " in footer.text
    assert " PAGE " in footer._p.xml and (" NUMPAGES " in footer._p.xml or " SECTIONPAGES " in footer._p.xml)
    assert_tables_laid_out(document)


def assert_titled(document, *, partners: bool = True) -> None:
    """The title in the Title style, then the plan and its councils (when there is a plan), then the date."""
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[0].text
    block = "\n".join(p.text for p in document.paragraphs[1:4])
    assert "Generated on " in block or "Dated " in block
    if partners:
        assert "Prepared by " in block


def assert_tables_laid_out(document) -> None:
    """Every table: fixed column widths inside the page, a repeated header row, rows that do not break."""
    for table in document.tables:
        widths = [int(column.attrib[qn("w:w")]) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert widths and all(widths)
        assert sum(widths) * 635 <= Cm(27.2)  # twips to EMU: within a landscape A4 page's text width
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table._tbl.findall(qn("w:tr")):
            assert row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def assert_printable(data: bytes) -> None:
    """Every sheet prints landscape on A4, one page wide; every table sheet repeats its header row."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        if sheet.freeze_panes == "A2":  # a table, not a sheet of notes
            assert sheet.print_title_rows == "$1:$1"
