"""Administrators manage officer accounts through the API with the rules and audit trail of the user pages."""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pyotp
import pytest
from sqlalchemy import func, select

from engage.auth.services import create_token
from engage.common.validation import EMAIL_MESSAGE
from engage.extensions import db
from engage.models import ApiToken, AuditEvent, IdempotencyRecord, User
from tests import database
from tests.api.conftest import assert_matches
from tests.factories import PASSWORD, create_authority, create_user

NEW = {"email": "Jo.Planner@Dacorum.gov.uk", "name": "Jo Planner", "role": "officer", "authority": "dbc"}
ONE = "/users/{user_id}"


@pytest.fixture(autouse=True)
def _authorities():
    create_authority()
    create_authority("DBC", "Dacorum Borough Council")
    create_authority("HCC", "Hertfordshire County Council", kind="county")
    create_authority("EA", "Environment Agency", kind="other")


def _counts() -> tuple[int, int]:
    return db.session.scalar(select(func.count(User.id))), db.session.scalar(select(func.count(AuditEvent.id)))


def _fresh(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def _events(user: User, action: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(
        AuditEvent.entity_type == "user", AuditEvent.entity_id == user.id, AuditEvent.action == action
    )
    return list(db.session.scalars(query))


def test_an_admin_adds_a_user_and_gets_the_temporary_password_once(app, admin_api, openapi, caplog):
    caplog.set_level(logging.DEBUG)

    response = admin_api.post("/api/v1/users", json=NEW)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/users", "post")
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    password = body.pop("temporary_password")
    assert body | {"id": 0, "created_at": ""} == {
        "id": 0,
        "email": "jo.planner@dacorum.gov.uk",
        "name": "Jo Planner",
        "role": "officer",
        "authority": "DBC",
        "active": True,
        "two_factor": False,
        "must_change_password": True,
        "created_at": "",
        "last_signed_in_at": None,
    }
    user = db.session.get(User, body["id"])
    assert user.check_password(password)
    [event] = _events(user, "create")
    assert (event.user_id, event.summary) == (admin_api.user.id, "Created user with role officer")
    assert not any(password in record.getMessage() for record in caplog.records)
    shown = admin_api.get(f"/api/v1/users/{user.id}")
    assert_matches(openapi, shown, ONE)
    assert shown.get_json() == body
    browser = app.test_client()
    assert browser.post("/sign-in", data={"email": user.email, "password": password}).status_code == 302
    assert browser.get("/").headers["Location"] == "/account/password"


def test_a_replayed_add_creates_nobody_and_does_not_keep_the_password(admin_api, openapi):
    headers = {"Idempotency-Key": "add-jo"}

    first = admin_api.post("/api/v1/users", json=NEW, headers=headers)
    again = admin_api.post("/api/v1/users", json=NEW, headers=headers)

    assert first.status_code == again.status_code == 201
    assert_matches(openapi, again, "/users", "post")
    assert first.get_json()["temporary_password"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json() == {**first.get_json(), "temporary_password": None}
    [record] = db.session.scalars(select(IdempotencyRecord))
    assert record.body["temporary_password"] is None
    assert db.session.scalar(select(func.count(User.id)).where(User.email == "jo.planner@dacorum.gov.uk")) == 1


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"email": "jo at dacorum"}, {"email": [EMAIL_MESSAGE]}),
        ({"email": ""}, {"email": ["Enter an email address"]}),
        ({"email": "jo@dacorum.gov.uk\x00"}, {"email": ["Email must be text"]}),
        ({"role": "superuser"}, {"role": ["Select a role"]}),
        ({"role": "", "authority": " "}, {"role": ["Select a role"], "authority": ["Select an authority"]}),
        ({"role": None}, {"role": ["Role must be text"]}),
        ({"authority": "NOPE"}, {"authority": ["Select an authority from the list"]}),
        ({"authority": "EA"}, {"authority": ["Select an authority from the list"]}),  # neither partner nor county
        (
            {"name": "Jo\tPlanner"},
            {"name": ["Full name must not include tabs, line breaks or other invisible characters"]},
        ),
        ({"name": "J" * 201}, {"name": ["Full name must be 200 characters or fewer"]}),
        ({"name": 7}, {"name": ["Name must be text"]}),
        ({"password": "chosen"}, {"password": ["password is not a field you can set"]}),
    ],
)
def test_a_bad_new_user_is_a_422_that_names_the_field_and_writes_nothing(admin_api, openapi, changes, errors):
    before = _counts()

    response = admin_api.post("/api/v1/users", json={**NEW, **changes})

    assert response.status_code == 422
    assert_matches(openapi, response, "/users", "post")
    assert response.get_json()["errors"] == errors
    assert _counts() == before


