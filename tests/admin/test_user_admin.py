"""Administrators change officers' roles and authorities, deactivate and reactivate them, and turn off their
two-factor authentication; every change is audited."""

import pyotp
import pytest

from engage.admin.services import deactivate_user, update_user
from engage.auth.services import create_token
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import ApiToken, AuditEvent, User
from tests.factories import PASSWORD, create_authority, create_user
from tests.pages import error_summary, parse


def audit_events(user, action=None) -> list[AuditEvent]:
    query = db.session.query(AuditEvent).filter_by(entity_type="user", entity_id=user.id)
    return query.filter_by(action=action).all() if action else query.all()


def fresh(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def test_the_edit_page_shows_the_users_details(admin_client):
    officer = create_user(email="officer@example.gov.uk")
    page = parse(admin_client.get(f"/admin/users/{officer.id}/edit"))
    assert page.select_one("#name")["value"] == "Test officer"
    assert page.select_one("input[name=role][value=officer]").has_attr("checked")
    assert page.select_one("#authority option[selected]")["value"] == "WBC"


def test_an_admin_changes_a_users_role_and_authority_with_the_change_audited(admin_client):
    create_authority("DBC", "Dacorum Borough Council")
    officer = create_user(email="officer@example.gov.uk")
    response = admin_client.post(
        f"/admin/users/{officer.id}/edit", data={"name": "Sam Officer", "role": "viewer", "authority": "DBC"}
    )
    assert response.status_code == 302
    officer = fresh(officer)
    assert (officer.name, officer.role, officer.authority.code) == ("Sam Officer", "viewer", "DBC")
    [event] = audit_events(officer, "update")
    assert event.user_id == admin_client.user.id
    assert event.changes == {
        "name": ["Test officer", "Sam Officer"],
        "role": ["officer", "viewer"],
        "authority": ["WBC", "DBC"],
    }


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "Sam\tOfficer", "role": "viewer"}, "name", "Full name must not include tabs"),
        ({"name": "Sam Officer\x00", "role": "viewer"}, "name", "Full name must not include a NUL character"),
        ({"name": "Sam Officer", "role": ""}, "role", "Select a role"),
        (
            {"name": "Sam Officer", "role": "viewer", "authority": "NOPE"},
            "authority",
            "Select an authority from the list",
        ),
    ],
)
def test_a_bad_edit_is_explained_next_to_the_field_keeps_the_input_and_changes_nothing(
    admin_client, data, field, message
):
    officer = create_user(email="officer@example.gov.uk")
    page = parse(admin_client.post(f"/admin/users/{officer.id}/edit", data={"authority": "WBC", **data}))
    assert page.title.string.startswith("Error: ")
    assert any(message in text for text in error_summary(page))
    assert message in page.select_one(f"#{field}-error").get_text()
    assert page.select_one("#name")["value"] == data["name"]
    officer = fresh(officer)
    assert (officer.name, officer.role) == ("Test officer", "officer")
    assert audit_events(officer) == []


def test_an_admin_cannot_take_away_their_own_admin_role(admin_client):
    me = admin_client.user
    data = {"name": "Me", "role": "officer", "authority": "WBC"}
    page = parse(admin_client.post(f"/admin/users/{me.id}/edit", data=data))
    assert error_summary(page) == ["You cannot remove your own administrator role. Ask another administrator"]
    assert fresh(me).role == "admin"


