"""Changing a password, the forced change of a temporary one, and resetting a forgotten one by an emailed link."""

import re
import time

import pytest
from itsdangerous import TimestampSigner

from engage.extensions import db
from engage.mail import outbox
from engage.models import AuditEvent, User
from tests.factories import PASSWORD, create_user
from tests.pages import error_summary, parse

NEW_PASSWORD = "purple elephant tuesday"


def sign_in(client, email, password=PASSWORD):
    return client.post("/sign-in", data={"email": email, "password": password})


def audit_summaries(user) -> list[str]:
    events = db.session.query(AuditEvent).filter_by(entity_type="user", entity_id=user.id).order_by(AuditEvent.id)
    return [event.summary for event in events]


def change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    data = {"current_password": current, "new_password": new, "confirm_password": new if confirm is None else confirm}
    return client.post("/account/password", data=data)


def test_change_password_page_shows_the_form(officer_client):
    page = parse(officer_client.get("/account/password"))
    assert page.h1.get_text() == "Change your password"
    assert page.select_one("#new_password")["autocomplete"] == "new-password"


def test_changing_the_password_keeps_this_session_and_ends_every_other(app):
    user = create_user(email="officer@example.gov.uk")
    here, elsewhere = app.test_client(), app.test_client()
    sign_in(here, user.email)
    sign_in(elsewhere, user.email)
    response = change(here)
    assert response.status_code == 302
    assert response.headers["Location"] == "/account"
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW_PASSWORD)
    assert "Changed password" in audit_summaries(user)
    assert sign_in(app.test_client(), user.email, NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"current": "wrong password"}, "current_password", "Your current password is wrong"),
        ({"new": "short"}, "new_password", "Your password must be 12 characters or more"),
        ({"confirm": "something else entirely"}, "confirm_password", "Enter the same new password twice"),
        ({"new": PASSWORD}, "new_password", "Your new password must be different from your current one"),
        ({"current": ""}, "current_password", "Enter your current password"),
    ],
)
def test_a_bad_change_shows_the_error_next_to_its_field_and_changes_nothing(officer_client, data, field, message):
    user = officer_client.user
    hash_before = user.password_hash
    page = parse(change(officer_client, **data))
    assert page.title.string.startswith("Error: ")
    assert message in error_summary(page)
    assert message in page.select_one(f"#{field}-error").get_text()
    db.session.expire_all()
    assert db.session.get(User, user.id).password_hash == hash_before
    assert db.session.get(User, user.id).password_changed_at is None
    assert audit_summaries(user) == []


