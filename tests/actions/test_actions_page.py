"""The actions page: by owner authority, overdue ones highlighted; marking an action done."""

from datetime import date

from engage.extensions import db
from engage.models import Action
from tests.factories import create_action, create_authority, create_engagement, create_plan
from tests.pages import get_page


def test_actions_page_filters_by_owner_and_highlights_overdue(viewer_client):
    create_plan()
    hcc = create_authority("HCC", "Hertfordshire County Council", "county")
    engagement = create_engagement()
    create_action(engagement, hcc, description="Overdue school places note", due_on=date(2026, 1, 5))
    create_action(engagement, description="Watford thing", due_on=date(2099, 1, 1))
    page = get_page(viewer_client, "actions.index", owner="HCC")
    rows = page.select("tbody tr")
    assert len(rows) == 1 and "Overdue school places note" in rows[0].get_text()
    assert "Overdue" in rows[0].get_text()
    assert "1 action is overdue" in page.get_text()


def test_marking_an_action_done(officer_client):
    create_plan()
    engagement = create_engagement()
    action = create_action(engagement, description="Send data")
    response = officer_client.post(f"/actions/{action.id}", data={"status": "done"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Action, action.id).status == "done"


def test_viewer_cannot_change_an_action(viewer_client):
    create_plan()
    engagement = create_engagement()
    action = create_action(engagement, description="Send data")
    assert viewer_client.post(f"/actions/{action.id}", data={"status": "done"}).status_code == 403
