"""Respondents in the browser: a second letter from someone on record asks whether it is the same person; an
officer corrects a representation; an officer uploads an agent's spreadsheet, previews and saves it. Every page
passes axe."""

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Respondent
from engage.seeds.demo_agents import AGENT
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def ids(live_app):
    with live_app.app_context():
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
        found = db.session.scalars(select(Respondent).where(Respondent.consultation_id == consultation.id))
        client = next(r for r in found if (r.agent or {}).get("email") == AGENT["email"] and r.first_name == "Margaret")
        ids = {"consultation": consultation.id, "client": client.reference}
        db.session.remove()
    return ids


def _received_today(page) -> None:
    today = date.today()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))


def test_a_second_letter_from_someone_on_record_asks_whether_it_is_the_same_person(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/consultations/{ids['consultation']}/representations/new")
    page.get_by_label("Post", exact=True).check()
    _received_today(page)
    page.get_by_label("First name", exact=True).fill("Margaret")
    page.get_by_label("Last name", exact=True).fill("Doyle")
    page.get_by_label("Postal address").first.fill("3 Lane, St Albans")
    page.get_by_label("Postcode", exact=True).fill("al23dd")
    page.get_by_label("Which part of the plan is this about?").select_option("Policy SP1")
    page.get_by_label("Your comments").fill("A second letter about the spatial strategy.")
    page.get_by_role("button", name="Save representation").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("Say whether this is the same person")
    assert page.title().startswith("Error: ")
    expect(page.get_by_label("Your comments")).to_have_value("A second letter about the spatial strategy.")
    assert_accessible(page, "the same-person question")
    screenshot(page, "same-person-question")

    page.get_by_label(f"Yes, {ids['client']}", exact=False).check()
    page.get_by_role("button", name="Save representation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Representation {ids['client']}-2 saved")


def test_an_officer_corrects_a_representation(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/consultations/representations/{ids['client']}-1")
    page.get_by_role("button", name="Correct this representation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Correct representation {ids['client']}-1")
    assert_accessible(page, "the correction page")

    page.get_by_label("Why are you correcting it?").fill("")
    page.get_by_label("Your comments").fill("The site floods every winter and in spring.")
    page.get_by_role("button", name="Save corrections").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are correcting it")
    assert_accessible(page, "the correction page with an error")

    page.get_by_label("Why are you correcting it?").fill("A line of the letter was missed")
    page.get_by_role("button", name="Save corrections").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("corrected")
    expect(page.locator("main")).to_contain_text("The site floods every winter and in spring.")


def test_an_officer_uploads_an_agents_spreadsheet_previews_and_saves_it(signed_in_page, ids):
    page = signed_in_page
    page.goto(f"/consultations/representations/{ids['client']}-1")
    page.get_by_role("button", name="Upload a spreadsheet from this agent").click()
    expect(page.get_by_label("Agent’s email address")).to_have_value(AGENT["email"])
    assert_accessible(page, "the upload page")

    _received_today(page)
    bad = b"First name,Last name,Part of the plan,Comments\nNew,Client,Policy ZZ,=1+1\n"
    page.get_by_label("Upload the spreadsheet").set_input_files(
        {"name": "clients.csv", "mimeType": "text/csv", "buffer": bad}
    )
    page.get_by_role("button", name="Check the spreadsheet").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("1 row of the spreadsheet must be put right")
    expect(page.locator("#upload-problems")).to_contain_text("There is no part of the plan called ‘Policy ZZ’")
    assert_accessible(page, "the upload page with row problems")

    good = b"First name,Last name,Postcode,Part of the plan,Comments\nNew,Client,WD25 9AA,Policy SP1,Support it.\n"
    _received_today(page)
    page.get_by_label("Upload the spreadsheet").set_input_files(
        {"name": "clients.csv", "mimeType": "text/csv", "buffer": good}
    )
    page.get_by_role("button", name="Check the spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the representations before you save them")
    expect(page.locator("tbody")).to_contain_text("New Client, WD25 9AA")
    assert_accessible(page, "the upload preview")
    screenshot(page, "agent-upload-preview")

    page.get_by_role("button", name="Save 1 representation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 representation saved from clients.csv")
    assert_accessible(page, "the saved upload")
