"""The `Vocabulary` base class every closed list is written with."""

from collections.abc import Iterable
from enum import StrEnum

from wtforms.fields.choices import SelectChoice


def new_member(cls, value: str, label: str, option: str | None = None):
    member = str.__new__(cls, value)
    member._value_ = value
    member.label = label
    member.option = option or label
    return member


class Vocabulary(StrEnum):
    """A closed list. Members are written `NAME = "value", "Label"` or `NAME = "value", "Label", "Option"`."""

    label: str
    option: str

    def __new__(cls, value: str, label: str, option: str | None = None):
        return new_member(cls, value, label, option)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The stored values, in the list's order: `value in Nature.values()` checks one."""
        return tuple(cls._value2member_map_)

    @classmethod
    def find(cls, value: str | None):
        """The member for a stored value, or None for a value outside the list."""
        return cls._value2member_map_.get(value)

    @classmethod
    def label_of(cls, value: str | None, default: str | None = None) -> str:
        """The label of a stored value. A value outside the list gives `default` if there is one, else the value
        itself ("" for None), so an old or hand-edited row still shows something."""
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member.label
        return default if default is not None else (value or "")

    @classmethod
    def choices(cls, empty: str | None = None, only: Iterable | None = None, *, short: bool = False):
        """WTForms choices: each member's `option` (its `label` with `short`), in the list's order or in the order
        of `only`; `empty`, when given, first as the "" choice ("Any", "All levels")."""
        members = cls if only is None else (cls(value) for value in only)
        first = [SelectChoice("", empty)] if empty is not None else []
        return first + [SelectChoice(m.value, m.label if short else m.option) for m in members]
