"""An officer logs a contact (finding an attendee by typing), marks a planned engagement held, and every page on
the way (list, calendar, actions, strategy, a stakeholder's history) passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def check(page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page, name)


def test_officer_logs_a_contact_and_marks_a_planned_engagement_held(page):
    sign_in(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    check(page, "e01-dashboard")

    page.get_by_role("button", name="Log a contact").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a contact")
    check(page, "e02-log-a-contact")

    # Without waiting for suggestions: the search button lists matching stakeholders as checkboxes.
    page.get_by_label("Find attendees").fill("Natural England")
    page.get_by_role("button", name="Find stakeholders").click()
    expect(page.locator(".govuk-checkboxes__label", has_text="Natural England").first).to_be_visible()
    check(page, "e03-attendee-results")
    page.locator(".govuk-checkboxes__label", has_text="Natural England").first.click()

    # With JavaScript: typing suggests stakeholders, and adding one ticks it.
    page.get_by_label("Find attendees").fill("Environment Agency")
    page.get_by_role("button", name=re.compile(r"^Add Environment Agency")).first.click()
    expect(page.locator("input[name=stakeholders]:checked")).to_have_count(2)

    page.get_by_label("Green infrastructure and biodiversity").check()
    page.get_by_label("What was asked or offered").fill("Asked about biodiversity net gain on strategic sites")
    page.get_by_role("button", name="Save engagement").click()
    # Held with no outcome: an error next to the field, nothing saved, input kept.
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the outcome")
    expect(page.get_by_label("What was asked or offered")).to_have_value(re.compile("biodiversity net gain"))
    check(page, "e04-log-a-contact-errors")

    page.get_by_label("Outcome").fill("Agreed to share habitat data")
    page.get_by_role("button", name="Save engagement").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Engagement logged")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Natural England")
    check(page, "e05-engagement")

    page.locator(".govuk-service-navigation").get_by_role("link", name="Engagements", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Engagements")
    check(page, "e06-engagements")
    page.get_by_label("Status").select_option("planned")
    page.get_by_role("button", name="Apply filters").click()
    page.locator("table a.govuk-link").first.click()
    expect(page.get_by_role("button", name="Mark as held")).to_be_visible()
    page.get_by_role("button", name="Mark as held").click()
    check(page, "e07-mark-held")
    page.get_by_label("Outcome").fill("Members supported the spatial options")
    page.get_by_label("Agreed", exact=True).check()
    # The strategy planned it for a whole audience: no attendees or matters are named, so say why.
    page.get_by_label("Why no attendees or strategic matter are recorded").fill("Sent to all local media")
    page.get_by_role("button", name="Mark as held").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Engagement marked as held")
    expect(page.locator(".govuk-tag", has_text="Held")).to_be_visible()

    page.goto("/engagements/calendar?month=2026-01")
    expect(page.get_by_role("heading", level=1)).to_have_text("January 2026")
    check(page, "e08-calendar")

    page.locator(".govuk-service-navigation").get_by_role("link", name="Actions", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actions")
    check(page, "e09-actions")

    page.locator(".govuk-service-navigation").get_by_role("link", name="Strategy", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Communications strategy")
    check(page, "e10-strategy")

    page.goto("/engagements/?q=MHCLG")
    page.locator("table a.govuk-link").first.click()
    page.locator("a.govuk-link", has_text="Ministry of Housing").first.click()
    expect(page.locator("#engagement-history")).to_be_visible()
    check(page, "e11-stakeholder-history")
