"""Word layout for the Statement of Common Ground: A4 pages with "Page n of m" in the footer, tables whose header
row repeats on each page, whose rows do not break across pages and whose columns are sized to their content, and
real hyperlinks."""

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.0)
NARROW_MARGIN = Cm(1.5)
CELL_MARGIN = Cm(0.1)  # left and right inside each cell
LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)


def page_setup(section, *, landscape: bool = False) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    if landscape:  # the wide tables get the room
        section.left_margin = section.right_margin = NARROW_MARGIN


def text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the page is laid out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def footer(section, text: str) -> None:
    """The document's name and "Page n of m" at the foot of every page."""
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run(f"{text}    Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _row_properties(row, *, header: bool) -> None:
    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


def _points(text: str, size: float, bold: bool = False) -> float:
    """About how wide `text` is in Arial at `size` points: capitals are wider than small letters and digits."""
    em = sum(0.72 if c.isupper() else 0.3 if c in " .,;:'()-/" else 0.56 for c in text)
    return em * size * (1.08 if bold else 1.0)


def _widths(head: list[str], rows: list[list[str]], total: int, size: int) -> list[int]:
    """Column widths sized to their content: every column at least as wide as its longest word (so no word is
    split), and the room left shared in proportion to how much more text each column holds."""
    padding = int(CELL_MARGIN * 2 + Pt(2))
    least, wanted = [], []
    for index, heading in enumerate(head):
        values = [str(row[index] or "") for row in rows]
        words = [_points(w, size, bold=True) for w in heading.split()] + [
            _points(w, size) for value in values for w in value.split()
        ]
        lines = [_points(heading, size, True)] + [_points(line[:45], size) for v in values for line in v.splitlines()]
        least.append(int(Pt(max(words, default=size))) + padding)
        wanted.append(int(Pt(max(max(lines, default=0), max(words, default=0)))) + padding)
    if sum(least) >= total:
        return [int(width * total / sum(least)) for width in least]
    if sum(wanted) <= total:
        return [int(width * total / sum(wanted)) for width in wanted]
    spare, extra = total - sum(least), [w - m for w, m in zip(wanted, least, strict=True)]
    return [int(m + spare * e / sum(extra)) for m, e in zip(least, extra, strict=True)]


def _fixed_layout(table, widths: list[int]) -> None:
    widths = [width - width % 635 for width in widths]  # whole twips, as Word stores them, so none rounds up
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN.twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def add_hyperlink(paragraph, url: str, text: str | None = None, size: int | None = None) -> None:
    relation = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text or url)
    run.font.color.rgb = LINK_COLOUR
    run.font.underline = True
    if size:
        run.font.size = Pt(size)
    link.append(run._r)
    paragraph._p.append(link)


def table(document, head: list[str], rows: list[list[str]], empty: str, *, size: float = 9, width: int | None = None):
    """A table sized to its content with a repeating bold header row, or the `empty` sentence when no rows."""
    if not rows:
        document.add_paragraph(empty)
        return None
    grid = document.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    grid.autofit = False
    for cell, text in zip(grid.rows[0].cells, head, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    _row_properties(grid.rows[0], header=True)
    for values in rows:
        row = grid.add_row()
        _row_properties(row, header=False)
        for cell, value in zip(row.cells, values, strict=True):
            text = str(value or "")
            if text.startswith(("https://", "http://")):
                add_hyperlink(cell.paragraphs[0], text, size=size)
            else:
                cell.paragraphs[0].add_run(text).font.size = Pt(size)
    _fixed_layout(grid, _widths(head, rows, width or text_width(document.sections[-1]), size))
    return grid
