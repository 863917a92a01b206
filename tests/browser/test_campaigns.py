"""An officer finds the demo's campaign from the consultation page, reads it with its members and the three
counts, and is told what is wrong when splitting out nothing or saving no name. Every page passes axe."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation
from engage.seeds.demo_campaigns import NAME
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def consultation_id(live_app):
    with live_app.app_context():
        found = db.session.scalar(select(Consultation.id).where(Consultation.slug == "publication-plan"))
        db.session.remove()
    return found


def test_an_officer_reads_the_demo_campaign_and_is_told_what_is_wrong(signed_in_page, consultation_id):
    page = signed_in_page
    page.goto(f"/consultations/{consultation_id}")
    expect(page.get_by_text("Distinct arguments", exact=True)).to_be_visible()
    page.get_by_role("link", name="Campaigns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Campaigns")
    assert_accessible(page, "the campaigns page")

    page.get_by_role("link", name=NAME).click()
    expect(page.locator("h1")).to_contain_text(NAME)
    expect(page.locator("tbody tr")).to_have_count(10)
    assert_accessible(page, "a campaign's page")

    page.get_by_role("button", name="Split out of the group").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the representations to split out")
    assert page.title().startswith("Error: ")
    assert_accessible(page, "a campaign's page with an error")

    page.goto(page.url.rsplit("/split", 1)[0] + "/edit")
    page.get_by_label("Name").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the campaign")
    assert_accessible(page, "changing a campaign, with an error")
    screenshot(page, "campaign")
