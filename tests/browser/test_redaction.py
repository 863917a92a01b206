"""An officer redacts a representation's personal data (accepting a suggestion, redacting other words), reviews it
and publishes the register after its preview; the public register shows the redacted text only. Every page passes
axe."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from engage.extensions import db
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in
from tests.factories import create_consultation
from tests.redaction.helpers import create_representation

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def check(page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page, name)


@pytest.fixture
def representation(live_app):
    with live_app.app_context():
        consultation = create_consultation(
            slug="redaction-browser", title="Redaction in the browser", stage="reg-18",
            opens_at=datetime(2024, 3, 1, 9, tzinfo=UTC), closes_at=datetime(2024, 4, 12, 17, tzinfo=UTC),
        )  # fmt: skip
        made = create_representation(consultation)
        found = {"reference": made.reference, "consultation_id": consultation.id, "slug": consultation.slug}
        db.session.remove()
    return found


def test_an_officer_redacts_reviews_and_publishes_the_register(page, representation):
    sign_in(page)
    page.goto(f"/redaction/consultations/{representation['consultation_id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Redaction")
    check(page, "redaction-01-queue")

    page.get_by_role("link", name=representation["reference"]).click()
    expect(page.locator("mark.app-suggestion")).to_have_count(3)
    check(page, "redaction-02-representation")

    page.get_by_role("button", name="Redact “07700 900123”").click()
    expect(page.locator(".app-redaction")).to_have_count(1)
    page.get_by_label("Words to redact").fill("Kim Smith")
    page.get_by_role("group", name="Why are they being redacted?").get_by_label(
        "Personal data about someone else"
    ).check()
    page.get_by_role("button", name="Redact the words").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check(page, "redaction-03-error")
    page.get_by_label("Words to redact").fill("Jo Bloggs")
    page.get_by_role("button", name="Redact the words").click()
    expect(page.locator(".app-redaction")).to_have_count(2)
    page.get_by_role("button", name="Redact every suggestion as contact details").click()
    expect(page.locator("mark.app-suggestion")).to_have_count(0)
    page.get_by_role("group", name="Review").get_by_label("Reviewed").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Review saved")
    check(page, "redaction-04-reviewed")

    page.goto(f"/redaction/consultations/{representation['consultation_id']}/publication")
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    check(page, "redaction-05-publication")
    page.get_by_role("button", name="Publish the register").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Register of representations published")

    page.goto(f"/consult/{representation['slug']}/representations")
    check(page, "redaction-06-register")
    page.get_by_role("link", name=representation["reference"]).click()
    main = page.locator("main")
    expect(main).to_contain_text("My neighbour [redacted] agrees.")
    for personal in ("07700 900123", "Acacia Avenue", "AL1 3JE", "Jo Bloggs", "sam.contact@example.com"):
        expect(main).not_to_contain_text(personal)
    check(page, "redaction-07-register-entry")
