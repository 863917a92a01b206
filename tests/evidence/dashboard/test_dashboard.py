"""The evidence dashboard: SVG charts with the same numbers in tables, and clear messages for bad periods."""

import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from engage.common import charts
from engage.extensions import db
from engage.models import Action, Engagement, Representation, Respondent, StrategicMatter
from tests.factories import create_authority, create_consultation, create_stakeholder
from tests.pages import error_summary, get_page

PERIOD = {"from": "2026-01-01", "to": "2026-03-31"}


def _engagement(when: datetime, stakeholders, matters=(), actions=()) -> Engagement:
    engagement = Engagement(
        title="Meeting", status="held", starts_at=when, lead_authority=create_authority(), agreement="ongoing"
    )
    engagement.stakeholders = list(stakeholders)
    engagement.matters = [db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == m)) for m in matters]
    engagement.actions = [Action(description="Do it", owner_authority=create_authority(), status=s) for s in actions]
    db.session.add(engagement)
    db.session.commit()
    return engagement


def _tables(page) -> dict[str, list[list[str]]]:
    return {
        table.select_one("caption").get_text(strip=True): [
            [cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tbody tr")
        ]
        for table in page.select("table")
    }


def test_dashboard_charts_and_tables_show_the_same_numbers(viewer_client):
    mp = create_stakeholder(registers=["mps"], categories=["mp"])
    agency = create_stakeholder(registers=["statutory-consultees"])
    _engagement(datetime(2026, 1, 10, 10, tzinfo=UTC), [mp], ["green-belt"], ["open", "done"])
    _engagement(datetime(2026, 1, 20, 10, tzinfo=UTC), [mp, agency], ["green-belt", "transport"], ["open"])
    _engagement(datetime(2026, 3, 5, 10, tzinfo=UTC), [agency])
    _engagement(datetime(2026, 5, 5, 10, tzinfo=UTC), [agency], ["transport"])  # outside the period
    page = get_page(viewer_client, "evidence.dashboard.show", **PERIOD)
    svgs = page.select("svg[role=img]")
    assert len(svgs) == 3  # no consultations: registers, matters and actions only
    for svg in svgs:
        labels = svg["aria-labelledby"].split()
        assert page.find(id=labels[0]).name == "title" and page.find(id=labels[1]).name == "desc"
    tables = _tables(page)
    assert tables["Engagements per month by register"] == [
        ["Jan 2026", "1", "2"],
        ["Feb 2026", "0", "0"],
        ["Mar 2026", "1", "0"],
    ]
    heads = [th.get_text(strip=True) for th in page.select("table")[0].select("thead th")]
    assert heads == ["Month", "Statutory consultees", "Local MPs"]
    assert tables["Strategic matters discussed each month"] == [
        ["Green Belt", "2", "0", "0"],
        ["Transport and highways", "1", "0", "0"],
    ]
    assert tables["Follow-up actions by status and owner authority"] == [["Watford Borough Council", "2", "1"]]
    assert "No consultations were open in this period." in page.get_text(" ")


def test_responses_per_day_counts_each_day_and_marks_late_ones(viewer_client):
    now = datetime.now(UTC).replace(microsecond=0)
    consultation = create_consultation(opens_at=now - timedelta(days=3), closes_at=now - timedelta(days=1))
    respondent = Respondent(consultation_id=consultation.id, first_name="A", last_name="B")
    respondent.representations = [
        Representation(consultation_id=consultation.id, number=1, received_at=now - timedelta(days=2)),
        Representation(consultation_id=consultation.id, number=2, received_at=now - timedelta(days=2)),
        Representation(consultation_id=consultation.id, number=3, received_at=now, late=True),
    ]
    db.session.add(respondent)
    db.session.commit()
    page = get_page(viewer_client, "evidence.dashboard.show")
    rows = _tables(page)[f"Representations per day: {consultation.title}"]
    assert sum(int(row[1]) for row in rows) == 3
    assert [row[1] for row in rows if row[1] == "2"] == ["2"]
    assert rows[-1][1:] == ["1", "Yes"]


def test_an_empty_period_says_there_is_nothing_to_chart(viewer_client):
    page = get_page(viewer_client, "evidence.dashboard.show", **PERIOD)
    text = page.get_text(" ")
    assert page.select("svg") == []
    assert "No engagements were held or planned in this period." in text
    assert "No follow-up actions came from engagements in this period." in text


def test_a_period_ending_before_it_starts_shows_the_error(viewer_client):
    page = get_page(viewer_client, "evidence.dashboard.show", **{"from": "2026-03-01", "to": "2026-02-01"})
    assert error_summary(page) == ["End date must be the same as or after the start date"]
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one("input[name=to]")["value"] == "2026-02-01"
    assert page.select("svg") == []


def test_a_date_that_is_not_real_shows_the_error(viewer_client):
    page = get_page(viewer_client, "evidence.dashboard.show", **{"from": "2026-02-30"})
    assert error_summary(page) == ["Start date must be a real date, like 2026-03-01"]


def test_chart_svg_is_well_formed_and_labelled():
    svg = charts.stacked_bars("c1", "A <title>", "A & description", ["Jan", "Feb"], {"Things": [1, 2]})
    root = ElementTree.fromstring(str(svg))
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{namespace}title").text == "A <title>"
    assert root.find(f"{namespace}desc").text == "A & description"
    assert "font-family" in str(svg) or "font:" in str(svg)
