from engage.auth.services import create_token
from engage.extensions import db
from engage.models import ApiToken
from tests.pages import parse


def test_account_page_creates_a_token_shown_once(officer_client):
    response = officer_client.post("/account", data={"name": "Analysis notebook"})
    page = parse(response)
    token = page.select_one(".app-token").get_text()
    assert token.startswith("eng_")
    stored = db.session.query(ApiToken).one()
    assert stored.token_hash != token
    assert stored.name == "Analysis notebook"


def test_token_without_name_shows_error(officer_client):
    page = parse(officer_client.post("/account", data={"name": ""}))
    assert "Enter a name for the token" in page.select_one(".govuk-error-summary").get_text()


def test_revoked_token_no_longer_authenticates(app, officer_client):
    token = create_token(officer_client.user, "test")
    stored = db.session.query(ApiToken).one()
    headers = {"Authorization": f"Bearer {token}"}
    assert app.test_client().get("/", headers=headers).status_code == 200
    officer_client.post(f"/account/tokens/{stored.id}/revoke")
    assert app.test_client().get("/", headers=headers).status_code == 302
