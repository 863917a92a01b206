"""An agent's spreadsheet of their clients' representations, uploaded by an officer on the agent's behalf (the
pages: check, preview, confirm) or through the API (in one step). All or nothing: every row is checked with the
rules of keying in (clean_person, clean_item, the same-person question) and one bad row writes nothing at all.

Each client's rows become one respondent (a new one, or one on record named in the ‘Respondent reference’ column)
with the agent recorded on it, and a representation per row, each with its stable reference.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from engage.common import audit
from engage.common.tables import read_table
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, Job, Representation, utcnow
from engage.representations import respondents
from engage.representations import upload_rows as rows_
from engage.representations.attachments import MAX_BYTES
from engage.representations.services import add_to_respondent, clean_item, clean_person, record_response
from engage.vocab import Channel

KIND = "representation-upload"
MAX_ROWS = 5000
MAX_LISTED = 100


class UploadProblems(ValidationError):
    """Rows that cannot be saved: errors keyed `row-<n>.<field>`, and `problems` to list them in order."""

    def __init__(self, problems: list[rows_.RowProblem]):
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(problem.key, []).append(problem.message)
        super().__init__(errors)
        self.problems = problems


@dataclass
class Checked:
    clients: list[rows_.ClientRows]

    @property
    def representations(self) -> int:
        return sum(len(client.rows) for client in self.clients)


def check_details(agent: dict[str, Any], channel: str, received_at: datetime | None) -> dict[str, Any]:
    """The agent's details and how and when the spreadsheet arrived, as keying in checks them."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    try:
        cleaned["agent"] = clean_person(agent, prefix="agent_")
    except ValidationError as error:
        errors.update(error.errors)
    if channel not in Channel.values() or channel == Channel.ONLINE:
        errors["channel"] = ["Select email, post or in person"]
    if received_at is None:
        errors["received_on"] = ["Enter the date the spreadsheet was received"]
    elif received_at > utcnow():
        errors["received_on"] = ["The date received must be today or in the past"]
    if errors:
        raise ValidationError(errors)
    return {**cleaned, "channel": channel, "received_at": received_at}


def read_file(filename: str, data: bytes) -> tuple[list[str], list[list[Any]]]:
    """The headings and rows of the upload; ValidationError on the field `file` when it cannot be read."""
    try:
        headings, rows = read_table(filename, data, MAX_ROWS)
        rows_.column_fields(headings)
    except ValueError as error:
        raise ValidationError({"file": [str(error)]}) from error
    return headings, rows


def check_rows(consultation: Consultation, headings: list[str], rows: list[list[Any]]) -> Checked:
    """Every row checked and grouped by client; UploadProblems naming each bad row and column."""
    fields = rows_.column_fields(headings)
    problems: list[rows_.RowProblem] = []
    clients: dict[str, rows_.ClientRows] = {}
    for row in rows:
        number, found = row[0], len(problems)
        values = rows_.read_row(row, fields, problems)
        person, item = _checked(consultation, number, values, problems)
        if len(problems) > found:
            continue
        reference = values.get("respondent_reference", "").strip()
        keys = rows_.client_keys(person, reference) or [f"row:{number}"]
        client = next((clients[key] for key in keys if key in clients), None)
        if client is None:
            client = rows_.ClientRows(key=keys[0], person=person, reference=reference)
        client.reference = client.reference or reference
        client.rows.append((number, item))
        clients.update(dict.fromkeys(keys, client))
    grouped = list({id(client): client for client in clients.values()}.values())
    if not problems:
        for client in grouped:
            _same_person(consultation, client, problems)
    if problems:
        raise UploadProblems(problems)
    return Checked(grouped)


def _checked(consultation, number: int, values: dict[str, Any], problems: list) -> tuple[dict, dict]:
    person = item = {}
    for check, data in ((clean_person, rows_.person_of(values)), (clean_item, rows_.item_of(values))):
        try:
            cleaned = check(data, require_contact=False) if check is clean_person else check(consultation, data)
        except ValidationError as error:
            known = {problem.field for problem in problems if problem.row == number}  # said once, in the row's words
            found = [(key, m) for key, messages in error.errors.items() if key not in known for m in messages]
            problems += [rows_.RowProblem(number, key, message) for key, message in found]
        else:
            person, item = (cleaned, item) if check is clean_person else (person, cleaned)
    return person, item


def _same_person(consultation: Consultation, client: rows_.ClientRows, problems: list) -> None:
    """The respondent on record named in the row, or a new one (`new`); someone on record who may be the same
    person, with no reference given, is a problem on the client's first row."""
    first = client.rows[0][0]
    new = client.reference.lower() == rows_.NEW
    try:
        existing = respondents.choose_respondent(
            consultation,
            client.person,
            respondent_reference=None if new else client.reference,
            new_respondent=new,
        )
    except respondents.SamePersonQuestion as question:
        found = ", ".join(candidate.reference for candidate in question.candidates)
        message = (
            f"Someone on record may be this client ({found}: the same email address, or the same name and postcode)"
            f" – put their reference in the ‘Respondent reference’ column, or ‘{rows_.NEW}’ for someone else"
        )
        problems.append(rows_.RowProblem(first, "respondent_reference", message))
    except ValidationError as error:
        problems.append(rows_.RowProblem(first, "respondent_reference", error.errors["respondent_reference"][0]))
    else:
        client.reference = existing.reference if existing is not None else ""


