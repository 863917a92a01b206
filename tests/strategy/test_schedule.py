"""Scheduling planned engagements from the communications strategy."""

from datetime import date, time

from sqlalchemy import func, select

from engage.common.dates import LONDON
from engage.extensions import db
from engage.models import Engagement
from engage.strategy import schedule, services
from engage.strategy.coverage import coverage_gaps
from tests.factories import create_authority, create_engagement, create_plan, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form


def _entry(**overrides):
    create_authority()
    data = {
        "title": "Members’ forum",
        "register": "members-forum",
        "mechanism": "members-forum-meeting",
        "cadence": "monthly",
        "starts_on": date(2026, 5, 25),  # Spring bank holiday, a Monday
        "ends_on": date(2026, 8, 31),
        "time_of_day": time(18, 30),
        "level": "member",
        "lead_authority": "WBC",
        "owner": "Communications lead",
        "key_messages": "Why a joint plan",
    }
    data.update(overrides)
    return services.create_entry(data)


def _days(entry) -> list[date]:
    query = select(Engagement).where(Engagement.strategy_entry_id == entry.id).order_by(Engagement.starts_at)
    return [e.local_date for e in db.session.scalars(query)]


def test_monthly_entry_avoids_bank_holidays_and_weekends():
    create_plan()
    entry = _entry()
    added = schedule.generate(entry)
    # 25 May 2026 is a bank holiday -> Tue 26 May; 25 Jul is a Saturday -> Mon 27 Jul; 25 Aug is a Tuesday.
    assert _days(entry) == [date(2026, 5, 26), date(2026, 6, 25), date(2026, 7, 27), date(2026, 8, 25)]
    assert added[0].starts_at.astimezone(LONDON).time() == time(18, 30)
    assert {e.status for e in added} == {"planned"} and {e.kind for e in added} == {"forum"}
    assert all(e.plan_stage.slug == "reg-18" for e in added)


def test_regenerating_never_duplicates_or_deletes_held_ones():
    create_plan()
    entry = _entry()
    first = schedule.generate(entry)
    first[0].status, first[0].outcome = "held", "Discussed the spatial options"
    db.session.commit()
    assert schedule.generate(entry) == []
    assert db.session.scalar(select(func.count()).select_from(Engagement)) == 4
    assert db.session.get(Engagement, first[0].id).status == "held"


def test_per_stage_cadence_plans_one_at_each_covered_stage():
    create_plan()
    entry = _entry(cadence="per-stage", stages=["reg-19", "submission"], starts_on=date(2026, 1, 1), ends_on=None)
    schedule.generate(entry)
    assert _days(entry) == [date(2027, 1, 11), date(2027, 6, 1)]


def test_weekly_entry_limited_to_stages_it_covers():
    create_plan()
    entry = _entry(cadence="weekly", stages=["reg-19"], starts_on=date(2026, 12, 21), ends_on=date(2027, 1, 31))
    days = (schedule.generate(entry), _days(entry))[1]
    assert days[0] == date(2027, 1, 11) and all(d >= date(2027, 1, 11) for d in days)


def test_named_stakeholders_are_invited_to_generated_engagements():
    create_plan()
    person = create_stakeholder()
    entry = _entry(register="", stakeholders=[person.id], cadence="one-off", starts_on=date(2026, 6, 1))
    added = schedule.generate(entry)
    assert [s.id for s in added[0].stakeholders] == [person.id]


def test_coverage_gap_until_the_audience_is_engaged():
    create_plan()
    person = create_stakeholder(registers=["members-forum"], categories=["elected-member"])
    entry = _entry(starts_on=date(2026, 2, 2), ends_on=None)
    today = date(2026, 3, 30)
    assert [gap.entry.id for gap in coverage_gaps(today)] == [entry.id]
    create_engagement(stakeholders=[person.id])  # 4 March 2026
    assert coverage_gaps(today) == []
    assert [gap.entry.id for gap in coverage_gaps(date(2026, 5, 1))] == [entry.id]


def test_strategy_page_form_and_generate(officer_client):
    create_plan()
    get_page(officer_client, "strategy.new")
    form = {
        "title": "Local MPs",
        "register": "mps",
        "mechanism": "mp-briefing",
        "cadence": "quarterly",
        "starts_on": ["1", "6", "2026"],
        "time_of_day": "09:30",
        "level": "member",
        "lead_authority": "WBC",
        "owner": "Head of planning",
        "key_messages": "Housing numbers",
    }
    assert post_form(officer_client, "strategy.new", form).status_code == 302
    assert post_form(officer_client, "strategy.generate", {}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Engagement)) > 0
    page = get_page(officer_client, "strategy.index")
    assert "Local MPs" in page.get_text()
    timeline = page.select_one("#timeline").find_next("table")
    assert [row.td.get_text(" ", strip=True) for row in timeline.select("tbody tr")][0] == "Regulation 18"


def test_strategy_form_errors_keep_input(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "strategy.new", {"title": "Kept", "cadence": "monthly"}))
    assert "Select a register, or name the stakeholders this entry is for" in error_summary(page)
    assert page.select_one("#title")["value"] == "Kept"
