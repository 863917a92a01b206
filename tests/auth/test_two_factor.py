"""Optional two-factor authentication with an authenticator app: set up, sign in with a code, turn off."""

import time

import pyotp
import pytest

from engage.auth import sessions
from engage.extensions import db
from engage.models import AuditEvent, SignInAttempt, User
from tests.factories import PASSWORD, create_user
from tests.pages import error_summary, parse


def with_two_factor(email="officer@example.gov.uk") -> tuple[User, pyotp.TOTP]:
    user = create_user(email=email)
    user.totp_secret = pyotp.random_base32()
    db.session.commit()
    return user, pyotp.TOTP(user.totp_secret)


def audit_summaries(user) -> list[str]:
    return [e.summary for e in db.session.query(AuditEvent).filter_by(entity_type="user", entity_id=user.id)]


def test_set_up_shows_a_qr_code_and_the_key_and_turns_on_with_a_right_code(officer_client):
    response = officer_client.get("/account/two-factor")
    page = parse(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert page.select_one("img.app-qr-code")["src"].startswith("data:image/svg+xml")
    secret = page.select_one("#two-factor-key").get_text().replace(" ", "")
    code = pyotp.TOTP(secret).now()
    response = officer_client.post("/account/two-factor", data={"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/account"
    db.session.expire_all()
    user = db.session.get(User, officer_client.user.id)
    assert user.totp_secret == secret
    assert "Turned on two-factor authentication" in audit_summaries(user)
    assert "On: a code from your authenticator app" in parse(officer_client.get("/account")).get_text()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("000000", "The security code is not correct. Enter the code your authenticator app shows now"),
        ("12345", "The security code must be 6 numbers"),
        ("", "Enter the security code from your authenticator app"),
    ],
)
def test_set_up_with_a_wrong_code_explains_keeps_the_code_and_the_key_and_writes_nothing(officer_client, code, message):
    key = parse(officer_client.get("/account/two-factor")).select_one("#two-factor-key").get_text()
    page = parse(officer_client.post("/account/two-factor", data={"code": code}))
    assert page.title.string.startswith("Error: ")
    assert error_summary(page) == [message]
    assert message in page.select_one("#code-error").get_text()
    assert page.select_one("#code").get("value", "") == code
    assert page.select_one("#two-factor-key").get_text() == key
    db.session.expire_all()
    assert db.session.get(User, officer_client.user.id).totp_secret is None
    assert audit_summaries(officer_client.user) == []


def sign_in(client, email="officer@example.gov.uk", next_path=None):
    query = {"next": next_path} if next_path else {}
    return client.post("/sign-in", query_string=query, data={"email": email, "password": PASSWORD})


def test_with_two_factor_the_password_leads_to_the_code_and_the_code_signs_in(client):
    user, totp = with_two_factor()
    response = sign_in(client, next_path="/stakeholders/")
    assert response.headers["Location"] == "/sign-in/code"
    assert client.get("/").status_code == 302
    assert "Signed in" not in audit_summaries(user)
    response = client.post("/sign-in/code", data={"code": totp.now()})
    assert response.status_code == 302
    assert response.headers["Location"] == "/stakeholders/"
    assert client.get("/").status_code == 200
    assert audit_summaries(user) == ["Signed in with a security code"]


def test_a_wrong_code_is_refused_kept_and_counted_as_a_failed_sign_in(client):
    user, totp = with_two_factor()
    sign_in(client)
    wrong = "000000" if totp.now() != "000000" else "111111"
    response = client.post("/sign-in/code", data={"code": wrong})
    page = parse(response)
    assert response.status_code == 200
    assert error_summary(page) == ["The security code is not correct. Enter the code your authenticator app shows now"]
    assert page.select_one("#code")["value"] == wrong
    assert client.get("/").status_code == 302
    failures = db.session.query(SignInAttempt).filter_by(email=user.email, succeeded=False).count()
    assert failures == 1


def test_a_code_works_only_once(app):
    user, totp = with_two_factor()
    first, second = app.test_client(), app.test_client()
    code = totp.now()
    sign_in(first)
    assert first.post("/sign-in/code", data={"code": code}).status_code == 302
    sign_in(second)
    assert second.post("/sign-in/code", data={"code": code}).status_code == 200
    assert second.get("/").status_code == 302


def test_the_next_code_is_accepted_while_the_clocks_drift(client):
    user, totp = with_two_factor()
    sign_in(client)
    assert client.post("/sign-in/code", data={"code": totp.at(time.time() + 30)}).status_code == 302


def test_wrong_codes_are_throttled_with_retry_after(client):
    with_two_factor()
    sign_in(client)
    for _ in range(10):
        client.post("/sign-in/code", data={"code": "000000"})
    response = client.post("/sign-in/code", data={"code": "000000"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Too many failed attempts to sign in" in parse(response).select_one("#code-error").get_text()


def test_the_code_page_sends_back_to_sign_in_after_ten_minutes(client, monkeypatch):
    _, totp = with_two_factor()
    sign_in(client)
    monkeypatch.setattr(sessions, "CODE_STEP_SECONDS", -1)
    response = client.post("/sign-in/code", data={"code": totp.now()})
    assert response.headers["Location"] == "/sign-in"
    assert client.get("/").status_code == 302


def test_the_code_page_without_a_password_first_sends_to_sign_in(client):
    assert client.get("/sign-in/code").headers["Location"] == "/sign-in"


def test_turning_off_needs_a_current_code(app):
    user, totp = with_two_factor()
    client = app.test_client()
    sign_in(client)
    client.post("/sign-in/code", data={"code": totp.now()})
    page = parse(client.post("/account/two-factor/turn-off", data={"code": "12"}))
    assert error_summary(page) == ["The security code must be 6 numbers"]
    assert db.session.get(User, user.id).totp_secret is not None
    response = client.post("/account/two-factor/turn-off", data={"code": totp.at(time.time() + 30)})
    assert response.headers["Location"] == "/account"
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_secret is None
    assert "Turned off two-factor authentication" in audit_summaries(user)
    assert sign_in(app.test_client()).headers["Location"] == "/"
