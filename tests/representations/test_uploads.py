"""An agent's spreadsheet of their clients' representations: the rows checked with the rules of keying in, all or
nothing, each client one respondent with the agent recorded on it."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, Job, Representation, Respondent, utcnow
from engage.representations import upload_rows, uploads
from engage.representations.services import key_in
from tests.factories import create_consultation

AGENT = {"first_name": "Adam", "last_name": "Agent", "organisation": "Agents & Co", "email": "adam@agents.example"}
HEAD = 'First name,Last name,Email address,Postcode,Part of the plan,"Support, object or comment",Sound,'
HEAD += "Tests of soundness it fails,Comments,Take part in the hearings,Why take part in the hearings,Tell them about\n"
GOOD = (
    HEAD
    + "Clara,Client,clara@example.com,WD17 1AB,Policy SP1,object,no,Justified; effective,Too many homes.,yes,Key,"
    + "adoption\n"
    + "Clara,Client,CLARA@example.com,WD17 1AB,Chapter 3,Support,,,Good chapter.,no,,\n"
    + "Ben,Buyer,,al13je,Policy SP1,comment,not specified,,Fine.,,,Inspector’s report; submission\n"
)


def _upload(consultation, text: str | bytes = GOOD, filename: str = "clients.csv", **changes):
    data = text.encode() if isinstance(text, str) else text
    values = {"agent": AGENT, "channel": "email", "received_at": utcnow() - timedelta(hours=1), **changes}
    return uploads.upload(consultation, values["agent"], values["channel"], values["received_at"], filename, data)


def _problems(consultation, text, **changes) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        _upload(consultation, text, **changes)
    assert db.session.scalar(select(func.count(Representation.id))) == 0
    error = raised.value
    return [str(p) for p in error.problems] if isinstance(error, uploads.UploadProblems) else error.errors


def test_each_client_is_one_respondent_with_the_agent_and_a_representation_per_row():
    consultation = create_consultation()

    created = _upload(consultation)

    assert [r.reference.rsplit("-", 1)[1] for r in created] == ["1", "2", "1"]
    clara, ben = db.session.scalars(select(Respondent).order_by(Respondent.id)).all()
    assert [r.part.ref for r in clara.representations] == ["Policy SP1", "Chapter 3"]
    assert clara.agent["email"] == ben.agent["email"] == "adam@agents.example"
    first = clara.representations[0]
    assert (first.nature, first.sound, first.unsound_tests) == ("object", "no", ["justified", "effective"])
    assert first.wishes_to_be_heard and first.notify == ["adoption"] and first.channel == "email"
    assert ben.postcode == "AL1 3JE" and ben.representations[0].notify == ["submission", "inspector-report"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "import"))
    assert event.summary == "3 representations from 2 clients of an agent (clients.csv)"


def test_an_xlsx_file_with_the_templates_headings_is_read_the_same_way():
    consultation = create_consultation()
    template = load_workbook(io.BytesIO(upload_rows.template_xlsx()))
    sheet = template.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    assert headings == list(upload_rows.COLUMNS.values())
    row = {"First name": "Dee", "Last name": "Xlsx", "Part of the plan": "Policy SP1", "Comments": "From Excel."}
    sheet.append([row.get(heading) for heading in headings])
    buffer = io.BytesIO()
    template.save(buffer)

    [created] = _upload(consultation, buffer.getvalue(), filename="clients.xlsx")

    assert created.respondent.first_name == "Dee" and created.comment == "From Excel."


def test_the_csv_template_has_the_headings_and_reads_back():
    assert upload_rows.template_csv().decode("utf-8-sig").strip() == ",".join(
        f'"{h}"' if "," in h else h for h in upload_rows.COLUMNS.values()
    )


def test_one_bad_row_writes_nothing_and_every_problem_names_its_row_and_column():
    consultation = create_consultation()
    bad = (
        HEAD
        + "Clara,Client,not-an-email,WD17 1AB,Policy SP1,hate,maybe,,Too many homes.,perhaps,,\n"
        + "Ben,Buyer,,XX,Policy ZZ,comment,,sideways,,,,never\n"
        + ",,,,Policy SP1,object,,,No name.,,,\n"
    )

    assert _problems(consultation, bad) == [
        "Row 2, Support, object or comment: Enter one of: support, object, comment",
        "Row 2, Sound: Enter one of: yes, no, not specified",
        "Row 2, Take part in the hearings: Enter yes or no",
        "Row 2, Email address: Enter an email address in the correct format, like name@example.com",
        "Row 3, Tests of soundness it fails: Enter one of: positively prepared, justified, effective, consistent "
        "with national policy",
        "Row 3, Tell them about: Enter one of: submission for examination, inspector’s report, adoption",
        "Row 3, Postcode: Enter a real postcode, like AL1 3JE",
        "Row 3, Part of the plan: There is no part of the plan called ‘Policy ZZ’ in this consultation",
        "Row 3, Comments: Enter your comments",
        "Row 4, First name: Enter a first name",
    ]


def test_cells_a_spreadsheet_would_run_as_formulas_are_refused_but_phone_numbers_and_dashes_are_not():
    consultation = create_consultation()
    head = "First name,Last name,Phone,Part of the plan,Comments\n"
    text = head + '=HYPERLINK("http://x"),Client,+44 1923 000000,Policy SP1,- a point\n'
    text += "Ben,@SUM(A1),-1,Policy SP1,+cmd|' /C calc'!A0\n"

    assert _problems(consultation, text) == [
        "Row 2, First name: Starts with ‘=’, so a spreadsheet would run it as a formula – remove the ‘=’",
        "Row 3, Last name: Starts with ‘@’, so a spreadsheet would run it as a formula – remove the ‘@’",
        "Row 3, Comments: Starts with ‘+’, so a spreadsheet would run it as a formula – remove the ‘+’",
    ]
    ok = head + "Ann,Client,+44 1923 000000,Policy SP1,- a point\n"
    assert _upload(consultation, ok)[0].comment == "- a point"


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("clients.csv", b"First name,First name,Comments\nA,B,C\n", "more than one column headed ‘First name’"),
        ("clients.csv", b"First name,Last name,Comments\nA,B,C,D\n", "Row 2 of the selected file has 4 cells"),
        ("clients.csv", b"First name,Last name,Comments\nCaf\xc3\xa9,B\xe9,C\n", "not valid UTF-8"),
        ("clients.csv", b"First name,Last name,Shoe size,Comments\nA,B,9,C\n", "‘Shoe size’ is not one of the"),
        ("clients.csv", b"First name,Last name\nA,B\n", "must have a ‘Comments’ column"),
        ("clients.csv", b"Comments\nHello\n", "‘First name’ and ‘Last name’ columns, or an ‘Organisation’"),
        ("clients.pdf", b"%PDF-1.4", "must be a CSV or XLSX file"),
        ("clients.xlsx", b"PK\x03\x04 broken", "must be a CSV or XLSX file"),
        ("clients.csv", b"", "Select a CSV or XLSX file"),
    ],
)
def test_a_file_that_cannot_be_read_as_it_stands_is_refused_on_the_file_field(filename, data, message):
    consultation = create_consultation()

    errors = _problems(consultation, data, filename=filename)

    assert list(errors) == ["file"] and message in errors["file"][0]


def test_the_agent_and_the_date_received_are_checked_like_keying_in():
    consultation = create_consultation()

    errors = _problems(consultation, GOOD, agent={"first_name": "", "email": "x"}, channel="online", received_at=None)

    assert set(errors) == {"agent_first_name", "agent_email", "channel", "received_on"}


def test_a_client_who_may_be_on_record_needs_their_reference_or_new():
    consultation = create_consultation()
    person = {"first_name": "Clara", "last_name": "Client", "email": "clara@example.com"}
    known = key_in(
        consultation, person, None, {"part": "Policy SP1", "comment": "Letter."}, channel="post", received_at=utcnow()
    )

    with pytest.raises(uploads.UploadProblems) as raised:
        _upload(consultation)
    [problem] = [str(p) for p in raised.value.problems]
    assert db.session.scalar(select(func.count(Representation.id))) == 1
    assert problem.startswith(f"Row 2, Respondent reference: Someone on record may be this client ({known.reference}")

    with_reference = GOOD.replace("Tell them about\n", "Tell them about,Respondent reference\n", 1)
    lines = with_reference.splitlines()
    lines[1] += f",{known.reference}"
    created = _upload(consultation, "\n".join(lines) + "\n")
    assert [r.reference for r in created[:2]] == [f"{known.reference}-2", f"{known.reference}-3"]
    db.session.refresh(known)
    assert known.agent["email"] == "adam@agents.example"


def test_the_pages_preview_keeps_a_draft_and_confirming_saves_once():
    consultation = create_consultation()
    details = (AGENT, "post", utcnow() - timedelta(days=1), "clients.csv", GOOD.encode())

    job = uploads.prepare(consultation, *details)

    assert db.session.scalar(select(func.count(Representation.id))) == 0
    checked = uploads.preview(job)
    assert (len(checked.clients), checked.representations) == (2, 3)
    created = uploads.confirm(job)
    assert len(created) == 3 and job.status == "done" and len(job.result["representations"]) == 3
    db.session.expire_all()
    assert db.session.get(Job, job.id).payload is None
    assert db.session.scalar(select(func.count(Job.id))) == 1
