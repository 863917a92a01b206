"""The parts of an XLSX package around its sheets' rows (ECMA-376 SpreadsheetML): content types, relationships,
document properties, the cell formats, the workbook and each sheet's opening and closing XML. engage.common.xlsx
writes the rows between them."""

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

# Cell formats by position: 0 none, 1 header (bold on a grey-blue fill, wrapped, top), 2 text (wrapped, top),
# 3 date, 4 date and time, 5 number (top), 6 title (bold, 14 point), 7 bold.
TITLE = 6
STYLES = (
    XML + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE3EA"/><bgColor indexed="64"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
)
BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CELL_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*")
PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
FIT_TO_PAGE = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
# Printed on A4 (paper size 9), landscape, one page wide and as many long as it takes, "Page n of m" at the foot
PRINT_SET_UP = (
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>"
)


def package(names: Sequence[str], title: str, now: datetime) -> Iterator[tuple[str, str]]:
    """Every part but the sheets and the workbook (which names the filters' ranges, known once rows are written)."""
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{CONTENT_TYPE}.worksheet+xml"/>'
        for n in range(1, len(names) + 1)
    )
    yield (
        "[Content_Types].xml",
        (
            XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CONTENT_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{CONTENT_TYPE}.styles+xml"/>{sheets}'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
        ),
    )
    yield (
        "_rels/.rels",
        (
            XML + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"
        ),
    )
    yield (
        "docProps/app.xml",
        (
            XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Engage</Application></Properties>"
        ),
    )
    stamp = f"{now:%Y-%m-%dT%H:%M:%SZ}"
    yield (
        "docProps/core.xml",
        (
            XML
            + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
            + f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
        ),
    )
    sheet_relationships = "".join(
        f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(names) + 1)
    )
    yield (
        "xl/_rels/workbook.xml.rels",
        (
            XML + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{sheet_relationships}'
            f'<Relationship Id="rId{len(names) + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
    )
    yield "xl/styles.xml", STYLES


def workbook(names: Sequence[str], filters: Sequence[tuple[int, str, str]]) -> str:
    """The workbook part: its sheets, each filter's range as the defined name Excel keeps it under, and each
    table's header row as its print titles (printed at the top of every page)."""
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, start=1)
    )
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"{escape(_quoted(name))}!{_absolute(reference)}</definedName>"
        for index, name, reference in filters
    )
    defined += "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">{escape(_quoted(name))}!$1:$1</definedName>'
        for index, name, _ in filters
    )
    return (
        XML + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><bookViews><workbookView/></bookViews>'
        f"<sheets>{sheets}</sheets>" + (f"<definedNames>{defined}</definedNames>" if defined else "") + "</workbook>"
    )


def _quoted(name: str) -> str:
    """The sheet's name as a formula names it: in quotes unless it is one word that cannot be read as a cell."""
    if BARE_NAME.fullmatch(name) and not CELL_LIKE.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _absolute(reference: str) -> str:
    """The range "A1:K8" written as "$A$1:$K$8"."""
    return ":".join("$" + "".join(c for c in end if c.isalpha()) + "$" + "".join(c for c in end if c.isdigit())
                    for end in reference.split(":"))  # fmt: skip


def excel_width(characters: float) -> float:
    """A width in characters as Excel stores it: the characters at 7 pixels each plus 5 pixels of padding, in
    sevenths, kept to 1/256 of a character."""
    return int((int(characters * 7 + 0.5) + 5) / 7 * 256) / 256


def sheet_start(first: bool, *, frozen: bool, columns: Sequence[tuple[float, int | None]]) -> str:
    """A sheet's XML up to its first row: selected when it is the first, the header row frozen, and each column's
    (width in characters, cell format)."""
    pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
    selected = ' tabSelected="1"' if first else ""
    view = f'<sheetView{selected} workbookViewId="0">{pane if frozen else ""}</sheetView>'
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{excel_width(width)}"' + (f' style="{style}"' if style else "")
        + ' customWidth="1"/>'
        for n, (width, style) in enumerate(columns, start=1)
    )  # fmt: skip
    return (
        XML + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">{FIT_TO_PAGE}<sheetViews>{view}</sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )


def sheet_end(filter_reference: str | None) -> str:
    autofilter = f'<autoFilter ref="{filter_reference}"/>' if filter_reference else ""
    return f"</sheetData>{autofilter}{PAGE_MARGINS}{PRINT_SET_UP}</worksheet>"
