"""Dashboard filters by lead authority, register and plan stage: every chart and its table follow them, nothing
matching says so, and unknown values are errors on their fields, never a 500."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Action, Engagement, Representation, Respondent, StrategicMatter
from tests.evidence.dashboard.test_dashboard import _tables
from tests.factories import create_authority, create_consultation, create_plan, create_stakeholder
from tests.pages import error_summary, get_page

PERIOD = {"from": "2026-01-01", "to": "2026-03-31"}
REGISTERS = "Engagements per month by register"
MATTERS = "Strategic matters discussed each month"
ACTIONS = "Follow-up actions by status and owner authority"


def _engagement(when, stakeholders, authority, stage=None, matters=(), owner=None) -> Engagement:
    engagement = Engagement(title="Meeting", status="held", starts_at=when, lead_authority=authority, plan_stage=stage)
    engagement.stakeholders = list(stakeholders)
    engagement.matters = [db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == m)) for m in matters]
    engagement.actions = [Action(description="Do it", owner_authority=owner or authority, status="open")]
    db.session.add(engagement)
    db.session.commit()
    return engagement


@pytest.fixture
def quarter():
    """Watford met an MP in January at Regulation 18 (Green Belt); Dacorum met an agency in February at
    Regulation 19 (transport), an action for Watford; Watford met both in March with no stage."""
    plan = create_plan()
    reg18, reg19 = plan.stages[0], plan.stages[1]
    watford = create_authority()
    dacorum = create_authority("DBC", "Dacorum Borough Council")
    mp = create_stakeholder(registers=["mps"], categories=["mp"])
    agency = create_stakeholder(registers=["statutory-consultees"])
    _engagement(datetime(2026, 1, 10, 10, tzinfo=UTC), [mp], watford, reg18, ["green-belt"])
    _engagement(datetime(2026, 2, 10, 10, tzinfo=UTC), [agency], dacorum, reg19, ["transport"], owner=watford)
    _engagement(datetime(2026, 3, 10, 10, tzinfo=UTC), [mp, agency], watford, None, ["green-belt"])
    return mp, agency


def test_lead_authority_filter_applies_to_every_engagement_chart(viewer_client, quarter):
    tables = _tables(get_page(viewer_client, "evidence.dashboard.show", authority="dbc", **PERIOD))
    assert tables[REGISTERS] == [["Jan 2026", "0"], ["Feb 2026", "1"], ["Mar 2026", "0"]]
    assert tables[MATTERS] == [["Transport and highways", "0", "1", "0"]]
    assert tables[ACTIONS] == [["Watford Borough Council", "1"]]  # owned by Watford, from Dacorum's engagement
    page = get_page(viewer_client, "evidence.dashboard.show", authority="WBC", **PERIOD)
    assert "Lead authority: Watford Borough Council" in page.get_text(" ")
    assert page.select_one("select[name=authority] option[selected]")["value"] == "WBC"
    assert _tables(page)[MATTERS] == [["Green Belt", "1", "0", "1"]]


def test_register_filter_counts_only_that_registers_engagements(viewer_client, quarter):
    page = get_page(viewer_client, "evidence.dashboard.show", register="mps", **PERIOD)
    heads = [th.get_text(strip=True) for th in page.select("table")[0].select("thead th")]
    assert heads == ["Month", "Local MPs"]
    assert "engagements with someone on the Local MPs register" in page.select_one("#engagements-by-register-desc").text
    tables = _tables(page)
    assert tables[REGISTERS] == [["Jan 2026", "1"], ["Feb 2026", "0"], ["Mar 2026", "1"]]
    assert tables[MATTERS] == [["Green Belt", "1", "0", "1"]]
    assert tables[ACTIONS] == [["Watford Borough Council", "2"]]


def test_plan_stage_filter_and_filters_combined(viewer_client, quarter):
    tables = _tables(get_page(viewer_client, "evidence.dashboard.show", stage="reg-19", **PERIOD))
    assert tables[MATTERS] == [["Transport and highways", "0", "1", "0"]]
    tables = _tables(get_page(viewer_client, "evidence.dashboard.show", stage="reg-18", authority="WBC", **PERIOD))
    assert tables[REGISTERS] == [["Jan 2026", "1"], ["Feb 2026", "0"], ["Mar 2026", "0"]]


def test_filters_that_match_nothing_say_so_in_every_chart(viewer_client, quarter):
    page = get_page(viewer_client, "evidence.dashboard.show", stage="reg-19", register="mps", **PERIOD)
    text = page.get_text(" ")
    assert page.select("svg") == [] and page.select("table") == []
    assert "No engagements in this period match these filters." in text
    assert "No engagements in this period that match these filters were about a strategic matter." in text
    assert "No follow-up actions came from the engagements in this period that match these filters." in text
    assert "No consultations at the Regulation 19 stage were open in this period." in text
    assert error_summary(page) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"authority": "NOPE"}, "Select a lead authority from the list"),
        ({"register": "<script>"}, "Select a register from the list"),
        ({"stage": "x" * 5000}, "Select a plan stage from the list"),
        ({"stage": "reg-19", "to": "2025-01-01"}, "End date must be the same as or after the start date"),
    ],
)
def test_unknown_filter_values_are_errors_on_their_fields(viewer_client, quarter, args, message):
    response = viewer_client.get("/evidence/dashboard", query_string={**PERIOD, **args})
    assert response.status_code == 200
    page = get_page(viewer_client, "evidence.dashboard.show", **{**PERIOD, **args})
    assert error_summary(page) == [message]
    assert page.title.get_text().startswith("Error: ")
    assert "Correct the filters to see the charts." in page.get_text(" ")
    assert page.select("svg") == []


def test_consultation_charts_follow_the_register_and_stage(viewer_client, quarter):
    mp, _agency = quarter
    now = datetime.now(UTC).replace(microsecond=0)
    consultation = create_consultation(opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=1))
    for stakeholder in (mp, None, None):
        respondent = Respondent(consultation_id=consultation.id, stakeholder_id=stakeholder.id if stakeholder else None)
        respondent.representations = [
            Representation(consultation_id=consultation.id, received_at=now - timedelta(days=2), number=1)
        ]
        db.session.add(respondent)
    db.session.commit()
    title = f"Representations per day: {consultation.title}"
    everyone = _tables(get_page(viewer_client, "evidence.dashboard.show"))[title]
    assert sum(int(row[1]) for row in everyone) == 3
    mps = _tables(get_page(viewer_client, "evidence.dashboard.show", register="mps"))[title]
    assert sum(int(row[1]) for row in mps) == 1
    page = get_page(viewer_client, "evidence.dashboard.show", register="general-consultees")
    assert "No representations have been received for this consultation from anyone on the" in page.get_text(" ")
    page = get_page(viewer_client, "evidence.dashboard.show", stage="reg-18")  # the consultation is at Regulation 19
    assert title not in _tables(page)
    page = get_page(viewer_client, "evidence.dashboard.show", authority="WBC")
    assert title in _tables(page)
    assert "not filtered by lead authority" in page.get_text(" ")