def test_a_new_user_must_change_their_temporary_password_before_anything_else(app, admin_client):
    response = admin_client.post(
        "/admin/users/new",
        data={"email": "new@example.gov.uk", "name": "New Officer", "role": "officer", "authority": "WBC"},
    )
    assert response.status_code == 302
    message = parse(admin_client.get("/admin/users")).select_one(".govuk-notification-banner").get_text()
    temporary = re.search(r"temporary password is (\S+)", message).group(1)
    client = app.test_client()
    assert sign_in(client, "new@example.gov.uk", temporary).status_code == 302
    for path in ("/", "/stakeholders/", "/account"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"] == "/account/password"
    page = parse(client.get("/account/password"))
    assert page.h1.get_text() == "Change your temporary password"
    assert "Temporary password" in page.select_one("label[for=current_password]").get_text()
    assert change(client, current=temporary).status_code == 302
    assert client.get("/").status_code == 200
    user = db.session.query(User).filter_by(email="new@example.gov.uk").one()
    assert user.must_change_password is False
    assert "Changed the temporary password" in audit_summaries(user)


def test_a_temporary_password_does_not_hold_up_an_api_token(app):
    from engage.auth.services import create_token

    user = create_user()
    user.must_change_password = True
    db.session.commit()
    response = app.test_client().get("/api/v1/authorities", headers={"Authorization": f"Bearer {create_token(user)}"})
    assert response.status_code == 200


def reset_link() -> str:
    text = outbox[-1].get_body(("plain",)).get_content()
    return re.search(r"http://localhost(/reset-password/\S+)", text).group(1)


def ask_for_reset(client, email):
    outbox.clear()
    return client.post("/forgot-password", data={"email": email})


def test_a_reset_link_is_emailed_and_works_once(app, client):
    user = create_user(email="officer@example.gov.uk")
    elsewhere = app.test_client()
    sign_in(elsewhere, user.email)
    page = parse(ask_for_reset(client, "Officer@example.gov.uk"))
    assert page.h1.get_text() == "Check your email"
    assert outbox[-1]["To"] == "officer@example.gov.uk"
    link = reset_link()
    form_page = client.get(link)
    assert form_page.status_code == 200
    assert form_page.headers["Referrer-Policy"] == "no-referrer"
    response = client.post(link, data={"new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in"
    assert sign_in(app.test_client(), user.email, NEW_PASSWORD).status_code == 302
    assert elsewhere.get("/").status_code == 302
    again = client.get(link)
    assert again.status_code == 410
    assert parse(again).h1.get_text() == "This link has already been used"
    assert {"Asked for a password reset link", "Reset password with an emailed link"} <= set(audit_summaries(user))


def test_changing_the_password_another_way_uses_up_a_reset_link(client):
    user = create_user(email="officer@example.gov.uk")
    ask_for_reset(client, user.email)
    link = reset_link()
    sign_in(client, user.email)
    change(client)
    assert parse(client.get(link)).h1.get_text() == "This link has already been used"


def test_a_reset_link_expires(client, monkeypatch):
    user = create_user(email="officer@example.gov.uk")
    with monkeypatch.context() as past:
        past.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - 61 * 60)
        ask_for_reset(client, user.email)
    response = client.get(reset_link())
    assert response.status_code == 410
    assert parse(response).h1.get_text() == "This link has expired"


def test_a_tampered_reset_link_is_not_valid(client):
    create_user(email="officer@example.gov.uk")
    ask_for_reset(client, "officer@example.gov.uk")
    link = reset_link()
    response = client.get(link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb"))
    assert response.status_code == 410
    assert parse(response).h1.get_text() == "This link is not valid"


@pytest.mark.parametrize("active", [True, False])
def test_no_email_for_an_unknown_or_deactivated_address_and_the_page_says_the_same(client, active):
    user = create_user(email="officer@example.gov.uk")
    user.active = active
    db.session.commit()
    for email in ("nobody@example.gov.uk", "officer@example.gov.uk"):
        page = parse(ask_for_reset(client, email))
        assert page.h1.get_text() == "Check your email"
        assert len(outbox) == (1 if active and email == user.email else 0)


def test_a_bad_email_address_for_a_reset_is_explained_and_kept(client):
    page = parse(client.post("/forgot-password", data={"email": "not an address"}))
    assert error_summary(page) == ["Enter an email address in the correct format, like name@example.com"]
    assert page.select_one("#email")["value"] == "not an address"


def test_a_short_new_password_on_the_reset_page_changes_nothing_and_the_link_still_works(client):
    user = create_user(email="officer@example.gov.uk")
    hash_before = user.password_hash
    ask_for_reset(client, user.email)
    link = reset_link()
    page = parse(client.post(link, data={"new_password": "short", "confirm_password": "short"}))
    assert "Your password must be 12 characters or more" in page.select_one("#new_password-error").get_text()
    db.session.expire_all()
    assert db.session.get(User, user.id).password_hash == hash_before
    assert client.get(link).status_code == 200


def test_with_redis_the_reset_email_waits_for_the_worker_and_its_link_works(client, redis_queue):
    from rq import SimpleWorker

    create_user(email="officer@example.gov.uk")
    ask_for_reset(client, "officer@example.gov.uk")
    assert outbox == []
    assert redis_queue.count == 1
    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    assert outbox[-1]["Subject"] == "Reset your password for Engage"
    assert client.get(reset_link()).status_code == 200
