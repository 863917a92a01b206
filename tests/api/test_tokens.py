from engage.auth.services import create_token
from tests.api.conftest import assert_matches


def test_you_list_and_revoke_your_own_tokens_only(viewer_api, officer_api, app, openapi):
    spare = create_token(viewer_api.user, "Spreadsheet")

    listed = viewer_api.get("/api/v1/tokens")

    assert_matches(openapi, listed, "/tokens")
    items = listed.get_json()["items"]
    assert [item["name"] for item in items] == ["Spreadsheet", "tests"] and "token_hash" not in items[0]
    assert officer_api.delete(f"/api/v1/tokens/{items[0]['id']}").status_code == 404
    revoked = viewer_api.delete(f"/api/v1/tokens/{items[0]['id']}")
    assert revoked.status_code == 200 and revoked.get_json()["revoked_at"]
    assert_matches(openapi, revoked, "/tokens/{token_id}", "delete")
    spare_client = app.test_client()
    spare_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {spare}"
    assert spare_client.get("/api/v1/tokens").status_code == 401
    assert viewer_api.get("/api/v1/tokens").status_code == 200
