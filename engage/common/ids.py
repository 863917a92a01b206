"""Row ids as they arrive in addresses, form fields and query strings: whole numbers from 1 to 2^31 - 1, the range
of the database's integer keys. Anything else never reaches the database: in an address it is a 404 (the `int`
converter every route uses is this one), in a field the caller reports it next to the field."""

from typing import Any

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


def _up_to(limit: str) -> str:
    """A regular expression for the decimal numbers from 1 to `limit` without leading zeros."""
    shorter = f"[1-9][0-9]{{0,{len(limit) - 2}}}" if len(limit) > 1 else ""
    same_length = []
    for position, digit in enumerate(limit):
        rest = len(limit) - position - 1
        low = "1" if position == 0 else "0"
        if int(digit) > int(low):
            same_length.append(f"{limit[:position]}[{low}-{int(digit) - 1}][0-9]{{{rest}}}")
    same_length.append(limit)
    return "|".join(filter(None, [shorter, *same_length]))


class IdConverter(IntegerConverter):
    """`<int:name>` in every route: 1 … 2^31 - 1, else no route matches (404, also for a method the route does not
    take, which a range check after matching would answer 405)."""

    regex = f"(?:{_up_to(str(MAX_ID))})"

    def __init__(self, map, fixed_digits: int = 0, min: int | None = 1, max: int | None = MAX_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
        self.regex = type(self).regex


def parse_id(value: Any) -> int | None:
    """The id in `value` (an int, or text of ASCII digits), or None when it is not an id from 1 to 2^31 - 1."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def parse_ids(values: Any) -> list[int] | None:
    """Every id in `values`, or None when any of them is not an id."""
    ids = [parse_id(value) for value in values or ()]
    return None if any(number is None for number in ids) else ids