def test_deactivating_a_user_ends_their_open_session_and_their_token_at_once(app, admin_client):
    officer = create_user(email="officer@example.gov.uk")
    browser = app.test_client()
    browser.post("/sign-in", data={"email": officer.email, "password": PASSWORD})
    token = {"Authorization": f"Bearer {create_token(officer, 'notebook')}"}
    assert browser.get("/").status_code == 200
    assert app.test_client().get("/evidence/dtc-table.csv", headers=token).status_code == 200
    assert "Are you sure" in parse(admin_client.get(f"/admin/users/{officer.id}/deactivate")).h1.get_text()
    response = admin_client.post(f"/admin/users/{officer.id}/deactivate")
    assert response.status_code == 302
    response = browser.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
    assert app.test_client().get("/evidence/dtc-table.csv", headers=token).status_code == 401
    assert app.test_client().get("/api/v1/authorities", headers=token).status_code == 401
    assert browser.post("/sign-in", data={"email": officer.email, "password": PASSWORD}).status_code == 200
    assert db.session.query(ApiToken).filter(ApiToken.revoked_at.is_(None)).count() == 0
    [event] = audit_events(officer, "deactivate")
    assert event.summary == "Deactivated the account and revoked 1 API token"
    assert "Deactivated" in parse(admin_client.get("/admin/users")).get_text()


def test_an_admin_cannot_deactivate_their_own_account(admin_client):
    page = parse(admin_client.post(f"/admin/users/{admin_client.user.id}/deactivate"))
    assert error_summary(page) == ["You cannot deactivate your own account"]
    assert fresh(admin_client.user).active is True


def test_a_reactivated_user_signs_in_again_but_their_old_tokens_stay_revoked(app, admin_client):
    officer = create_user(email="officer@example.gov.uk")
    token = {"Authorization": f"Bearer {create_token(officer)}"}
    admin_client.post(f"/admin/users/{officer.id}/deactivate")
    assert admin_client.post(f"/admin/users/{officer.id}/reactivate").status_code == 302
    assert fresh(officer).active is True
    assert app.test_client().post("/sign-in", data={"email": officer.email, "password": PASSWORD}).status_code == 302
    assert app.test_client().get("/api/v1/authorities", headers=token).status_code == 401
    assert len(audit_events(officer, "reactivate")) == 1


def test_an_admin_turns_off_two_factor_authentication_for_a_user_who_lost_their_phone(app, admin_client):
    officer = create_user(email="officer@example.gov.uk")
    officer.totp_secret = pyotp.random_base32()
    db.session.commit()
    assert "Turn off two-factor" in parse(admin_client.get(f"/admin/users/{officer.id}/edit")).get_text()
    admin_client.post(f"/admin/users/{officer.id}/two-factor/turn-off")
    assert fresh(officer).totp_secret is None
    [event] = audit_events(officer, "update")
    assert (event.summary, event.user_id) == ("Turned off two-factor authentication", admin_client.user.id)
    response = app.test_client().post("/sign-in", data={"email": officer.email, "password": PASSWORD})
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("user_id", [999999, 2**31, 2**40])
def test_an_unknown_user_is_404(admin_client, user_id):
    assert admin_client.get(f"/admin/users/{user_id}/edit").status_code == 404
    assert admin_client.post(f"/admin/users/{user_id}/deactivate").status_code == 404


def test_the_last_active_administrator_can_be_neither_demoted_nor_deactivated():
    """Two administrators removing each other: the first change passes, the second would leave nobody to manage
    users (each one's page was loaded while both were administrators)."""
    first, second = create_user(role="admin"), create_user(role="admin")
    update_user(second, first, "First", "viewer", "WBC")
    message = ["There must be at least one active administrator. Make someone else an administrator first"]

    with pytest.raises(ValidationError) as demoting:
        update_user(first, second, "Second", "officer", "WBC")
    with pytest.raises(ValidationError) as deactivating:
        deactivate_user(first, second)

    assert demoting.value.errors == {"role": message}
    assert deactivating.value.errors == {"user": message}
    second = fresh(second)
    assert (second.role, second.active) == ("admin", True)
    assert audit_events(second) == []


def test_an_administrator_is_demoted_or_deactivated_while_another_active_one_remains(admin_client):
    other, deactivated = create_user(role="admin"), create_user(role="admin")
    deactivated.active = False
    db.session.commit()

    admin_client.post(f"/admin/users/{other.id}/edit", data={"name": "Other", "role": "officer", "authority": "WBC"})
    assert fresh(other).role == "officer"
    other.role = "admin"
    db.session.commit()
    admin_client.post(f"/admin/users/{other.id}/deactivate")
    assert fresh(other).active is False
