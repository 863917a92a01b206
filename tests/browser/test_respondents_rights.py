"""Respondents' rights in the browser: an officer records the plan's Inspector's report and sees who is told;
finds a person, erases their personal data, and sets the plan's retention period. Every page passes axe."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Plan, utcnow
from engage.representations.services import key_in
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def check(page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page, name)


@pytest.fixture(scope="module")
def ids(live_app):
    """Two people of the demo plan's consultations who asked to hear of the Inspector's report, one by post."""
    with live_app.app_context():
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
        item = {"part": consultation.parts[0].ref, "nature": "object", "comment": "No.", "notify": ["inspector-report"]}
        emailed = key_in(
            consultation,
            {"first_name": "Rowena", "last_name": "Threadgill", "email": "rowena.threadgill@example.com"},
            None,
            item,
            channel="email",
            received_at=utcnow(),
        )
        key_in(
            consultation,
            {"first_name": "Ptolemy", "last_name": "Brassick", "address": "9 Mill Lane, Watford"},
            None,
            item,
            channel="post",
            received_at=utcnow(),
        )
        ids = {"plan": consultation.plan_id, "emailed": emailed.reference}
        assert db.session.get(Plan, ids["plan"]) is not None
        db.session.remove()
    return ids


def test_an_officer_records_the_inspectors_report_and_sees_who_is_told(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/plans/{ids['plan']}")
    page.get_by_role("link", name="Notifying respondents").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifying respondents")
    check(page, "notifications-index")

    page.get_by_role("button", name="Record an event").click()
    check(page, "notifications-new")
    page.get_by_role("button", name="Record it and notify them").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what happened")
    check(page, "notifications-new-errors")

    page.get_by_label("Inspector’s report").check()
    today = date.today()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Record it and notify them").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Inspector’s report recorded")
    expect(page.locator("table")).to_contain_text("Ptolemy Brassick")
    expect(page.locator("table")).to_contain_text("On the letter list")
    check(page, "notifications-show")


def test_an_officer_finds_a_person_and_erases_their_personal_data(signed_in_page, ids):
    page = signed_in_page
    page.goto("/personal-data/")
    page.get_by_label("Email address or name").fill("rowena.threadgill@example.com")
    page.get_by_role("button", name="Find").click()
    expect(page.locator("table")).to_contain_text(ids["emailed"])
    check(page, "personal-data-found")

    page.get_by_role("link", name=f"Erase {ids['emailed']}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rowena Threadgill")
    check(page, "personal-data-erase")
    page.get_by_role("button", name="Erase personal data").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why their personal data is being erased")
    check(page, "personal-data-erase-errors")

    page.get_by_label("Keep what they wrote", exact=False).check()
    page.get_by_label("Why are you erasing their personal data?").fill("Their request of today")
    page.get_by_role("button", name="Erase personal data").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Personal data erased ({ids['emailed']})")
    check(page, "personal-data-erased")

    page.goto(f"/personal-data/plans/{ids['plan']}/retention")
    page.get_by_label("How many years").fill("20")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Retention period: 20 years")).to_be_visible()
    check(page, "plan-retention")
