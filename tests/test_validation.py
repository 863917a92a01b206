"""Shared validation: the fast path for plain email addresses agrees with email_validator; dates and times typed
in any of the ways people write them."""

from datetime import date, time

import pytest
from email_validator import EmailNotValidError, validate_email

from engage.common.validation import normalise_email, parse_day, parse_time

ADDRESSES = [
    "name@example.com",
    "First.Last@Example.GOV.UK",
    "o'brien+plans@council.gov.uk",
    "under_score-dash@sub.domain.example.org",
    "a@b.co",
    "x@a--b.com",
    "x@xn--abc.com",
    "a@localhost",
    "a@foo.test",
    "a@foo.local",
    "a@foo.onion",
    "a@1.2",
    "a@b.c0m",
    "a..b@x.com",
    ".a@x.com",
    "a.@x.com",
    "a@-x.com",
    "a@x-.com",
    "a@x..com",
    "a@x.com.",
    "a@@x.com",
    "not-an-email",
    "a@x",
    "a b@x.com",
    "zoë@example.com",
    "a@bücher.de",
    "a@" + "x" * 64 + ".com",
    "a@" + "x" * 63 + ".com",
    "l" * 64 + "@example.com",
    "l" * 65 + "@example.com",
    "a@" + ".".join(["abcdefghi"] * 25) + ".com",
    "a@x.c",
    "a@x." + "c" * 64,
]


def reference(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@pytest.mark.parametrize("address", ADDRESSES)
def test_normalise_email_gives_the_same_answer_as_email_validator(address):
    assert normalise_email(f" {address} ") == reference(address)


@pytest.mark.parametrize(
    "text, day",
    [
        ("2026-03-01", date(2026, 3, 1)),
        (" 2026-03-01 ", date(2026, 3, 1)),
        ("1/3/2026", date(2026, 3, 1)),
        ("01/03/2026", date(2026, 3, 1)),
        ("1-3-2026", date(2026, 3, 1)),
        ("1.3.2026", date(2026, 3, 1)),
        ("29/2/2028", date(2028, 2, 29)),
        ("1/1/1900", date(1900, 1, 1)),
        ("2200-12-31", date(2200, 12, 31)),
    ],
)
def test_parse_day_reads_iso_and_day_month_year(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        None,
        "yesterday",
        "31/2/2026",  # no such day
        "29/2/2027",
        "2026-02-30",
        "13/13/2026",
        "1/3-2026",  # mixed separators
        "1/3/26",  # two-digit year
        "2026-3-1",  # ISO needs two-digit month and day
        "20260301",  # other ISO 8601 shapes that date.fromisoformat reads are not dates people type
        "2026-W09-1",
        "31/12/1899",  # outside 1900 to 2200
        "2201-01-01",
        "0001-01-01",
        "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0660\u0661",  # non-ASCII digits
        "1/3/2026" + "0" * 10_000,
    ],
)
def test_parse_day_gives_none_for_empty_or_wrong_dates(text):
    assert parse_day(text) is None


@pytest.mark.parametrize(
    "text, moment",
    [
        ("14:30", time(14, 30)),
        ("14.30", time(14, 30)),
        ("1430", time(14, 30)),
        ("0930", time(9, 30)),
        ("9:05", time(9, 5)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("2pm", time(14, 0)),
        ("2:30pm", time(14, 30)),
        ("2.30 PM", time(14, 30)),
        ("2.30 p.m.", time(14, 30)),
        ("9am", time(9, 0)),
        ("12pm", time(12, 0)),
        ("12:30am", time(0, 30)),
        ("11:59pm", time(23, 59)),
        ("Midday", time(12, 0)),
        (" 10:00 ", time(10, 0)),
    ],
)
def test_parse_time_reads_the_24_and_12_hour_clocks(text, moment):
    assert parse_time(text) == moment


@pytest.mark.parametrize(
    "text",
    ["", None, "  ", "2", "14", "930", "24:00", "25:00", "12:60", "1:5", "13pm", "0am", "12am", "midnight", "2:30 pmm"],
)
def test_parse_time_gives_none_for_empty_ambiguous_or_wrong_times(text):
    assert parse_time(text) is None
