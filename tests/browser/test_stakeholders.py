"""An officer signs in, adds a stakeholder and finds it again, and every page on the way passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def check(page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page, name)


def test_officer_adds_a_stakeholder_and_finds_it_with_every_page_accessible(page):
    page.goto("/stakeholders/")
    expect(page).to_have_url(re.compile(r"/sign-in"))
    check(page, "01-sign-in")

    sign_in(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    check(page, "02-dashboard")

    page.get_by_role("navigation").get_by_role("link", name="Stakeholders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stakeholders")
    check(page, "03-stakeholders")

    page.get_by_role("button", name="Add a stakeholder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a stakeholder")
    check(page, "04-new-stakeholder")

    page.get_by_label("First name").fill("Marguerite")
    page.get_by_label("Email address").fill("not an email address")
    page.get_by_role("button", name="Add stakeholder").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter an email address in the correct format")
    expect(page.get_by_label("First name")).to_have_value("Marguerite")
    check(page, "05-new-stakeholder-errors")

    page.get_by_label("Last name").fill("Quillfeather")
    page.get_by_label("Email address").fill("m.quillfeather@example.com")
    page.get_by_role("button", name="Add stakeholder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Marguerite Quillfeather")
    check(page, "06-stakeholder")

    page.goto("/stakeholders/")
    page.get_by_label("Search").fill("quillfeather")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"q=quillfeather"))
    results = page.locator("table")
    expect(results.get_by_role("link", name="Marguerite Quillfeather")).to_be_visible()
    expect(results.locator("tbody tr")).to_have_count(1)
    check(page, "07-search-results")


def test_demo_registers_are_listed_and_filter_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page)
        page.goto("/stakeholders/")
        page.get_by_label("Register").select_option(label="Local MPs")
        page.get_by_role("button", name="Apply filters").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Local MPs")
        expect(page.locator("table").get_by_role("link", name="MP for Watford")).to_be_visible()
        screenshot(page, "08-mps-register-without-javascript")
    finally:
        context.close()


def test_every_page_in_the_navigation_is_accessible_to_an_admin(page):
    sign_in(page, email="admin@engage.example")
    links = page.locator(".govuk-service-navigation__list a, .app-header__account a")
    targets = [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert len(targets) >= 4
    failures = []
    for text, href in targets:
        response = page.goto(href)
        assert response.status == 200, f"{text} ({href}) answered {response.status}"
        screenshot(page, f"nav-{text.lower().replace(' ', '-')}")
        try:
            assert_accessible(page, f"{text} ({href})")
        except AssertionError as error:
            failures.append(str(error))
    assert not failures, "\n\n".join(failures)
