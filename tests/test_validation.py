"""Shared validation: the fast path for plain email addresses agrees with email_validator."""

import pytest
from email_validator import EmailNotValidError, validate_email

from engage.validation import normalise_email

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
