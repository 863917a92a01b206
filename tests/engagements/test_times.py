"""Dates and times typed or sent for an engagement: one range of years, 24:00 on the time field, and the nights the
clocks change ask which time was meant."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Engagement
from tests.engagements.test_log_contact import _form
from tests.factories import create_plan
from tests.pages import error_summary, parse, post_form


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Engagement))


@pytest.mark.parametrize("typed", ["24:00", "25:00", "14:61"])
def test_a_time_that_is_not_one_is_reported_on_the_time_field_and_kept(officer_client, typed):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(start_time=typed)))
    assert "Enter the start time in the correct format" in page.select_one("#start_time-error").get_text()
    assert page.select_one("#start_time")["value"] == typed
    assert _count() == 0


def test_a_time_in_the_spring_forward_gap_names_the_gap(officer_client):
    create_plan()
    response = post_form(
        officer_client, "engagements.new", _form(starts_on=["28", "3", "2027"], start_time="01:30", end_time="")
    )
    message = parse(response).select_one("#start_time-error").get_text()
    assert "There is no 01:30 on 28 March 2027" in message
    assert "the clocks go forward from 01:00 to 02:00" in message
    assert _count() == 0


def test_a_time_in_the_autumn_overlap_names_both_readings_and_either_can_be_chosen(officer_client):
    create_plan()
    data = _form(
        title="Late meeting", status="planned", starts_on=["31", "10", "2027"], start_time="01:30", end_time=""
    )
    message = parse(post_form(officer_client, "engagements.new", data)).select_one("#start_time-error").get_text()
    assert "01:30 happens twice on 31 October 2027" in message
    assert "01:30 BST" in message and "01:30 GMT" in message
    assert _count() == 0

    response = post_form(officer_client, "engagements.new", {**data, "start_time": "01:30 GMT"})
    assert response.status_code == 302, error_summary(parse(response))
    stored = db.session.scalar(select(Engagement))
    assert stored.starts_at.astimezone(UTC) == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("year", ["1899", "2201", "9999"])
def test_a_date_outside_the_accepted_years_is_refused_next_to_the_date(officer_client, year):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(starts_on=["4", "3", year])))
    assert "The year must be between 1900 and 2200" in error_summary(page)
    assert page.select_one("#starts_on-year")["value"] == year
    assert _count() == 0
