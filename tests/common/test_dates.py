"""Dates and times as people read them, in UK time: officers' pages and files, the public pages, the API."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from engage.common.dates import (
    LONDON,
    format_date,
    format_datetime,
    format_time,
    govuk_datetime,
    iso_date,
    iso_datetime,
    london,
)

SUMMER_MORNING = datetime(2030, 7, 1, 8, 5, tzinfo=UTC)  # 9:05am in British Summer Time


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2030, 12, 1, 9, 0, tzinfo=LONDON), "1 December 2030 at 9am"),
        (datetime(2030, 12, 1, 23, 59, tzinfo=LONDON), "1 December 2030 at 11:59pm"),
        (datetime(2030, 12, 1, 9, 5, tzinfo=LONDON), "1 December 2030 at 9:05am"),
        (datetime(2030, 12, 1, 12, 0, tzinfo=LONDON), "1 December 2030 at midday"),
        (datetime(2030, 12, 1, 0, 0, tzinfo=LONDON), "1 December 2030 at midnight"),
        (datetime(2030, 7, 1, 8, 0, tzinfo=UTC), "1 July 2030 at 9am"),  # British Summer Time
    ],
)
def test_public_times_read_like_9am_and_11_59pm(moment, text):
    assert govuk_datetime(moment) == text


def test_a_refusal_time_keeps_its_seconds():
    assert govuk_datetime(datetime(2030, 12, 1, 23, 59, 30, tzinfo=LONDON), seconds=True) == (
        "1 December 2030 at 11:59:30pm"
    )


def test_officers_read_dates_and_times_in_uk_time_on_the_24_hour_clock():
    assert format_datetime(SUMMER_MORNING) == "1 July 2030 at 09:05"
    assert format_time(SUMMER_MORNING) == "09:05"
    assert format_date(datetime(2030, 6, 30, 23, 30, tzinfo=UTC)) == "1 July 2030"  # already 1 July in London
    assert format_date(date(2030, 7, 1)) == "1 July 2030"


def test_missing_dates_and_times_read_as_nothing():
    assert format_date(None) == format_datetime(None) == format_time(None) == govuk_datetime(None) == ""
    assert london(None) is None and iso_datetime(None) is None and iso_date(None) is None


def test_the_api_sends_uk_times_with_their_offset():
    assert iso_datetime(SUMMER_MORNING) == "2030-07-01T09:05:00+01:00"
    assert iso_datetime(datetime(2030, 12, 1, 9, 5, tzinfo=UTC)) == "2030-12-01T09:05:00+00:00"
    assert iso_date(date(2030, 7, 1)) == "2030-07-01"


def test_the_zone_is_made_in_one_place():
    root = Path(__file__).resolve().parents[2]
    makers = [str(p.relative_to(root)) for p in (root / "engage").rglob("*.py") if "ZoneInfo(" in p.read_text()]
    assert makers == ["engage/common/dates.py"]


def test_a_uk_time_the_clocks_skip_or_repeat_asks_which_was_meant():
    from datetime import date, time

    from engage.common.dates import ClockChange, london_datetime

    with pytest.raises(ClockChange, match="There is no 01:30 on 28 March 2027"):
        london_datetime(date(2027, 3, 28), time(1, 30))
    with pytest.raises(ClockChange, match="01:30 BST for the first .UTC\\+1. or 01:30 GMT for the second .UTC\\+0."):
        london_datetime(date(2027, 10, 31), time(1, 30))
    assert london_datetime(date(2027, 10, 31), time(1, 30), "bst").utcoffset().total_seconds() == 3600
    assert london_datetime(date(2027, 10, 31), time(1, 30), "GMT").utcoffset().total_seconds() == 0
    assert london_datetime(date(2027, 3, 28), time(2, 0)).utcoffset().total_seconds() == 3600
    with pytest.raises(ClockChange, match="UK time on 1 June 2027 is BST"):
        london_datetime(date(2027, 6, 1), time(9, 0), "GMT")


def test_the_accepted_years_are_1900_to_2200_everywhere():
    from datetime import UTC, date, datetime

    from engage.common.dates import in_accepted_years

    assert in_accepted_years(date(1900, 1, 1)) and in_accepted_years(date(2200, 12, 31))
    assert not in_accepted_years(date(1899, 12, 31)) and not in_accepted_years(date(2201, 1, 1))
    assert not in_accepted_years(datetime(1, 1, 1, tzinfo=UTC))
    assert not in_accepted_years(datetime(9999, 12, 31, 23, tzinfo=UTC))
