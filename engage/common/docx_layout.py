"""How every Word document Engage writes is laid out: A4 pages (landscape for wide tables) with "Page n of m" in
the footer, a contents list that Word fills in, tables whose columns are sized to their content (no word split
across lines), whose rows do not break across pages and whose header row repeats on each page, and real
hyperlinks. engage.common.office builds documents with these; the streamed parts (the DtC table's rows, the
statement's annex) use the row properties given here as XML."""

from collections.abc import Sequence

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.0)
NARROW_MARGIN = Cm(1.27)
CELL_MARGIN = Cm(0.1)  # left and right inside each cell
LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
MEASURED_ROWS = 300  # column widths are measured on the first rows: enough to see what the columns hold
LONGEST_WORD = 100  # points: a longer word (a reference number, a code) may wrap rather than take the page
LONGEST_LINE = 45  # characters of a line counted when asking for room; longer text wraps
WIDE_LETTERS = dict.fromkeys("mwMW@", 0.95) | dict.fromkeys("ijlftrI .,;:'()-/|", 0.3)  # ems, Arial
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
TOC = " TOC \\o "
ROW_PROPERTIES = "<w:trPr><w:cantSplit/></w:trPr>"  # for rows written as XML: they do not break across pages


def page_setup(section, *, landscape: bool = False) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    if landscape:  # the wide tables get the room
        section.left_margin = section.right_margin = NARROW_MARGIN


def number_from_one(section) -> None:
    """The section's pages are numbered from 1 again."""
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        section._sectPr.append(numbering)
    numbering.set(qn("w:start"), "1")


def text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def add_field(paragraph, code: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the pages are laid out; `shown` is
    what a reader that cannot work it out sees."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, shown), ("end", None)):
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


def footer(section, text: str, total: str = "NUMPAGES") -> None:
    """The document's name and "Page n of m" at the foot of every page (later sections follow the first); with
    `total` SECTIONPAGES, m counts the section's pages (for letters, one section each)."""
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run(f"{text}    Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, total)
    for run in paragraph.runs:
        run.font.size = Pt(8)


def add_contents(document, levels: int = 2) -> None:
    """A "Contents" heading and a TOC field over headings 1 to `levels`; fill_contents writes the entries it
    shows until Word updates the field (F9), so the list reads right in any viewer."""
    document.add_heading("Contents", level=1)
    paragraph = document.add_paragraph()
    begin, code, separate = (OxmlElement(tag) for tag in ("w:fldChar", "w:instrText", "w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = f'{TOC}"1-{levels}" \\h \\z \\u '
    separate.set(qn("w:fldCharType"), "separate")
    for element in (begin, code, separate):
        paragraph.add_run()._r.append(element)


def fill_contents(document) -> None:
    """The contents field's entries, if the document has one: every heading after it down to the field's last
    level, indented by level; the field ends after the last one."""
    field = next((p for p in document.paragraphs if TOC in p._p.xml), None)
    if field is None:
        return
    levels = int(field._p.xml.split(TOC, 1)[1][3])
    after, entries = False, []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if after else ""
        after = after or paragraph._p is field._p
        if style.startswith("Heading ") and style[8:].isdigit() and int(style[8:]) <= levels:
            entries.append((int(style[8:]), paragraph.text))
    anchor = field
    for number, (level, text) in enumerate(entries):
        if number:
            entry = document.add_paragraph()
            anchor._p.addnext(entry._p)
            anchor = entry
        anchor.add_run(text)
        anchor.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        anchor.paragraph_format.space_after = Pt(0)
    anchor.paragraph_format.space_after = Pt(12)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    anchor.add_run()._r.append(end)


def text_points(text: str, size: float, bold: bool = False) -> float:
    """About how wide `text` is in Arial at `size` points: capitals are wider than small letters and digits."""
    em = sum(WIDE_LETTERS.get(c) or (0.72 if c.isupper() else 0.56) for c in text)
    return em * size * (1.12 if bold else 1.0)


def _word_points(word: str, size: float) -> float:
    """The room a word needs on one line: a web address may break after its slashes, and no word (an email
    address, a long reference) asks for more than LONGEST_WORD points."""
    if "/" in word and len(word) > 15:
        word = max(word.split("/"), key=len)
    return min(text_points(word, size), LONGEST_WORD)


def column_widths(head: Sequence[str], rows: Sequence[Sequence[str]], total: int, size: float) -> list[int]:
    """Column widths (EMU) sized to their content: every column at least as wide as its longest word (so no word
    is split), and the room left shared in proportion to how much more text each column holds."""
    padding = int(CELL_MARGIN * 2 + Pt(3))
    least, wanted = [], []
    for index, heading in enumerate(head):
        values = [row[index] for row in rows[:MEASURED_ROWS]]
        words = [text_points(w, size, bold=True) for w in heading.split()]
        words += [_word_points(w, size) for value in values for w in set(value.split())]
        lines = [text_points(heading, size, True)]
        lines += [text_points(line[:LONGEST_LINE], size) for value in values for line in value.splitlines()]
        least.append(int(Pt(max(words, default=size))) + padding)
        wanted.append(int(Pt(max(max(lines, default=0), max(words, default=0)))) + padding)
    if sum(least) >= total:
        return [int(width * total / sum(least)) for width in least]
    if sum(wanted) <= total:
        return [int(width * total / sum(wanted)) for width in wanted]
    spare, extra = total - sum(least), [w - m for w, m in zip(wanted, least, strict=True)]
    return [int(m + spare * e / sum(extra)) for m, e in zip(least, extra, strict=True)]


def fix_widths(table, widths: list[int]) -> None:
    """A fixed layout at these widths, which Word and LibreOffice both keep (python-docx makes columns equal)."""
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
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def row_properties(row, *, header: bool) -> None:
    """The row does not break across pages; a header row repeats at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


def add_hyperlink(paragraph, url: str, text: str | None = None, size: float | None = None) -> None:
    relation = paragraph.part.relate_to(url, HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text or url)
    run.font.color.rgb = LINK_COLOUR
    run.font.underline = True
    if size:
        run.font.size = Pt(size)
    link.append(run._r)
    paragraph._p.append(link)


def is_link(text: str) -> bool:
    return text.startswith(("https://", "http://")) and " " not in text


def add_text(paragraph, text: str, size: float) -> None:
    """Plain text, a link when it is a web address; line breaks kept."""
    if is_link(text):
        add_hyperlink(paragraph, text, size=size)
        return
    for number, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        if number:
            run._r.insert(0, OxmlElement("w:br"))


def add_grid(document, head: list[str], rows: list[list], *, size: float, width: int | None = None, measure=None):
    """A table sized to its content (or to `measure`, rows like those that will be written in), with a repeating
    bold header row and rows kept whole."""
    rows = [["" if value is None else str(value) for value in row] for row in rows]
    grid = document.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, head, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    row_properties(grid.rows[0], header=True)
    for values in rows:
        row = grid.add_row()
        row_properties(row, header=False)
        for cell, text in zip(row.cells, values, strict=True):
            add_text(cell.paragraphs[0], text, size)
    measured = rows if measure is None else measure
    fix_widths(grid, column_widths(head, measured, width or text_width(document.sections[-1]), size))
    return grid


def table(document, head: list[str], rows: list[list[str]], empty: str, *, size: float = 9, width: int | None = None):
    """`add_grid`, or the `empty` sentence when there are no rows."""
    if not rows:
        document.add_paragraph(empty)
        return None
    return add_grid(document, head, rows, size=size, width=width)
