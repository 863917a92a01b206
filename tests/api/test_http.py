from datetime import UTC, date, datetime, timedelta
from typing import Annotated

import pydantic
import pytest
from pydantic import create_model

from engage.api.http import MESSAGES, validate_body
from engage.common.schemas import (
    DateTimeText,
    Flag,
    Id,
    Ids,
    Input,
    NullableDateText,
    Output,
    Text,
    Texts,
    TimeText,
    an_object,
    iso_datetime,
    objects,
)
from engage.common.validation import ValidationError
from engage.engagements.schemas import EvidenceLink


class Thing(Output):
    id: int
    name: str


class ThingInput(Input):
    output = Thing

    name: Text = None
    count: Id | None = None
    tags: Texts = None
    flag: Flag = None


class OwnerInput(Input):
    owner: Text = None


class ParentInput(Input):
    items: Annotated[list[OwnerInput], objects('[{"owner": "WBC"}]')] = None
    person: Annotated[OwnerInput | None, an_object("owner")] = None


class DatesInput(Input):
    starts_on: NullableDateText = None
    starts_at: DateTimeText = None
    time_of_day: TimeText = None
    mapping: dict[Text, Text] = None


KINDS = {"string": Text, "integer": Id, "integers": Ids, "strings": Texts, "boolean": Flag}


def errors_for(model: type[Input], data: dict) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        validate_body(model, data)
    return raised.value.errors


def test_input_drops_read_only_fields_and_keeps_the_rest():
    data = {"id": 4, "name": "A", "count": None, "tags": ["x"], "flag": False}
    assert validate_body(ThingInput, data) == {"name": "A", "count": None, "tags": ["x"], "flag": False}
    assert ThingInput.read_only() == ["id"]


def test_input_keeps_only_the_fields_sent():
    assert validate_body(ThingInput, {"flag": True}) == {"flag": True}


@pytest.mark.parametrize(
    ("kind", "value"),
    [("string", None), ("integer", True), ("integer", 2**40), ("integers", [1, "2"]), ("strings", "a"), ("boolean", 1)],
)
def test_input_refuses_the_wrong_kind_of_value(kind, value):
    model = create_model("Checked", __base__=Input, field=(KINDS[kind], None))
    assert list(errors_for(model, {"field": value})) == ["field"]


@pytest.mark.parametrize("value", ["bad\x00name", "lone \ud800 surrogate"])
def test_text_the_database_cannot_store_is_refused(value):
    assert errors_for(ThingInput, {"name": value}) == {"name": ["Name must be text"]}
    assert errors_for(ThingInput, {"tags": ["ok", value]}) == {
        "tags": ['Tags must be a list of text values, like ["a", "b"]']
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "Count must be a whole number, 1 or more"),
        (-5, "Count must be a whole number, 1 or more"),
        (2**31, "Count must be a whole number"),
        (1.0, "Count must be a whole number"),
        ("3", "Count must be a whole number"),
    ],
)
def test_ids_are_whole_numbers_from_1_to_2_31_minus_1(value, message):
    assert errors_for(ThingInput, {"count": value}) == {"count": [message]}
    assert validate_body(ThingInput, {"count": 2**31 - 1}) == {"count": 2**31 - 1}


def test_unknown_fields_are_named():
    assert errors_for(ThingInput, {"nmae": "A"}) == {"nmae": ["nmae is not a field you can set"]}


def test_nested_fields_are_keyed_like_form_fields_in_lists_and_with_a_dot_in_objects():
    body = {"items": [{"owner": "WBC"}, {"owner": 5}], "person": {"owner": None, "x": 1}}
    assert errors_for(ParentInput, body) == {
        "items-1-owner": ["Owner must be text"],
        "person.owner": ["Owner must be text"],
        "person.x": ["x is not a field you can set"],
    }
    assert errors_for(ParentInput, {"items": [1], "person": "me"}) == {
        "items": ['Items must be a list of objects, like [{"owner": "WBC"}]'],
        "person": ["Person must be an object with owner and so on"],
    }
    assert validate_body(ParentInput, {"items": [{"owner": "WBC"}], "person": None}) == {
        "items": [{"owner": "WBC"}],
        "person": None,
    }


def test_dates_and_date_times_are_parsed_or_refused_by_field():
    assert validate_body(DatesInput, {"starts_on": "2026-03-01"}) == {"starts_on": date(2026, 3, 1)}
    assert validate_body(DatesInput, {"starts_on": None}) == {"starts_on": None}
    assert validate_body(DatesInput, {"starts_at": "2026-07-01T10:00:00+01:00"}) == {
        "starts_at": datetime(2026, 7, 1, 9, tzinfo=UTC)
    }
    assert validate_body(DatesInput, {"starts_at": "2026-07-01T09:00:00Z"}) == {
        "starts_at": datetime(2026, 7, 1, 9, tzinfo=UTC)
    }
    assert validate_body(DatesInput, {"starts_at": ""}) == {"starts_at": None}
    for bad in ("2026-07-01T10:00:00", "tomorrow", 20260701, None):
        assert list(errors_for(DatesInput, {"starts_at": bad})) == ["starts_at"]
    assert errors_for(DatesInput, {"starts_on": "01/03/2026"}) == {
        "starts_on": ["Starts on must be a date in the format YYYY-MM-DD"]
    }
    assert errors_for(DatesInput, {"starts_at": "tomorrow"}) == {
        "starts_at": ["Starts at must be a date and time with an offset, like 2026-03-01T10:00:00+00:00"]
    }


def test_times_of_day_and_objects_of_names_have_messages():
    assert errors_for(DatesInput, {"time_of_day": "25:00", "mapping": "a=b"}) == {
        "time_of_day": ["Time of day must be a time in the 24-hour clock, like 14:30"],
        "mapping": ['Mapping must be an object of names and values, like {"name": "value"}'],
    }
    assert DatesInput.model_validate({"time_of_day": "2pm", "mapping": {"a": "b"}}).values()["time_of_day"].hour == 14


def test_every_error_the_field_types_give_has_a_message():
    cases = [
        (ThingInput, {"name": 5, "count": 0, "tags": [1], "flag": "yes", "other": 1}),
        (ThingInput, {"name": "\x00", "count": 2**31}),
        (ThingInput, {"count": "1"}),
        (create_model("Listed", __base__=Input, ids=(Ids, None)), {"ids": [0]}),
        (ParentInput, {"items": "x", "person": 1}),
        (DatesInput, {"starts_on": "x", "starts_at": "x", "time_of_day": "teatime", "mapping": ["a"]}),
        (DatesInput, {"starts_on": "1899-12-31"}),
        (create_model("Linked", __base__=Input, link=(EvidenceLink, None)), {"link": "ftp://example.com/minutes"}),
    ]
    types = set()
    for model, body in cases:
        with pytest.raises(pydantic.ValidationError) as raised:
            model.model_validate(body)
        types |= {found["type"] for found in raised.value.errors()}
    assert types == set(MESSAGES)


def test_date_times_are_written_in_london_time_with_the_offset():
    summer = datetime(2026, 7, 1, 9, tzinfo=UTC)
    assert iso_datetime(summer) == "2026-07-01T10:00:00+01:00"
    assert iso_datetime(summer + timedelta(days=180)) == "2026-12-28T09:00:00+00:00"
    assert iso_datetime(None) is None