def save(consultation: Consultation, checked: Checked, details: dict[str, Any], *, filename: str, user=None):
    """Write every client's representations in the session's transaction (the caller commits): new respondents
    numbered from 1, respondents on record from their next number, the agent recorded on each."""
    created: list[Representation] = []
    for client in checked.clients:
        items = [item for _, item in client.rows]
        when = {"channel": details["channel"], "received_at": details["received_at"]}
        existing = respondents.choose_respondent(
            consultation, {}, respondent_reference=client.reference or None, new_respondent=not client.reference
        )
        if existing is None:
            respondent = record_response(
                consultation, client.person, details["agent"], items, user=user, commit=False, **when
            )
            created += respondent.representations
        else:
            respondents.complete_details(existing, client.person, details["agent"], user=user)
            created += [add_to_respondent(existing, item, user=user, commit=False, **when) for item in items]
    summary = f"{len(created):,} representations from {len(checked.clients):,} clients of an agent ({filename[:100]})"
    audit.record("import", "representation", None, summary, user=user, changes={"filename": filename[:300]})
    return created


def upload(consultation: Consultation, agent, channel, received_at, filename: str, data: bytes, *, user=None):
    """The API's one step: check everything, then save every row or nothing. Returns the representations."""
    details, table = _all_checked(consultation, agent, channel, received_at, filename, data)
    created = save(consultation, check_rows(consultation, *table), details, filename=filename, user=user)
    db.session.commit()
    return created


def _all_checked(consultation, agent, channel, received_at, filename, data):
    errors: dict[str, list[str]] = {}
    details = table = None
    for key, check in (
        ("details", lambda: check_details(agent, channel, received_at)),
        ("table", lambda: _no_file(data) or read_file(filename, data)),
    ):
        try:
            value = check()
        except ValidationError as error:
            errors.update(error.errors)
        else:
            details, table = (value, table) if key == "details" else (details, value)
    if errors:
        raise ValidationError(errors)
    return details, table


def _no_file(data: bytes) -> None:
    if not data:
        raise ValidationError({"file": ["Select a CSV or XLSX file"]})
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": [f"The selected file must be smaller than {MAX_BYTES // 1_000_000} MB"]})


# The pages: a draft to preview, then confirm -----------------------------------------------------------------


def prepare(consultation: Consultation, agent, channel, received_at, filename: str, data: bytes, *, user=None) -> Job:
    """Check the upload completely and keep it as a draft to preview; nothing is written when anything is wrong."""
    details, table = _all_checked(consultation, agent, channel, received_at, filename, data)
    checked = check_rows(consultation, *table)
    job = Job(
        kind=KIND,
        status="draft",
        user_id=getattr(user, "id", None),
        filename=filename[-300:],
        payload=json.dumps({"headings": table[0], "rows": table[1]}).encode(),
        params={
            "consultation_id": consultation.id,
            "agent": details["agent"],
            "channel": details["channel"],
            "received_at": details["received_at"].isoformat(),
        },
        total_rows=checked.representations,
    )
    db.session.add(job)
    db.session.commit()
    return job


def preview(job: Job) -> Checked:
    """The draft's clients and rows, checked again (someone may have been keyed in since)."""
    table = json.loads(job.payload or b"{}")
    return check_rows(db.session.get(Consultation, job.params["consultation_id"]), table["headings"], table["rows"])


def confirm(job: Job, *, user=None) -> list[Representation]:
    """Save a previewed draft: every row, or nothing (UploadProblems) when a row no longer passes."""
    consultation = db.session.get(Consultation, job.params["consultation_id"])
    details = {**job.params, "received_at": datetime.fromisoformat(job.params["received_at"])}
    created = save(consultation, preview(job), details, filename=job.filename, user=user)
    job.status, job.finished_at, job.processed_rows = "done", utcnow(), len(created)
    job.payload = None  # the clients' details are on their respondents now: the copy is not kept
    job.result = {"representations": [representation.reference for representation in created]}
    db.session.commit()
    return created


def find_draft(consultation: Consultation, job_id: int, user) -> Job | None:
    """The user's own upload of this consultation (an administrator may see anyone's)."""
    job = db.session.scalar(select(Job).where(Job.id == job_id, Job.kind == KIND))
    if job is None or job.params.get("consultation_id") != consultation.id:
        return None
    if job.user_id != getattr(user, "id", None) and getattr(user, "role", "") != "admin":
        return None
    return job
