"""The audit log: what was done, to which record and by whom, newest first, filtered by record type and action; for
administrators only."""

import pytest

from engage.common import audit
from engage.extensions import db
from tests.pages import get_page


def _record(action, entity_type, entity_id, summary, user=None):
    audit.record(action, entity_type, entity_id, summary, user=user)
    db.session.commit()


def _rows(page) -> list[list[str]]:
    return [[cell.get_text(strip=True) for cell in row.select("td")][1:] for row in page.select("tbody tr")]


def test_the_log_shows_what_was_done_to_which_record_and_by_whom_newest_first(admin_client):
    _record("create", "stakeholder", 7, "Added Sam Example")
    _record("update", "engagement", 12, "Outcome changed", user=admin_client.user)

    page = get_page(admin_client, "admin.audit")

    assert _rows(page) == [
        [admin_client.user.email, "update", "engagement 12", "Outcome changed"],
        ["System", "create", "stakeholder 7", "Added Sam Example"],
    ]
    assert page.select_one("caption").get_text(strip=True) == "2 events"


def test_the_log_is_filtered_by_record_type_action_and_record(admin_client):
    _record("create", "stakeholder", 7, "Added Sam Example")
    _record("update", "stakeholder", 7, "Email changed")
    _record("update", "stakeholder", 8, "Phone changed")
    _record("update", "engagement", 12, "Outcome changed")

    by_type = get_page(admin_client, "admin.audit", entity_type="stakeholder")
    by_both = get_page(admin_client, "admin.audit", entity_type="stakeholder", action="update")
    by_record = get_page(admin_client, "admin.audit", entity_type="stakeholder", entity_id="7")

    assert [row[3] for row in _rows(by_type)] == ["Phone changed", "Email changed", "Added Sam Example"]
    assert [row[3] for row in _rows(by_both)] == ["Phone changed", "Email changed"]
    assert [row[3] for row in _rows(by_record)] == ["Email changed", "Added Sam Example"]
    assert by_both.select_one("#entity_type")["value"] == "stakeholder"
    assert by_both.select_one("#action")["value"] == "update"


def test_the_log_shows_50_events_a_page(admin_client):
    for number in range(1, 53):
        _record("update", "stakeholder", number, f"Change {number}")

    first = get_page(admin_client, "admin.audit")
    second = get_page(admin_client, "admin.audit", page=2)

    assert len(_rows(first)) == 50
    assert first.select_one("caption").get_text(strip=True) == "52 events"
    assert [row[3] for row in _rows(second)] == ["Change 2", "Change 1"]


@pytest.mark.parametrize("role_client", ["officer_client", "viewer_client"])
def test_officers_and_viewers_cannot_read_the_log(request, role_client):
    assert request.getfixturevalue(role_client).get("/admin/audit").status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get("/admin/audit")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")
