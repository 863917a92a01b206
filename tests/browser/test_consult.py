"""A resident finds the open consultation, responds without an account (with and without JavaScript), and every
public page passes axe and shows no officer navigation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def check(page, name: str) -> None:
    screenshot(page, name)
    if not name.startswith("consult-nojs"):  # axe is a script: it cannot run with JavaScript turned off
        assert_accessible(page, name)
    expect(page.get_by_role("link", name="Stakeholders")).to_have_count(0)


def _respond(page, prefix: str) -> None:
    page.goto("/consult")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultations")
    check(page, f"{prefix}-01-consultations")

    page.get_by_role("link", name="Joint Strategic Plan: publication draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Joint Strategic Plan: publication draft")
    check(page, f"{prefix}-02-consultation")

    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About you")
    check(page, f"{prefix}-03-about-you")
    page.get_by_label("First name", exact=True).fill("Robin")
    page.get_by_label("Email address", exact=True).fill("robin@")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a last name")
    check(page, f"{prefix}-04-about-you-errors")
    page.get_by_label("Last name", exact=True).fill("Walker")
    page.get_by_label("Email address", exact=True).fill("robin@example.com")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your representation")
    check(page, f"{prefix}-05-representation")
    page.get_by_label("Which part of the plan is this about?").select_option("Policy SP2")
    page.get_by_role("group", name="Do you support, object or want to comment?").get_by_label("Object").check()
    page.get_by_role("group", name="Do you think the plan is sound?").get_by_label("No", exact=True).check()
    page.get_by_label("Justified").check()
    page.get_by_label("Your comments").fill("<script>alert('x')</script>\nThe housing figure is too high.")
    page.get_by_label("Attach a file (optional)").set_input_files(
        {"name": "evidence.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending your response")
    expect(page.locator("main")).to_contain_text("<script>alert('x')</script>")
    expect(page.locator(".govuk-summary-list__value br")).to_have_count(1)  # the comment's line break
    check(page, f"{prefix}-06-check-answers")
    _change_keep_file_and_remove(page, prefix)
    page.get_by_role("button", name="Send your response").click()

    panel = page.locator(".govuk-panel")
    expect(panel).to_contain_text("Response sent")
    expect(panel).to_contain_text(re.compile(r"R-\d{5,}"))
    expect(page.locator("table")).to_contain_text(re.compile(r"R-\d{5,}-1"))
    check(page, f"{prefix}-07-confirmation")


def _change_keep_file_and_remove(page, prefix: str) -> None:
    """Save the representation again (its file stays), add a second one and remove it after the "Are you sure?"
    page, then remove the file."""
    page.get_by_role("link", name="Change (Representation 1)").click()
    expect(page.locator("main")).to_contain_text("Files already attached to this representation")
    check(page, f"{prefix}-06a-representation-with-file")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Remove evidence.pdf")).to_have_count(1)

    page.get_by_role("link", name="Add another representation").click()
    page.get_by_label("Which part of the plan is this about?").select_option("Policy SP3")  # each part once
    page.get_by_role("group", name="Do you support, object or want to comment?").get_by_label("Comment").check()
    page.get_by_label("Your comments").fill("A second point.")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Remove (Representation 2)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove representation 2?")
    check(page, f"{prefix}-06b-remove-representation")
    page.get_by_role("button", name="Yes, remove representation 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending your response")
    expect(page.get_by_role("heading", name="Representation 2")).to_have_count(0)

    page.get_by_role("button", name="Remove evidence.pdf").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending your response")
    expect(page.locator("main")).not_to_contain_text("evidence.pdf")


def test_a_resident_responds_online_and_every_public_page_is_accessible(page):
    _respond(page, "consult-js")


def test_responding_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        _respond(page, "consult-nojs")
    finally:
        context.close()
