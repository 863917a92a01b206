"""An officer tags representations on the themes page and links them to a main issue, looks at the suggestions
and the main issues; a member of the public reads the published "You said, we did". Every page passes axe."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, MainIssue
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def ids(live_app):
    with live_app.app_context():
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
        issue = db.session.scalar(select(MainIssue).where(MainIssue.consultation_id == consultation.id))
        found = {"consultation": consultation.id, "issue": issue.id}
        db.session.remove()
    return found


def test_an_officer_names_a_theme_and_tags_ticked_representations(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/themes/consultations/{ids['consultation']}?nature=comment")
    expect(page.get_by_role("heading", level=1)).to_have_text("Themes and tags")
    assert_accessible(page, "the themes page")

    page.get_by_label("Name of the theme").fill("Homes people can afford")
    page.get_by_role("button", name="Add theme").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Theme ‘Homes people can afford’ added")

    rows = page.locator("tbody tr").filter(has_text="afford")
    first, second = (rows.nth(i).get_by_role("checkbox") for i in range(2))
    first.check()
    second.check()
    page.get_by_label("Theme", exact=True).select_option(label="Homes people can afford")
    page.get_by_label("Strategic matter").select_option(label="Affordable housing and housing mix")
    page.get_by_role("button", name="Add tags").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("4 tags added")
    assert "nature=comment" in page.url
    expect(page.locator("tbody .govuk-tag", has_text="Homes people can afford")).to_have_count(2)
    assert_accessible(page, "the themes page after tagging")

    page.get_by_label("Theme", exact=True).select_option(label="Homes people can afford")
    page.get_by_role("button", name="Add tags").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one representation")
    expect(page.get_by_label("Theme", exact=True)).to_have_value(re.compile(r"^\d+$"))
    assert page.title().startswith("Error: ")
    assert_accessible(page, "the themes page with an error")
    screenshot(page, "themes")


def test_the_suggestions_main_issues_and_one_issue_pass_axe(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/themes/consultations/{ids['consultation']}/suggestions")
    expect(page.get_by_role("heading", level=1)).to_have_text("Suggested themes")
    expect(page.locator(".govuk-summary-card").first).to_be_visible()
    assert_accessible(page, "the suggested themes")

    page.goto(f"/themes/consultations/{ids['consultation']}/main-issues")
    expect(page.get_by_role("heading", level=1)).to_have_text("Main issues")
    expect(page.get_by_role("link", name="Protecting the Green Belt")).to_be_visible()
    assert_accessible(page, "the main issues")

    page.goto(f"/themes/main-issues/{ids['issue']}")
    expect(page.locator("tbody tr").first).to_be_visible()
    assert_accessible(page, "a main issue")


def test_the_public_reads_you_said_we_did(page):
    page.goto("/consult/issues-and-options/you-said-we-did")
    expect(page.get_by_role("heading", level=1)).to_have_text("You said, we did")
    expect(page.get_by_role("heading", name="Protecting the Green Belt")).to_be_visible()
    assert_accessible(page, "You said, we did")
    screenshot(page, "you-said-we-did")
