"""Column widths for the Word tables of the statement of consultation and the hearing lists: python-docx makes
every column the same width, which splits short headings and squeezes long text."""

from engage.common import office
from engage.common.office import Table

PORTRAIT_CM = 16.0  # A4 portrait text width
LANDSCAPE_CM = 25.5
MAX_MINIMUM_CM = 4.0  # a long word (an email address) may wrap rather than take the page


def _longest_word(values) -> int:
    return max((len(word) for value in values for word in office.cell_text(value).split()), default=1)


def column_widths(table: Table, widths: list[int], total_cm: float = PORTRAIT_CM) -> list[float]:
    """Centimetres per column: in proportion to `widths`, but never so narrow that a word splits."""
    columns = list(zip(table.head, *table.rows[:200], strict=True))
    minimum = [min(_longest_word(values) * 0.25 + 0.5, MAX_MINIMUM_CM) for values in columns]
    share = total_cm / sum(widths)
    sized = [max(width * share, least) for width, least in zip(widths, minimum, strict=True)]
    slack = [size - least for size, least in zip(sized, minimum, strict=True)]
    excess = sum(sized) - total_cm
    if 0 < excess < sum(slack):
        return [size - excess * room / sum(slack) for size, room in zip(sized, slack, strict=True)]
    if excess > 0:  # too many columns for their words: all shrink alike
        return [size * total_cm / sum(sized) for size in sized]
    return sized


def size_columns(grid, table: Table, total_cm: float = PORTRAIT_CM) -> None:
    """Sets the table's columns (python-docx otherwise makes them all equal)."""
    from docx.shared import Cm

    grid.autofit = False
    for column, size in zip(grid.columns, column_widths(table, table.widths, total_cm), strict=True):
        column.width = Cm(size)
        for cell in column.cells:
            cell.width = Cm(size)
