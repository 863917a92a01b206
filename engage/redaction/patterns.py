"""Personal data that a pattern can find in free text: email addresses, UK phone numbers, UK postcodes and street
addresses (a house number and a street). Each is offered to the officer as a suggested redaction; nothing is
redacted without them, but until an officer has reviewed a representation the public outputs keep its
suggestions out too (engage.redaction.queries).

Patterns find the shapes people type ("07700 900123", "+44 (0)20 7946 0018", "al1 3je", "12 Acacia Avenue"),
so they also find a few things that are not personal data (a planning application number shaped like a phone
number): the officer dismisses those by marking the representation reviewed."""

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}\b")
# A UK number: +44 or 0, then 9 or 10 more digits in groups separated by a space, a hyphen, a dot or brackets.
PHONE = re.compile(r"(?=[+(0])(?<![\w+])(?:\+44[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)\d(?:[\s.)-]{0,2}\d){8,9}(?![\w])")
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)
STREET_WORDS = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Cl|Drive|Dr|Way|Crescent|Cres|Gardens|Gdns|Place|Pl|Court|Ct|Grove|"
    "Terrace|Hill|Rise|Walk|Mews|Square|Sq|Park|View|Green|Row|Parade|Meadow|Meadows|Fields|End|Chase|Croft|Wharf"
)
ADDRESS = re.compile(
    r"\b(?:(?:Flat|Apartment|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+"
    r"(?:[A-Z][A-Za-z'’-]+\s+){1,3}"
    rf"(?:{STREET_WORDS})\b"
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A span of text (start…end, end excluded) that looks like personal data, and what it looks like."""

    start: int
    end: int
    kind: str  # "email", "phone", "postcode" or "address"

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


DIGIT = re.compile(r"\d")
# Cheap first looks, each anchored on a digit: a postcode's inward code ("3JE") and a house number before a word
INWARD = re.compile(r"\d[A-Za-z]{2}\b")
HOUSE = re.compile(r"\d[A-Za-z]?,?\s+[A-Z]")
KIND_LABELS = {"email": "Email address", "phone": "Phone number", "postcode": "Postcode", "address": "Street address"}


def _phones(text: str):
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        national = digits[2:].removeprefix("0") if match.group().startswith("+") else digits[1:]
        if len(national) in (9, 10) and national[0] in "1235789":
            yield match.start(), match.end()


def find(text: str) -> list[Suggestion]:
    """Every suggestion in the text, in order; where two overlap the earlier (then the longer) one is kept."""
    if not text:
        return []
    found = [Suggestion(m.start(), m.end(), "email") for m in EMAIL.finditer(text)] if "@" in text else []
    if DIGIT.search(text) is None:  # phone numbers, addresses and postcodes all have a digit
        return found
    found += [Suggestion(start, end, "phone") for start, end in _phones(text)]
    if HOUSE.search(text):
        found += [Suggestion(m.start(), m.end(), "address") for m in ADDRESS.finditer(text)]
    if INWARD.search(text):
        found += [Suggestion(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]
    if len(found) < 2:
        return found
    kept: list[Suggestion] = []
    for suggestion in sorted(found, key=lambda s: (s.start, -s.end)):
        if not any(suggestion.overlaps(k.start, k.end) for k in kept):
            kept.append(suggestion)
    return kept


def uncovered(text: str, spans: list[tuple[int, int]]) -> list[Suggestion]:
    """The suggestions no redaction already covers (or overlaps)."""
    return [s for s in find(text) if not any(s.overlaps(start, end) for start, end in spans)]
