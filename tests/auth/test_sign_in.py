from datetime import timedelta

import pytest

from engage.auth import throttling
from engage.extensions import db
from engage.models import AuditEvent, SignInAttempt, utcnow
from tests.factories import PASSWORD, create_user
from tests.pages import error_summary, parse


def test_sign_in_with_correct_password_goes_to_dashboard(client):
    user = create_user(email="officer@example.gov.uk")
    response = client.post("/sign-in", data={"email": "Officer@example.gov.uk", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get("/").status_code == 200
    assert db.session.query(AuditEvent).filter_by(action="sign-in", entity_id=user.id).count() == 1


def test_sign_in_with_wrong_password_shows_error_and_keeps_email(client):
    create_user(email="officer@example.gov.uk")
    response = client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": "wrong"})
    page = parse(response)
    assert response.status_code == 200
    assert error_summary(page) == ["Enter a correct email address and password"]
    assert page.title.string.startswith("Error: ")
    assert page.select_one("#email")["value"] == "officer@example.gov.uk"


def _fail(client, email, times=1, address="192.0.2.10"):
    for _ in range(times):
        response = client.post(
            "/sign-in", data={"email": email, "password": "wrong"}, environ_base={"REMOTE_ADDR": address}
        )
    return response


def test_sign_in_is_refused_with_429_after_ten_failures_for_an_account(client, monkeypatch):
    create_user(email="officer@example.gov.uk")
    now = utcnow()
    monkeypatch.setattr(throttling, "utcnow", lambda: now)
    assert _fail(client, "officer@example.gov.uk", times=10).status_code == 200
    response = client.post(
        "/sign-in",
        data={"email": "officer@example.gov.uk", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    page = parse(response)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) == 900
    assert error_summary(page) == ["Too many failed attempts to sign in. Wait 15 minutes, then try again."]
    assert page.select_one("#email")["value"] == "officer@example.gov.uk"
    assert client.get("/").status_code == 302


def test_one_persons_failures_do_not_lock_out_a_colleague_at_the_same_address(client):
    create_user(email="colleague@example.gov.uk")
    _fail(client, "mistyper@example.gov.uk", times=10)
    response = client.post(
        "/sign-in",
        data={"email": "colleague@example.gov.uk", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "192.0.2.10"},
    )
    assert response.status_code == 302


@pytest.fixture
def address_limit(app):
    app.config["SIGN_IN_MAX_FAILURES_PER_ADDRESS"] = 5
    yield
    app.config["SIGN_IN_MAX_FAILURES_PER_ADDRESS"] = 100


def test_one_address_trying_many_accounts_is_refused_but_other_addresses_are_not(client, address_limit):
    create_user(email="target@example.gov.uk")
    for number in range(5):
        _fail(client, f"guess{number}@example.gov.uk")
    data = {"email": "target@example.gov.uk", "password": PASSWORD}
    refused = client.post("/sign-in", data=data, environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert refused.status_code == 429
    assert "Too many failed attempts" in refused.get_data(as_text=True)
    assert int(refused.headers["Retry-After"]) > 0
    allowed = client.post("/sign-in", data=data, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    assert allowed.status_code == 302


def test_retry_after_counts_down_to_when_the_tenth_newest_failure_leaves_the_window(client):
    create_user(email="officer@example.gov.uk")
    now = utcnow()
    for minutes in (12, 11, 10, 9, 8, 7, 6, 5, 4, 3):
        db.session.add(SignInAttempt(email="officer@example.gov.uk", address="x", at=now - timedelta(minutes=minutes)))
    db.session.add(SignInAttempt(email="officer@example.gov.uk", address="x", at=now - timedelta(minutes=20)))
    db.session.commit()
    response = client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": PASSWORD})
    assert response.status_code == 429
    assert 170 <= int(response.headers["Retry-After"]) <= 180
    assert "Wait 3 minutes" in response.get_data(as_text=True)


def test_failures_older_than_the_window_are_not_counted(client):
    create_user(email="officer@example.gov.uk")
    then = utcnow() - timedelta(minutes=16)
    db.session.add_all(SignInAttempt(email="officer@example.gov.uk", address="x", at=then) for _ in range(10))
    db.session.commit()
    response = client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "\t//evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_next_that_could_leave_the_site_goes_to_the_dashboard(client, target):
    create_user(email="officer@example.gov.uk")
    data = {"email": "officer@example.gov.uk", "password": PASSWORD}
    response = client.post("/sign-in", query_string={"next": target}, data=data)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/stakeholders/", "/engagements/?status=held&page=2", "/evidence/dtc-table#top"])
def test_next_goes_to_a_path_on_this_site(client, target):
    create_user(email="officer@example.gov.uk")
    data = {"email": "officer@example.gov.uk", "password": PASSWORD}
    response = client.post("/sign-in", query_string={"next": target}, data=data)
    assert response.headers["Location"] == target


def test_sign_out_needs_post(officer_client):
    assert officer_client.get("/sign-out").status_code == 405
    assert officer_client.post("/sign-out").status_code == 302
    assert officer_client.get("/").status_code == 302


def test_session_cookie_is_httponly_and_lax(client):
    create_user(email="officer@example.gov.uk")
    response = client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_inactive_user_cannot_sign_in(client):
    user = create_user(email="gone@example.gov.uk")
    user.active = False
    db.session.commit()
    response = client.post("/sign-in", data={"email": "gone@example.gov.uk", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get("/").status_code == 302
