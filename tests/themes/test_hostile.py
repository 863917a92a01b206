"""Wrong values on the themes pages and API are answered with a message, never a 500, and write nothing."""

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import representation_theme
from engage.themes import services
from tests.factories import create_consultation
from tests.themes.helpers import add_representations


@pytest.mark.parametrize(
    "data",
    [
        {"scope": "everything", "theme": "1", "action": "tag"},
        {"scope": "selected", "representations": ["abc", "0", "99999999999"], "theme": "1", "action": "tag"},
        {"scope": "selected", "representations": ["1"], "theme": "not-a-theme", "action": "tag"},
        {"scope": "selected", "representations": ["1"], "matter": "no-such-matter", "action": "tag"},
        {"scope": "selected", "representations": ["1"], "issue": "12", "action": "link"},
        {"scope": "campaign", "campaign": "-1", "issue": "1", "action": "link"},
        {"scope": "selected", "representations": ["1"], "theme": "1", "action": "explode"},
    ],
)
def test_wrong_bulk_values_show_a_message_and_write_nothing(officer_client, data):
    consultation = create_consultation()
    add_representations(consultation, ["Roads"])
    services.create_theme(consultation, "Traffic")
    response = officer_client.post(f"/themes/consultations/{consultation.id}/bulk", data=data)
    assert response.status_code == 200
    assert "There is a problem" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(representation_theme)) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"scope": "everything", "matters": ["green-belt"]},
        {"references": "R-00001-1", "matters": ["green-belt"]},
        {"references": ["R-00001-1"], "themes": ["one"]},
        {"references": ["R-00001-1"], "themes": [99999]},
        {"scope": "campaign", "campaign": 0, "matters": ["green-belt"]},
        {"scope": "filtered", "search": "nature=object", "matters": ["green-belt"]},
        {"scope": "filtered", "search": {"colour": "red"}, "matters": ["green-belt"]},
        {"references": ["R-00001-1"]},
    ],
)
def test_wrong_api_bodies_are_422(app, body):
    from engage.auth.services import create_token
    from tests.factories import create_user

    consultation = create_consultation()
    add_representations(consultation, ["Roads"])
    api = app.test_client()
    api.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(create_user(), 'hostile')}"
    response = api.post(f"/api/v1/consultations/{consultation.id}/tags", json=body)
    assert response.status_code == 422, response.json
    assert response.json["errors"]
