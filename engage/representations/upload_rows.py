"""An agent's spreadsheet of their clients' representations, one row per representation: the template's columns,
reading each row into the input dicts `clean_person` and `clean_item` take, and grouping the rows of one client.

Every problem is a `RowProblem` naming the row (the heading row is 1) and the column, so the page and the API can say
exactly where it is. A cell a spreadsheet would run as a formula (starting with =, @, or + or - before something
other than a digit or a space) is refused: the file is meant to hold what the clients wrote, never a formula.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from engage.common import xlsx
from engage.models.representation import PERSON_FIELDS
from engage.vocab import Answer, Nature, NotifyEvent, SoundnessTest

# field: the template's heading, in the template's order
COLUMNS = {
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "organisation": "Organisation",
    "job_title": "Job title",
    "email": "Email address",
    "phone": "Phone",
    "address": "Address",
    "postcode": "Postcode",
    "respondent_reference": "Respondent reference",
    "part": "Part of the plan",
    "nature": "Support, object or comment",
    "legally_compliant": "Legally compliant",
    "sound": "Sound",
    "dtc_compliant": "Duty to co-operate",
    "unsound_tests": "Tests of soundness it fails",
    "comment": "Comments",
    "modification": "Changes sought",
    "wishes_to_be_heard": "Take part in the hearings",
    "heard_reason": "Why take part in the hearings",
    "notify": "Tell them about",
}
EXAMPLE = {
    "first_name": "Clara",
    "last_name": "Client",
    "address": "1 High Street, Watford",
    "postcode": "WD17 1AB",
    "part": "Policy SP1",
    "nature": "object",
    "legally_compliant": "yes",
    "sound": "no",
    "dtc_compliant": "not specified",
    "unsound_tests": "justified; effective",
    "comment": "The housing figure is not justified.",
    "wishes_to_be_heard": "no",
    "notify": "adoption",
}
VOCABULARIES = {"nature": Nature, "legally_compliant": Answer, "sound": Answer, "dtc_compliant": Answer}
LISTS = {"unsound_tests": SoundnessTest, "notify": NotifyEvent}
FORMULA = re.compile(r"^(?:[=@]|[+-](?![\d\s]))")
SEPARATORS = re.compile(r"\s*[;,\n]\s*")
NEW = "new"


@dataclass
class RowProblem:
    row: int
    field: str  # a COLUMNS key, or "" for the row as a whole
    message: str

    @property
    def key(self) -> str:
        return f"row-{self.row}" + (f".{self.field}" if self.field else "")

    @property
    def column(self) -> str:
        return COLUMNS.get(self.field, self.field)

    def __str__(self) -> str:
        return f"Row {self.row}" + (f", {self.column}" if self.field else "") + f": {self.message}"


@dataclass
class ClientRows:
    """The rows of one client: their details (from the first of them) and a representation per row."""

    key: str
    person: dict[str, str]
    reference: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


HEADINGS = {_normalise(heading): name for name, heading in COLUMNS.items()}
HEADINGS.update({_normalise(name): name for name in COLUMNS})


def column_fields(headings: list[str]) -> list[str]:
    """The field of each heading. Raises ValueError (the message for the file field) for a heading that is not the
    template's, and when the comments or the client's name columns are missing."""
    fields = []
    for heading in headings:
        name = HEADINGS.get(_normalise(heading))
        if name is None:
            raise ValueError(f"The column ‘{heading[:100]}’ is not one of the template’s – download the template")
        fields.append(name)
    if "comment" not in fields:
        raise ValueError("The selected file must have a ‘Comments’ column – download the template")
    if not ({"first_name", "last_name"} <= set(fields) or "organisation" in fields):
        raise ValueError("The selected file must have ‘First name’ and ‘Last name’ columns, or an ‘Organisation’ one")
    return fields


def read_row(row: list[Any], fields: list[str], problems: list[RowProblem]) -> dict[str, Any]:
    """One row ([number, cell, ...]) as {field: value}, vocabulary cells as their stored values."""
    number, values = row[0], dict(zip(fields, (str(cell) for cell in row[1:]), strict=False))
    for name, text in values.items():
        if FORMULA.match(text):
            message = f"Starts with ‘{text[0]}’, so a spreadsheet would run it as a formula – remove the ‘{text[0]}’"
            problems.append(RowProblem(number, name, message))
    for name, vocabulary in VOCABULARIES.items():
        if values.get(name):
            values[name] = _value(values[name], vocabulary, number, name, problems)
    for name, vocabulary in LISTS.items():
        chosen = [part for part in SEPARATORS.split(values.get(name, "")) if part]
        values[name] = [_value(part, vocabulary, number, name, problems) for part in chosen]
    heard = _normalise(values.get("wishes_to_be_heard", ""))
    if heard not in ("", "yes", "no", "true", "false", "y", "n"):
        problems.append(RowProblem(number, "wishes_to_be_heard", "Enter yes or no"))
    values["wishes_to_be_heard"] = heard in ("yes", "true", "y")
    return values


def _value(text: str, vocabulary, number: int, name: str, problems: list[RowProblem]) -> str:
    typed = _normalise(text)
    for member in vocabulary:
        if typed in (_normalise(member.value), _normalise(member.label), _normalise(member.option)):
            return member.value
    allowed = ", ".join(member.label.lower() for member in vocabulary)
    problems.append(RowProblem(number, name, f"Enter one of: {allowed}"))
    return text


def person_of(values: dict[str, Any]) -> dict[str, str]:
    return {name: values.get(name, "") for name in PERSON_FIELDS}


def item_of(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if name not in PERSON_FIELDS + ("respondent_reference",)}


def client_keys(person: dict[str, str], reference: str) -> list[str]:
    """What marks rows of the same client: the same respondent reference, email address, or name (or organisation)
    and postcode. A row with none of these is a client of its own."""
    keys = []
    if reference and reference.lower() != NEW:
        keys.append("reference:" + reference.upper())
    if person.get("email"):
        keys.append("email:" + person["email"].lower())
    postcode = "".join(person.get("postcode", "").split()).upper()
    name = " ".join(person.get(name, "").lower() for name in ("first_name", "last_name")).strip()
    name = name or person.get("organisation", "").lower()
    if name and postcode:
        keys.append(f"name:{name}|{postcode}")
    return keys


NOTES = [
    "One row per representation. A client making several representations has a row for each, with the same name"
    " and postcode or email address: they get one respondent reference.",
    "Give each client's first and last name, or their organisation. Their contact details are optional: the agent"
    " is contacted for them.",
    "Respondent reference: leave it blank; put a reference like R-00123 to add to a respondent already on record,"
    " or ‘new’ when Engage asks whether someone on record is the same person and they are not.",
    "Part of the plan: the part's reference, like Policy SP1. Support, object or comment: support, object or comment.",
    "Legally compliant, Sound, Duty to co-operate: yes, no or not specified (blank is not specified).",
    "Tests of soundness it fails: any of positively prepared; justified; effective; consistent with national policy.",
    "Take part in the hearings: yes or no (blank is no). Tell them about: any of submission; inspector's report;"
    " adoption.",
    "A cell must not start with =, @, or + or - before a letter: spreadsheets run those as formulas.",
    "If any row has a problem, nothing is saved: the page lists each row and column to put right.",
]


def template_csv() -> bytes:
    """The template's headings as a UTF-8 CSV with a byte order mark (Excel then reads it as UTF-8)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(COLUMNS.values())
    return codecs.BOM_UTF8 + buffer.getvalue().encode()


def template_xlsx() -> bytes:
    """The template as an Excel workbook: the headings on the first sheet, what goes in each column on a second."""
    sheet = xlsx.Sheet("Representations", list(COLUMNS.values()), [], widths=[18] * len(COLUMNS), plain=True)
    example = [[COLUMNS[name], EXAMPLE.get(name, "")] for name in COLUMNS]
    notes = xlsx.Notes("How to fill it in", "An agent's representations for their clients", NOTES)
    guide = xlsx.Sheet("Example row", ["Column", "Example"], example, widths=[30, 45], plain=True)
    return xlsx.workbook_bytes([sheet, notes, guide])
