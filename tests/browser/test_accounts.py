"""An officer changes their password and turns on two-factor authentication, then signs in with a code; every page
on the way passes axe and the Content Security Policy refuses nothing (the QR code is a data: image)."""

import re
import time

import pyotp
import pytest
from playwright.sync_api import expect

from engage.auth.services import create_user
from engage.extensions import db
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

EMAIL = "accounts-journey@engage.example"
TEMPORARY = "temporary password 1"
NEW_PASSWORD = "three random words"


def check(page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page, name)


def test_officer_changes_a_temporary_password_and_signs_in_with_a_security_code(page, live_app):
    with live_app.app_context():
        user, _ = create_user(EMAIL, "officer", "WBC", TEMPORARY)
        user.must_change_password = True
        db.session.commit()
        db.session.remove()

    page.goto("/sign-in")
    page.get_by_label("Email address", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(TEMPORARY)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your temporary password")
    check(page, "accounts-01-temporary-password")

    page.get_by_label("Temporary password").fill(TEMPORARY)
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Confirm your new password").fill("short")
    page.get_by_role("button", name="Change password").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    check(page, "accounts-02-password-error")

    page.get_by_label("Temporary password").fill(TEMPORARY)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm your new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    check(page, "accounts-03-account")

    page.get_by_role("link", name="Set up two-factor authentication").click()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    check(page, "accounts-04-two-factor-set-up")
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#two-factor-key").inner_text().replace(" ", "")
    totp = pyotp.TOTP(secret)
    page.get_by_label("Security code").fill(totp.now())
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    expect(page.get_by_text("Two-factor authentication is on")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Email address", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    check(page, "accounts-05-security-code")
    page.get_by_label("Security code").fill("000000" if totp.now() != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    page.get_by_label("Security code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
