"""Dates and date-times the API takes: the one range of years, so nothing stored can break a page or a feed."""

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Engagement
from tests.api.test_engagements import _body


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Engagement))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", "0001-01-01T00:00:00+00:00"),
        ("starts_at", "9999-12-31T23:59:59-23:59"),
        ("starts_at", "2201-01-01T10:00:00+00:00"),
        ("ends_at", "1899-12-31T10:00:00+00:00"),
    ],
)
def test_the_api_refuses_a_date_time_outside_the_accepted_years(officer_api, field, value):
    response = officer_api.post("/api/v1/engagements", json=_body(**{field: value}))
    assert response.status_code == 422
    assert "1900 to 2200" in response.get_json()["errors"][field][0]
    assert _count() == 0


def test_the_api_refuses_an_action_due_date_outside_the_accepted_years(officer_api):
    actions = [{"description": "Send habitat data", "owner": "WBC", "due_on": "2201-04-01"}]
    response = officer_api.post("/api/v1/engagements", json=_body(actions=actions))
    assert response.status_code == 422
    assert _count() == 0
