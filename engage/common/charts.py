"""Server-rendered SVG charts (matplotlib, Agg backend, object API so requests never share a figure).

Every chart is an accessible image: role="img" labelled by its own <title> and <desc>, text kept as text (Arial
or a metric-compatible sans-serif) and colours from the Okabe–Ito palette, which stays distinguishable with
the common colour-vision deficiencies. The page puts the same numbers in a table after each chart.
"""

import io
import re
from functools import cache
from itertools import cycle
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from matplotlib.figure import Figure

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
TEXT = "#0b0c0c"
RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
    "font.size": 10,
    "svg.fonttype": "none",
    "svg.hashsalt": "engage",  # stable ids, so the same data gives the same file
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
SVG_OPEN = re.compile(r"<svg\b[^>]*>")
ID_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
MAX_WIDTH = 10.0  # inches: 960 pixels at 96 dpi, the width of the page's main column
MOST_LABELS = 16  # rotated month labels that fit across it


@cache
def _matplotlib():
    """matplotlib with the Agg backend, imported by the first chart rather than when the app starts (it is slow)."""
    import matplotlib

    matplotlib.use("Agg")
    return matplotlib


def _svg(figure: "Figure", chart_id: str, title: str, desc: str) -> Markup:
    buffer = io.StringIO()
    with _matplotlib().rc_context(RC):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = METADATA.sub("", text)
    # Several charts share a page: give matplotlib's ids (figure_1, clip paths, glyphs) the chart's prefix.
    text = ID_REFERENCE.sub(lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}", text)
    opening = SVG_OPEN.search(text).group(0)
    labelled = opening[:-1] + (
        ' style="max-width: 100%; height: auto"'
        ' role="img"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc" class="app-chart__svg" focusable="false">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )
    return Markup(text.replace(opening, labelled, 1))


def _figure(width: float, height: float) -> "Figure":
    """At most MAX_WIDTH inches wide (at 96 dpi, the page's column), laid out so labels and legends fit inside it:
    the SVG then shows at about its own size and its 10-point text stays 10-point, not shrunk to fit."""
    from matplotlib.figure import Figure

    with _matplotlib().rc_context(RC):
        return Figure(figsize=(min(width, MAX_WIDTH), height), dpi=96, layout="constrained")


def _every(labels: list[str], most: int = MOST_LABELS) -> tuple[range, list[str]]:
    """Tick positions and labels, thinned to at most `most` so rotated labels never overlap."""
    step = -(-len(labels) // most) or 1
    return range(0, len(labels), step), labels[::step]


def stacked_bars(chart_id: str, title: str, desc: str, labels: list[str], series: dict[str, list[int]]) -> Markup:
    """Vertical bars, one per label, stacked by series (a legend names the series)."""
    with _matplotlib().rc_context(RC):
        figure = _figure(max(6.0, 0.45 * len(labels) + 2), 3.6)
        axes = figure.add_subplot()
        bottoms = [0] * len(labels)
        for (name, values), colour in zip(series.items(), cycle(OKABE_ITO), strict=False):
            axes.bar(labels, values, bottom=bottoms, label=name, color=colour, edgecolor="white", linewidth=0.5)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_ylabel("Engagements")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_xticks(*_every(labels), rotation=45, ha="right")
        axes.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=9)
        return _svg(figure, chart_id, title, desc)


def heat_map(
    chart_id: str, title: str, desc: str, rows: list[str], columns: list[str], values: list[list[int]]
) -> Markup:
    """A grid of counts (rows × columns), darker for more, with each count written in its cell."""
    with _matplotlib().rc_context(RC):
        figure = _figure(max(6.0, 0.55 * len(columns) + 4), max(2.5, 0.32 * len(rows) + 1.2))
        axes = figure.add_subplot()
        peak = max((v for row in values for v in row), default=0) or 1
        # A single-hue scale from near-white (none) to dark blue (most): ordered by lightness, so it reads the
        # same with any colour-vision deficiency.
        image = axes.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=peak)
        axes.set_xticks(*_every(columns), rotation=45, ha="right")
        axes.set_yticks(range(len(rows)), labels=rows)
        for y, row in enumerate(values):
            for x, value in enumerate(row):
                if value:
                    colour = "white" if value > peak / 2 else TEXT
                    axes.text(x, y, str(value), ha="center", va="center", color=colour, fontsize=9)
        for spine in axes.spines.values():
            spine.set_visible(False)
        colorbar = figure.colorbar(image, ax=axes, shrink=0.8, label="Engagements")
        colorbar.ax.yaxis.get_major_locator().set_params(integer=True)
        return _svg(figure, chart_id, title, desc)


def day_bars(chart_id: str, title: str, desc: str, labels: list[str], values: list[int], marked: set[int]) -> Markup:
    """Responses per day; `marked` days (after the deadline) in a second colour with a legend."""
    with _matplotlib().rc_context(RC):
        figure = _figure(max(6.0, 0.22 * len(labels) + 2), 3.0)
        axes = figure.add_subplot()
        colours = [OKABE_ITO[5] if i in marked else OKABE_ITO[0] for i in range(len(labels))]
        axes.bar(range(len(labels)), values, color=colours)
        axes.set_xticks(*_every(labels, 12), rotation=45, ha="right")
        axes.set_ylabel("Representations")
        axes.yaxis.get_major_locator().set_params(integer=True)
        if marked:
            from matplotlib.patches import Patch

            handles = [
                Patch(color=OKABE_ITO[0], label="On time"),
                Patch(color=OKABE_ITO[5], label="After the deadline"),
            ]
            axes.legend(handles=handles, frameon=False, fontsize=9)
        return _svg(figure, chart_id, title, desc)


def stacked_barh(chart_id: str, title: str, desc: str, labels: list[str], series: dict[str, list[int]]) -> Markup:
    """Horizontal bars, one per label, stacked by series."""
    with _matplotlib().rc_context(RC):
        figure = _figure(7.0, max(2.0, 0.4 * len(labels) + 1.0))
        axes = figure.add_subplot()
        lefts = [0] * len(labels)
        for (name, values), colour in zip(series.items(), cycle(OKABE_ITO), strict=False):
            axes.barh(labels, values, left=lefts, label=name, color=colour, edgecolor="white", linewidth=0.5)
            lefts = [left + v for left, v in zip(lefts, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("Actions")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=9)
        return _svg(figure, chart_id, title, desc)
