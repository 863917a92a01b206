import pytest

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
    assert app.test_client().get("/", headers=headers).status_code == 401


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER", "bEaReR"])
def test_the_bearer_scheme_is_read_in_any_case(app, officer_client, scheme):
    token = create_token(officer_client.user, "test")
    response = app.test_client().get("/api/v1/authorities", headers={"Authorization": f"{scheme} {token}"})
    assert response.status_code == 200


def test_a_revoked_token_cannot_download_the_dtc_table(app, officer_client):
    token = create_token(officer_client.user, "test")
    headers = {"Authorization": f"Bearer {token}"}
    assert app.test_client().get("/evidence/dtc-table.csv", headers=headers).status_code == 200
    stored = db.session.query(ApiToken).one()
    officer_client.post(f"/account/tokens/{stored.id}/revoke")
    response = app.test_client().get("/evidence/dtc-table.csv", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_unknown_token_on_an_officer_page_is_401_not_a_sign_in_page(client):
    response = client.get("/stakeholders/", headers={"Authorization": "bearer eng_not-a-token"})
    assert response.status_code == 401


def test_without_a_token_an_officer_page_still_asks_to_sign_in(client):
    response = client.get("/evidence/dtc-table.csv", headers={"Authorization": "Basic YTpi"})
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
