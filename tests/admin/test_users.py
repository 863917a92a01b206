"""Administrators add users and see who has an account; officers and viewers cannot."""

import re

import pytest
from sqlalchemy import func, select

from engage.common.validation import EMAIL_MESSAGE
from engage.extensions import db
from engage.models import AuditEvent, User
from tests.factories import create_authority, create_user
from tests.pages import error_summary, get_page, parse, post_form

NEW_USER = {"email": "Jo.Planner@Dacorum.gov.uk", "name": "Jo Planner", "role": "officer", "authority": "DBC"}


@pytest.fixture(autouse=True)
def _authorities():
    create_authority()
    create_authority("DBC", "Dacorum Borough Council")
    create_authority("HCC", "Hertfordshire County Council", kind="county")
    create_authority("EA", "Environment Agency", kind="agency")


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _count() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_the_add_a_user_page_asks_for_email_name_role_and_a_partner_or_county_authority(admin_client):
    page = get_page(admin_client, "admin.new_user")

    assert page.h1.get_text(strip=True) == "Add a user"
    assert page.select_one("input#email")["type"] == "email"
    assert page.select_one("input#name") is not None
    assert [radio["value"] for radio in page.select("input[name=role]")] == ["admin", "officer", "viewer"]
    options = [option.get_text(strip=True) for option in page.select("select#authority option")]
    assert options == [
        "Select an authority",
        "Dacorum Borough Council",
        "Hertfordshire County Council",
        "Watford Borough Council",
    ]


def test_adding_a_user_creates_the_account_and_shows_its_temporary_password_once(admin_client):
    response = post_form(admin_client, "admin.new_user", NEW_USER)

    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/users"
    user = _user("jo.planner@dacorum.gov.uk")
    assert (user.name, user.role, user.authority.code, user.active) == ("Jo Planner", "officer", "DBC", True)
    banner = parse(admin_client.get("/admin/users")).select_one(".govuk-notification-banner").get_text(" ", strip=True)
    password = re.search(r"temporary password is (\S+)", banner).group(1)
    assert user.check_password(password)
    assert "temporary password" not in admin_client.get("/admin/users").get_data(as_text=True)


def test_adding_a_user_is_written_to_the_audit_log_under_the_administrators_name(admin_client):
    post_form(admin_client, "admin.new_user", NEW_USER)

    user = _user("jo.planner@dacorum.gov.uk")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "user", AuditEvent.action == "create"))
    assert (event.entity_id, event.summary) == (user.id, "Created user with role officer")
    assert event.user_id == admin_client.user.id


def test_a_form_with_mistakes_shows_the_error_summary_keeps_what_was_typed_and_adds_nobody(admin_client):
    before = _count()

    response = post_form(admin_client, "admin.new_user", {"email": "jo at dacorum", "name": "Jo Planner"})

    page = parse(response)
    assert response.status_code == 200
    assert page.title.string.startswith("Error: ")
    assert error_summary(page) == [EMAIL_MESSAGE, "Select a role", "Select an authority"]
    assert page.select_one("#email")["value"] == "jo at dacorum"
    assert page.select_one("#name")["value"] == "Jo Planner"
    assert _count() == before


def test_an_email_address_already_in_use_is_refused_whatever_its_case(admin_client):
    create_user(email="jo.planner@dacorum.gov.uk", role="viewer")
    before = _count()

    response = post_form(admin_client, "admin.new_user", NEW_USER)

    page = parse(response)
    assert response.status_code == 200
    assert error_summary(page) == ["A user with the email jo.planner@dacorum.gov.uk already exists"]
    assert page.select_one("#email")["value"] == NEW_USER["email"]
    assert page.select_one("input[name=role][value=officer]").has_attr("checked")
    assert _count() == before
    assert _user("jo.planner@dacorum.gov.uk").role == "viewer"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"authority": "EA"}, "Select an authority from the list"),  # an agency: not a partner or the county
        ({"role": "superuser"}, "Select a role"),
    ],
)
def test_a_choice_not_on_the_form_is_refused_in_words(admin_client, changes, message):
    response = post_form(admin_client, "admin.new_user", {**NEW_USER, **changes})

    assert response.status_code == 200
    assert error_summary(parse(response)) == [message]
    assert _user("jo.planner@dacorum.gov.uk") is None


def test_the_users_list_shows_each_account_with_its_role_and_authority(admin_client):
    create_user(email="viewer@hertfordshire.gov.uk", role="viewer", authority=create_authority("HCC"))

    page = get_page(admin_client, "admin.users")

    rows = {
        cells[0]: cells[1:4]
        for cells in ([cell.get_text(strip=True) for cell in row.select("td")] for row in page.select("tbody tr"))
    }
    assert rows["viewer@hertfordshire.gov.uk"] == ["Test viewer", "Viewer", "HCC"]
    assert rows[admin_client.user.email] == ["Test admin", "Admin", "WBC"]
    assert page.select_one("a[href='/admin/users/new']").get_text(strip=True) == "Add a user"


@pytest.mark.parametrize("role_client", ["officer_client", "viewer_client"])
def test_officers_and_viewers_can_neither_see_users_nor_add_one(request, role_client):
    client = request.getfixturevalue(role_client)
    before = _count()

    assert client.get("/admin/users").status_code == 403
    assert client.get("/admin/users/new").status_code == 403
    assert post_form(client, "admin.new_user", NEW_USER).status_code == 403
    assert _count() == before


def test_someone_not_signed_in_is_sent_to_sign_in_and_adds_nobody(client):
    response = post_form(client, "admin.new_user", NEW_USER)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")
    assert _user("jo.planner@dacorum.gov.uk") is None
