import pytest

from engage.extensions import db
from engage.models import AuditEvent
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


def test_sign_in_is_throttled_after_ten_failures_for_an_account(client):
    create_user(email="officer@example.gov.uk")
    for _ in range(10):
        client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": "wrong"})
    response = client.post("/sign-in", data={"email": "officer@example.gov.uk", "password": PASSWORD})
    assert "Too many failed attempts" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_sign_in_is_throttled_per_address_across_accounts(client):
    create_user(email="target@example.gov.uk")
    for number in range(10):
        client.post("/sign-in", data={"email": f"guess{number}@example.gov.uk", "password": "wrong"})
    response = client.post("/sign-in", data={"email": "target@example.gov.uk", "password": PASSWORD})
    assert "Too many failed attempts" in response.get_data(as_text=True)


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
