"""Suggestions of personal data found by pattern: the shapes people type, and what is left alone."""

import pytest

from engage.redaction import patterns


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in patterns.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring 07700 900123 today", ("phone", "07700 900123")),
        ("Ring +44 (0)20 7946 0018 today", ("phone", "+44 (0)20 7946 0018")),
        ("Ring (01727) 819 544 today", ("phone", "(01727) 819 544")),
        ("Ring +447700900123 today", ("phone", "+447700900123")),
        ("Write to sam.example@example.co.uk please", ("email", "sam.example@example.co.uk")),
        ("I live at 12 Acacia Avenue, St Albans", ("address", "12 Acacia Avenue")),
        ("Flat 3, 45b High Street", ("address", "Flat 3, 45b High Street")),
        ("St Albans AL1 3JE.", ("postcode", "AL1 3JE")),
        ("postcode wd17 1ab", ("postcode", "wd17 1ab")),
    ],
)
def test_personal_data_is_suggested(text, expected):
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Policy H4 proposes 300 homes by 2041.",
        "Application 5/2021/1234 was refused.",
        "The number 01234567890123 is too long for a phone number.",
        "The Green Belt around the town must stay open.",
        "",
    ],
)
def test_plain_planning_text_is_left_alone(text):
    assert patterns.find(text) == []


def test_suggestions_already_covered_by_a_redaction_are_not_repeated():
    text = "Ring 07700 900123 or write to AL1 3JE"
    assert [s.kind for s in patterns.uncovered(text, [(5, 17)])] == ["postcode"]