def test_a_new_user_without_a_role_or_authority_is_told_to_choose_them(admin_api):
    response = admin_api.post("/api/v1/users", json={"email": "jo@dacorum.gov.uk"})

    assert response.status_code == 422
    assert response.get_json()["errors"] == {"role": ["Select a role"], "authority": ["Select an authority"]}
    assert db.session.scalar(select(User).where(User.email == "jo@dacorum.gov.uk")) is None


def test_an_email_address_already_in_use_in_any_case_is_a_422(admin_api, openapi):
    create_user(email="jo.planner@dacorum.gov.uk", role="viewer")
    before = _counts()

    response = admin_api.post("/api/v1/users", json=NEW)

    assert response.status_code == 422
    assert_matches(openapi, response, "/users", "post")
    assert response.get_json()["errors"] == {
        "email": ["A user with the email jo.planner@dacorum.gov.uk already exists"]
    }
    assert _counts() == before


def test_the_list_filters_by_role_authority_and_whether_active(admin_api, openapi):
    viewer = create_user(email="viewer@herts.gov.uk", role="viewer", authority=create_authority("HCC"))
    gone = create_user(email="gone@watford.gov.uk")
    gone.active = False
    db.session.commit()

    def emails(query: str) -> list[str]:
        response = admin_api.get(f"/api/v1/users{query}")
        assert response.status_code == 200, response.get_json()
        assert_matches(openapi, response, "/users")
        return [item["email"] for item in response.get_json()["items"]]

    assert emails("") == sorted([admin_api.user.email, viewer.email, gone.email])
    assert emails("?role=viewer") == [viewer.email]
    assert emails("?authority=hcc") == [viewer.email]
    assert emails("?active=false") == [gone.email]
    assert emails("?active=true&authority=WBC") == [admin_api.user.email]
    assert emails("?per_page=1&page=2") == [sorted([admin_api.user.email, viewer.email, gone.email])[1]]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("role=superuser", {"role": ["Role must be one of admin, officer, viewer"]}),
        ("authority=NOPE", {"authority": ["There is no authority with the code ‘NOPE’"]}),
        ("active=yes", {"active": ["Active must be true or false"]}),
        (
            "role=%00",
            {
                "role": [
                    "The web address has a character that could not be read in 'role'. Check the address and try again."
                ]
            },
        ),
    ],
)
def test_an_unknown_filter_is_a_422(admin_api, openapi, query, errors):
    response = admin_api.get(f"/api/v1/users?{query}")

    assert response.status_code == 422
    assert_matches(openapi, response, "/users")
    assert response.get_json()["errors"] == errors


