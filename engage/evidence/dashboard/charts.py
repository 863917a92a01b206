"""The dashboard's charts, each with the table of its numbers (the accessible alternative) or a message when the
period and filters hold nothing to chart."""

from dataclasses import dataclass, field

from markupsafe import Markup

from engage.common import charts
from engage.common.dates import format_date
from engage.evidence.dashboard import queries
from engage.evidence.dashboard.filters import DashboardFilters


@dataclass
class Chart:
    id: str
    title: str
    desc: str = ""
    svg: Markup | None = None
    head: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    empty: str = ""


def _month_label(month) -> str:
    return f"{month:%b %Y}"


def _empty(filters: DashboardFilters, plain: str, narrowed: str) -> str:
    return narrowed if filters.narrowed else plain


def register_chart(filters: DashboardFilters) -> Chart:
    months, series = queries.engagements_by_register(filters)
    chart = Chart("engagements-by-register", "Engagements per month by register")
    if not any(sum(values) for values in series.values()):
        chart.empty = _empty(
            filters,
            "No engagements were held or planned in this period.",
            "No engagements in this period match these filters.",
        )
        return chart
    labels = [_month_label(m) for m in months]
    totals = [sum(column) for column in zip(*series.values(), strict=True)]
    busiest = labels[totals.index(max(totals))]
    if filters.register:
        chart.desc = (
            f"Bars, one per month from {labels[0]} to {labels[-1]}: engagements with someone on the "
            f"{filters.register.name} register. The busiest month was {busiest}."
        )
    else:
        chart.desc = (
            f"Stacked bars, one per month from {labels[0]} to {labels[-1]}, split by the register of the people "
            f"engaged. The busiest month was {busiest}. An engagement with people from two registers counts in both."
        )
    chart.svg = charts.stacked_bars(chart.id, chart.title, chart.desc, labels, series)
    chart.head = ["Month", *series.keys()]
    chart.rows = [[label, *(values[i] for values in series.values())] for i, label in enumerate(labels)]
    return chart


def matter_chart(filters: DashboardFilters) -> Chart:
    months, names, grid = queries.matters_by_month(filters)
    chart = Chart("matters-by-month", "Strategic matters discussed each month")
    if not names:
        chart.empty = _empty(
            filters,
            "No engagements in this period were about a strategic matter.",
            "No engagements in this period that match these filters were about a strategic matter.",
        )
        return chart
    labels = [_month_label(m) for m in months]
    totals = [sum(row) for row in grid]
    chart.desc = (
        f"Heat map of {len(names)} strategic matters (rows) by month (columns), darker for more engagements. "
        f"Most discussed: {names[totals.index(max(totals))]}."
    )
    chart.svg = charts.heat_map(chart.id, chart.title, chart.desc, names, labels, grid)
    chart.head = ["Strategic matter", *labels]
    chart.rows = [[name, *row] for name, row in zip(names, grid, strict=True)]
    return chart


def response_charts(filters: DashboardFilters) -> list[Chart]:
    result = []
    for number, item in enumerate(queries.responses_per_day(filters), start=1):
        chart = Chart(f"responses-{number}", f"Representations per day: {item.consultation.title}")
        if not item.total:
            chart.empty = "No representations have been received for this consultation" + (
                f" from anyone on the {filters.register.name} register." if filters.register else "."
            )
        else:
            labels = [f"{day:%-d %b}" for day in item.days]
            peak = item.counts.index(max(item.counts))
            chart.desc = (
                f"Bars, one per day from {labels[0]} to {labels[-1]}: {item.total} representations in all "
                f"({item.counted.arguments} distinct arguments, a campaign counting once; {item.counted.people} "
                f"distinct people), the most ({item.counts[peak]}) on {labels[peak]}."
                + (" Bars after the deadline are in a second colour." if item.late_days else "")
            )
            chart.svg = charts.day_bars(chart.id, chart.title, chart.desc, labels, item.counts, item.late_days)
            chart.head = ["Day", "Representations", "After the deadline"]
            chart.rows = [
                [format_date(day), count, "Yes" if i in item.late_days else ""]
                for i, (day, count) in enumerate(zip(item.days, item.counts, strict=True))
            ]
        result.append(chart)
    return result


def action_chart(filters: DashboardFilters) -> Chart:
    authorities, series = queries.actions_by_authority(filters)
    chart = Chart("actions-by-authority", "Follow-up actions by status and owner authority")
    if not authorities:
        chart.empty = _empty(
            filters,
            "No follow-up actions came from engagements in this period.",
            "No follow-up actions came from the engagements in this period that match these filters.",
        )
        return chart
    chart.desc = (
        f"Horizontal bars, one per owner authority ({len(authorities)}), split by status: "
        + ", ".join(f"{sum(values)} {status.lower()}" for status, values in series.items())
        + "."
    )
    chart.svg = charts.stacked_barh(chart.id, chart.title, chart.desc, authorities, series)
    chart.head = ["Authority", *series.keys()]
    chart.rows = [[name, *(values[i] for values in series.values())] for i, name in enumerate(authorities)]
    return chart
