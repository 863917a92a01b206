"""The engagement list and its filters, the month calendar, .ics files, a stakeholder's history, the dashboard."""

from datetime import datetime

import icalendar

from engage.common.dates import LONDON
from engage.engagements import feeds
from engage.extensions import db
from engage.models import Action
from tests.factories import create_authority, create_engagement, create_plan, create_stakeholder
from tests.pages import get_page


def _titles(page) -> list[str]:
    return [link.get_text(strip=True) for link in page.select("table a.govuk-link[href*='/engagements/']")]


def test_list_filters_by_authority_matter_status_and_date(viewer_client):
    create_plan()
    create_authority("DBC", "Dacorum Borough Council")
    create_engagement(title="Watford education", matters=["education"])
    create_engagement(title="Dacorum transport", lead_authority="DBC", matters=["transport"])
    create_engagement(
        title="Later planned", status="planned", outcome="", starts_at=datetime(2026, 5, 6, 10, tzinfo=LONDON)
    )
    assert sorted(_titles(get_page(viewer_client, "engagements.index"))) == [
        "Dacorum transport",
        "Later planned",
        "Watford education",
    ]
    assert _titles(get_page(viewer_client, "engagements.index", authority="DBC")) == ["Dacorum transport"]
    assert _titles(get_page(viewer_client, "engagements.index", matter="education")) == ["Watford education"]
    assert _titles(get_page(viewer_client, "engagements.index", status="planned")) == ["Later planned"]
    page = get_page(viewer_client, "engagements.index", **{"from": "2026-05-01", "to": "2026-05-31"})
    assert _titles(page) == ["Later planned"]


def test_list_filters_by_stakeholder_and_register(viewer_client):
    create_plan()
    mp = create_stakeholder(registers=["mps"], categories=["mp"])
    resident = create_stakeholder()
    create_engagement(title="MP briefing", stakeholders=[mp.id])
    create_engagement(title="Resident call", stakeholders=[resident.id])
    assert _titles(get_page(viewer_client, "engagements.index", stakeholder=mp.id)) == ["MP briefing"]
    assert _titles(get_page(viewer_client, "engagements.index", register="mps")) == ["MP briefing"]


def test_calendar_shows_the_month_with_engagements_on_their_day(viewer_client):
    create_plan()
    create_engagement(title="Forum meeting", starts_at=datetime(2026, 3, 4, 18, 30, tzinfo=LONDON))
    page = get_page(viewer_client, "engagements.calendar", month="2026-03")
    assert page.h1.get_text(strip=True) == "March 2026"
    cell = next(td for td in page.select("td") if "Forum meeting" in td.get_text())
    assert cell.select_one("span").get_text(strip=True).startswith("4")
    assert "18:30" in cell.get_text()
    assert "Forum meeting" not in get_page(viewer_client, "engagements.calendar", month="2026-04").get_text()


def test_a_busy_calendar_day_links_to_the_rest(viewer_client):
    create_plan()
    for hour in range(9, 17):
        create_engagement(title=f"Meeting at {hour}", starts_at=datetime(2026, 3, 4, hour, tzinfo=LONDON))
    page = get_page(viewer_client, "engagements.calendar", month="2026-03")
    cell = next(td for td in page.select("td") if "Meeting at 9" in td.get_text())
    assert len(cell.select("li")) == 7
    more = cell.select("li a")[-1]
    assert more.get_text(" ", strip=True).startswith("2 more")
    assert "from=2026-03-04" in more["href"] and "to=2026-03-04" in more["href"]


def test_ics_export_is_valid_and_in_london_time(viewer_client):
    create_plan()
    create_engagement(title="Summer meeting", starts_at=datetime(2026, 7, 1, 10, tzinfo=LONDON))
    create_engagement(title="Other authority", lead_authority=create_authority("DBC", "Dacorum").code)
    response = viewer_client.get("/engagements/export.ics?authority=WBC")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Summer meeting"]
    assert events[0]["dtstart"].params["TZID"] == "Europe/London"
    assert events[0].decoded("dtstart").hour == 10
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert b"VERSION:2.0" in response.data and b"PRODID:" in response.data


def test_calendar_feed_works_with_its_secret_until_revoked(client, officer_client):
    create_plan()
    create_engagement(title="Feed meeting", starts_at=datetime.now(LONDON).replace(microsecond=0))
    feed, token = feeds.create_feed(officer_client.user)
    response = client.get(f"/engagements/feed/{token}.ics")
    assert response.status_code == 200
    assert "Feed meeting" in response.get_data(as_text=True)
    assert client.get("/engagements/feed/not-the-secret.ics").status_code == 404
    officer_client.post(f"/engagements/calendar-feeds/{feed.id}/revoke")
    assert client.get(f"/engagements/feed/{token}.ics").status_code == 404


def test_creating_a_feed_shows_its_address_once(officer_client):
    response = officer_client.post("/engagements/calendar-feeds", data={"scope": "authority"})
    assert response.status_code == 200
    assert "/engagements/feed/" in response.get_data(as_text=True)
    assert "/engagements/feed/" not in officer_client.get("/engagements/calendar-feeds").get_data(as_text=True)


def test_stakeholder_page_shows_engagement_history_and_open_actions(viewer_client):
    create_plan()
    person = create_stakeholder()
    engagement = create_engagement(title="Met about Green Belt", stakeholders=[person.id])
    db.session.add(
        Action(engagement=engagement, description="Send Green Belt review", owner_authority=create_authority())
    )
    db.session.commit()
    page = get_page(viewer_client, "stakeholders.show", stakeholder_id=person.id)
    history = page.select_one("#engagement-history").find_parent()
    assert "Met about Green Belt" in history.get_text()
    assert "Send Green Belt review" in history.get_text()


def test_dashboard_shows_upcoming_engagements_and_overdue_actions(officer_client):
    from datetime import timedelta

    from engage.models import utcnow

    create_plan()
    engagement = create_engagement(
        title="Tomorrow’s forum", status="planned", outcome="", starts_at=utcnow() + timedelta(days=1)
    )
    db.session.add(
        Action(
            engagement=engagement,
            description="Overdue thing",
            owner_authority=create_authority(),
            due_on=datetime(2026, 1, 20).date(),
        )
    )
    db.session.commit()
    text = get_page(officer_client, "main.index").get_text()
    assert "Tomorrow’s forum" in text
    assert "Overdue thing" in text