def test_an_admin_changes_only_the_fields_sent_with_the_change_audited(admin_api, openapi):
    officer = create_user(email="officer@watford.gov.uk")

    response = admin_api.patch(f"/api/v1/users/{officer.id}", json={"role": "viewer", "authority": "DBC"})

    assert response.status_code == 200, response.get_json()
    assert_matches(openapi, response, ONE, "patch")
    body = response.get_json()
    assert (body["name"], body["role"], body["authority"]) == ("Test officer", "viewer", "DBC")
    [event] = _events(officer, "update")
    assert event.user_id == admin_api.user.id
    assert event.changes == {"role": ["officer", "viewer"], "authority": ["WBC", "DBC"]}
    fetched = admin_api.get(f"/api/v1/users/{officer.id}").get_json()
    assert admin_api.patch(f"/api/v1/users/{officer.id}", json=fetched).status_code == 200
    assert len(_events(officer, "update")) == 1


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"role": "owner"}, {"role": ["Select a role"]}),
        ({"authority": "EA"}, {"authority": ["Select an authority from the list"]}),
        (
            {"name": "Sam\nOfficer"},
            {"name": ["Full name must not include tabs, line breaks or other invisible characters"]},
        ),
        ({"role": True}, {"role": ["Role must be text"]}),
    ],
)
def test_a_bad_change_is_a_422_and_changes_nothing(admin_api, openapi, changes, errors):
    officer = create_user(email="officer@watford.gov.uk")
    before = _counts()

    response = admin_api.patch(f"/api/v1/users/{officer.id}", json={"name": "Sam Officer", **changes})

    assert response.status_code == 422
    assert_matches(openapi, response, ONE, "patch")
    assert response.get_json()["errors"] == errors
    officer = _fresh(officer)
    assert (officer.name, officer.role, officer.authority.code) == ("Test officer", "officer", "WBC")
    assert _counts() == before


def test_an_admin_can_neither_drop_their_own_admin_role_nor_deactivate_themselves(admin_api, openapi):
    me = admin_api.user
    before = _counts()

    demoted = admin_api.patch(f"/api/v1/users/{me.id}", json={"role": "officer"})
    deactivated = admin_api.post(f"/api/v1/users/{me.id}/deactivate")

    assert demoted.status_code == deactivated.status_code == 422
    assert_matches(openapi, demoted, ONE, "patch")
    assert_matches(openapi, deactivated, ONE + "/deactivate", "post")
    assert demoted.get_json()["errors"] == {
        "role": ["You cannot remove your own administrator role. Ask another administrator"]
    }
    assert deactivated.get_json()["errors"] == {"user": ["You cannot deactivate your own account"]}
    me = _fresh(me)
    assert (me.role, me.active) == ("admin", True)
    assert _counts() == before


def test_deactivating_revokes_tokens_at_once_and_reactivating_brings_none_back(app, admin_api, openapi):
    officer = create_user(email="officer@watford.gov.uk")
    token = {"Authorization": f"Bearer {create_token(officer, 'notebook')}"}
    assert app.test_client().get("/api/v1/authorities", headers=token).status_code == 200

    response = admin_api.post(f"/api/v1/users/{officer.id}/deactivate")

    assert response.status_code == 200
    assert_matches(openapi, response, ONE + "/deactivate", "post")
    assert response.get_json()["active"] is False
    assert app.test_client().get("/api/v1/authorities", headers=token).status_code == 401
    assert db.session.scalar(select(func.count(ApiToken.id)).where(ApiToken.user_id == officer.id)) == 1
    assert db.session.scalar(select(ApiToken).where(ApiToken.user_id == officer.id)).revoked_at is not None
    [event] = _events(officer, "deactivate")
    assert (event.user_id, event.summary) == (admin_api.user.id, "Deactivated the account and revoked 1 API token")
    assert admin_api.post(f"/api/v1/users/{officer.id}/deactivate").status_code == 200
    assert len(_events(officer, "deactivate")) == 1

    response = admin_api.post(f"/api/v1/users/{officer.id}/reactivate")

    assert response.status_code == 200
    assert_matches(openapi, response, ONE + "/reactivate", "post")
    assert response.get_json()["active"] is True
    assert app.test_client().get("/api/v1/authorities", headers=token).status_code == 401
    assert app.test_client().post("/sign-in", data={"email": officer.email, "password": PASSWORD}).status_code == 302
    assert len(_events(officer, "reactivate")) == 1


