from datetime import UTC, date, datetime, timedelta

import pytest

from engage.api.http import check_fields, parse_date, parse_datetime
from engage.common.dates import iso_datetime
from engage.common.validation import ValidationError


def test_check_fields_drops_read_only_fields_and_keeps_the_rest():
    fields = {"name": "string", "count": "integer?", "tags": "strings", "flag": "boolean"}
    data = {"id": 4, "name": "A", "count": None, "tags": ["x"], "flag": False}
    assert check_fields(data, fields, read_only=("id",)) == {"name": "A", "count": None, "tags": ["x"], "flag": False}


@pytest.mark.parametrize(
    ("kind", "value"),
    [("string", None), ("integer", True), ("integer", 2**40), ("integers", [1, "2"]), ("strings", "a"), ("boolean", 1)],
)
def test_check_fields_refuses_the_wrong_kind_of_value(kind, value):
    with pytest.raises(ValidationError) as raised:
        check_fields({"field": value}, {"field": kind})
    assert list(raised.value.errors) == ["field"]


def test_dates_and_date_times_are_parsed_or_refused_by_field():
    assert parse_date("2026-03-01", "starts_on") == date(2026, 3, 1)
    assert parse_date(None, "starts_on") is None
    assert parse_datetime("2026-07-01T10:00:00+01:00", "starts_at") == datetime(2026, 7, 1, 9, tzinfo=UTC)
    assert parse_datetime("2026-07-01T09:00:00Z", "starts_at") == datetime(2026, 7, 1, 9, tzinfo=UTC)
    for bad in ("2026-07-01T10:00:00", "tomorrow", 20260701):
        with pytest.raises(ValidationError) as raised:
            parse_datetime(bad, "starts_at")
        assert list(raised.value.errors) == ["starts_at"]
    with pytest.raises(ValidationError):
        parse_date("01/03/2026", "starts_on")


def test_date_times_are_written_in_london_time_with_the_offset():
    summer = datetime(2026, 7, 1, 9, tzinfo=UTC)
    assert iso_datetime(summer) == "2026-07-01T10:00:00+01:00"
    assert iso_datetime(summer + timedelta(days=180)) == "2026-12-28T09:00:00+00:00"
    assert iso_datetime(None) is None
