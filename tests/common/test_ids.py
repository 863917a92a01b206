import pytest

from engage.common.ids import MAX_ID, parse_id, parse_ids


@pytest.mark.parametrize("value", ["1", " 42 ", 7, str(MAX_ID), MAX_ID])
def test_parse_id_takes_whole_numbers_from_one_to_the_largest_key(value):
    assert parse_id(value) == int(str(value).strip())


@pytest.mark.parametrize(
    "value",
    ["0", 0, "-1", -1, str(MAX_ID + 1), MAX_ID + 1, "99999999999999999999", "", None, "1.5", "1e3", "²", "١٢", True],
)
def test_parse_id_refuses_what_is_not_a_row_id(value):
    assert parse_id(value) is None


def test_parse_ids_refuses_the_list_when_one_is_not_an_id():
    assert parse_ids(["1", "2"]) == [1, 2]
    assert parse_ids(["1", "2147483648"]) is None
