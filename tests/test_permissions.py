"""Every route declares who may use it, and the roles get what they should."""

import pytest

from tests.factories import create_stakeholder

ALLOWED = {"public", "view", "edit", "admin"}


def test_every_route_declares_its_permission(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "permission", None) not in ALLOWED:
            missing.append(rule.endpoint)
    assert missing == []


@pytest.mark.parametrize(
    ("path", "viewer", "officer", "admin"),
    [
        ("/", 200, 200, 200),
        ("/stakeholders/", 200, 200, 200),
        ("/stakeholders/new", 403, 200, 200),
        ("/admin/audit", 403, 403, 200),
        ("/admin/users", 403, 403, 200),
        ("/account", 200, 200, 200),
        ("/account/password", 200, 200, 200),
        ("/account/two-factor", 200, 200, 200),
        ("/admin/users/new", 403, 403, 200),
        ("/admin/users/1/edit", 403, 403, 200),
        ("/admin/users/1/deactivate", 403, 403, 200),
    ],
)
def test_role_matrix(path, viewer, officer, admin, viewer_client, officer_client, admin_client, client):
    create_stakeholder()
    assert viewer_client.get(path).status_code == viewer
    assert officer_client.get(path).status_code == officer
    assert admin_client.get(path).status_code == admin
    anonymous = client.get(path)
    assert anonymous.status_code == 302
    assert "/sign-in" in anonymous.headers["Location"]
