"""Unknown filter values on the consultation and representation lists are named on the page."""

import pytest

from tests.factories import create_consultation, create_plan
from tests.pages import parse


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("nature=maybe", "nature", "Nature must be one of: support, object, comment"),
        ("channel=pigeon", "channel", "Channel must be one of"),
        ("sound=perhaps", "sound", "Sound must be one of"),
        ("late=sometimes", "late", "Late must be true or false"),
        ("part=Policy%20ZZ9", "part", "There is no part of the plan called ‘Policy ZZ9’"),
    ],
)
def test_an_unknown_representation_filter_is_named_next_to_it(viewer_client, query, field, message):
    create_plan()
    consultation = create_consultation()
    page = parse(viewer_client.get(f"/consultations/{consultation.id}/representations?{query}"))
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert message in page.select_one(f"#{field}-error").get_text()


def test_known_representation_filters_give_no_message(viewer_client):
    create_plan()
    consultation = create_consultation()
    url = f"/consultations/{consultation.id}/representations?nature=object&part=policy%20sp1&late=false"
    assert parse(viewer_client.get(url)).select_one(".govuk-error-summary") is None


def test_an_unknown_consultation_status_is_named(viewer_client):
    page = parse(viewer_client.get("/consultations/?status=paused"))
    assert "Status must be one of: draft, scheduled, open, closed" in page.select_one(".govuk-error-summary").get_text()