def test_an_admin_turns_off_a_users_two_factor_authentication(admin_api, openapi):
    officer = create_user(email="officer@watford.gov.uk")
    officer.totp_secret = pyotp.random_base32()
    db.session.commit()
    assert admin_api.get(f"/api/v1/users/{officer.id}").get_json()["two_factor"] is True

    response = admin_api.post(f"/api/v1/users/{officer.id}/two-factor/turn-off")

    assert response.status_code == 200
    assert_matches(openapi, response, ONE + "/two-factor/turn-off", "post")
    assert response.get_json()["two_factor"] is False
    assert _fresh(officer).totp_secret is None
    [event] = _events(officer, "update")
    assert (event.user_id, event.summary) == (admin_api.user.id, "Turned off two-factor authentication")
    assert admin_api.post(f"/api/v1/users/{officer.id}/two-factor/turn-off").status_code == 200
    assert len(_events(officer, "update")) == 1


@pytest.mark.parametrize("user_id", [999999, 2**31, 2**40])
@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("patch", ""), ("post", "/deactivate"), ("post", "/reactivate"), ("post", "/two-factor/turn-off")],
)
def test_an_unknown_user_is_a_404(admin_api, openapi, user_id, method, suffix):
    before = _counts()
    kwargs = {"json": {"role": "viewer"}} if method == "patch" else {}

    response = getattr(admin_api, method)(f"/api/v1/users/{user_id}{suffix}", **kwargs)

    assert response.status_code == 404
    assert_matches(openapi, response, ONE + suffix, method)
    assert _counts() == before


@pytest.mark.parametrize("api", ["viewer_api", "officer_api"])
def test_officers_and_viewers_are_refused_and_change_nothing(request, api, openapi):
    client = request.getfixturevalue(api)
    other = create_user(email="other@watford.gov.uk")
    before = _counts()

    responses = [
        (client.get("/api/v1/users"), "/users", "get"),
        (client.post("/api/v1/users", json=NEW), "/users", "post"),
        (client.get(f"/api/v1/users/{other.id}"), ONE, "get"),
        (client.patch(f"/api/v1/users/{other.id}", json={"role": "admin"}), ONE, "patch"),
        (client.patch(f"/api/v1/users/{client.user.id}", json={"role": "admin"}), ONE, "patch"),
        (client.post(f"/api/v1/users/{other.id}/deactivate"), ONE + "/deactivate", "post"),
        (client.post(f"/api/v1/users/{other.id}/reactivate"), ONE + "/reactivate", "post"),
        (client.post(f"/api/v1/users/{other.id}/two-factor/turn-off"), ONE + "/two-factor/turn-off", "post"),
    ]

    for response, path, method in responses:
        assert response.status_code == 403, (method, path)
        assert_matches(openapi, response, path, method)
    assert _fresh(client.user).role != "admin" and _fresh(other).active
    assert _counts() == before


def test_someone_without_a_token_gets_a_401_and_changes_nothing(client, openapi):
    other = create_user(email="other@watford.gov.uk")
    before = _counts()

    for response, path, method in [
        (client.get("/api/v1/users"), "/users", "get"),
        (client.post("/api/v1/users", json=NEW), "/users", "post"),
        (client.patch(f"/api/v1/users/{other.id}", json={"role": "admin"}), ONE, "patch"),
        (client.post(f"/api/v1/users/{other.id}/deactivate"), ONE + "/deactivate", "post"),
    ]:
        assert response.status_code == 401, (method, path)
        assert_matches(openapi, response, path, method)
    assert _fresh(other).active and _counts() == before


@pytest.mark.postgres
def test_two_administrators_demoting_each_other_at_once_leave_one(app, admin_api):
    if not database.postgres_url():
        pytest.skip("needs PostgreSQL: concurrent writers")
    other = create_user(role="admin")
    other_api = app.test_client()
    other_api.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(other, 'tests')}"
    pairs = [(admin_api, other.id), (other_api, admin_api.user.id)]
    barrier = threading.Barrier(2)

    def demote(pair):
        client, target = pair
        barrier.wait()
        return client.patch(f"/api/v1/users/{target}", json={"role": "officer"}).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = sorted(pool.map(demote, pairs))

    assert statuses[0] == 200 and statuses[1] in (403, 422)  # 403 when the first was done before the second began
    db.session.expire_all()
    assert db.session.scalar(select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))) == 1
