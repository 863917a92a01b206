"""Opening and closing times of a consultation on the nights the clocks change, and years out of range."""

from datetime import UTC, datetime

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation
from tests.consultations.test_setup import VALID
from tests.pages import error_summary, parse, post_form


def test_a_closing_time_that_happens_twice_asks_which_and_keeps_what_was_typed(officer_client):
    data = {**VALID, "closes_on": ["31", "10", "2027"], "closes_time": "01:30"}
    page = parse(post_form(officer_client, "consultations.new", data))
    message = page.select_one("#closes_time-error").get_text()
    assert "01:30 happens twice on 31 October 2027" in message and "01:30 GMT" in message
    assert page.select_one("#closes_time")["value"] == "01:30"
    assert db.session.scalar(select(Consultation)) is None

    assert post_form(officer_client, "consultations.new", {**data, "closes_time": "01:30 BST"}).status_code == 302
    stored = db.session.scalar(select(Consultation))
    assert stored.closes_at.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_an_opening_time_the_clocks_skip_names_the_gap(officer_client):
    data = {**VALID, "opens_on": ["28", "3", "2027"], "opens_time": "01:15", "closes_on": ["1", "5", "2027"]}
    page = parse(post_form(officer_client, "consultations.new", data))
    assert "There is no 01:15 on 28 March 2027" in page.select_one("#opens_time-error").get_text()
    assert db.session.scalar(select(Consultation)) is None


def test_a_closing_date_after_2200_is_refused_next_to_the_date(officer_client):
    page = parse(post_form(officer_client, "consultations.new", {**VALID, "closes_on": ["22", "2", "2201"]}))
    assert "The year must be between 1900 and 2200" in error_summary(page)
    assert db.session.scalar(select(Consultation)) is None
