from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Authority, Plan, Register, Stakeholder, User


def test_create_user_prints_generated_password(app):
    from tests.factories import create_authority

    create_authority("WBC")
    result = app.test_cli_runner().invoke(
        args=["create-user", "new@example.gov.uk", "--role", "admin", "--authority", "WBC"]
    )
    assert result.exit_code == 0, result.output
    password = result.output.strip().splitlines()[-1].removeprefix("Password: ")
    user = db.session.scalar(select(User).where(User.email == "new@example.gov.uk"))
    assert user.role == "admin"
    assert user.authority.code == "WBC"
    assert user.check_password(password)


def test_create_user_with_unknown_authority_fails_cleanly(app):
    result = app.test_cli_runner().invoke(args=["create-user", "new@example.gov.uk", "--authority", "NOPE"])
    assert result.exit_code != 0
    assert "authority: Select an authority from the list" in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_create_user_checks_the_address_and_password_as_the_pages_do(app):
    result = app.test_cli_runner().invoke(args=["create-user", "not an address", "--password", "short"])
    assert result.exit_code != 0
    assert "email: " in result.output and "password: Your password must be 12 characters or more" in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_create_user_with_a_password_of_their_own_need_not_change_it(app):
    arguments = ["create-user", "First@Example.gov.uk", "--password", "a long passphrase"]
    result = app.test_cli_runner().invoke(args=arguments)
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert user.email == "first@example.gov.uk" and user.authority is None and not user.must_change_password


def test_create_token_prints_token_alone_on_last_line(app, client):
    from tests.factories import create_user

    create_user(email="api@example.gov.uk")
    result = app.test_cli_runner().invoke(args=["create-token", "api@example.gov.uk"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert client.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_seed_demo_is_idempotent(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    counts = [db.session.scalar(select(func.count(m.id))) for m in (Authority, Plan, Register, Stakeholder, User)]
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert [
        db.session.scalar(select(func.count(m.id))) for m in (Authority, Plan, Register, Stakeholder, User)
    ] == counts
    assert db.session.scalar(select(Plan.name)) == "South West Hertfordshire Joint Strategic Plan"
    codes = set(db.session.scalars(select(Authority.code)))
    assert {"DBC", "HBC", "SADC", "TRDC", "WBC", "HCC"} <= codes
