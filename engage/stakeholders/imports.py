"""Importing stakeholders from a CSV or XLSX file: read the file, guess the columns, check every row, save.

The steps share one `Job` row: `create_import` stores the rows read from the upload (as JSON, so every server
can read them), `save_mapping` stores which column feeds which field, `check_rows` validates with the same
`services.clean` as the forms and the API, and `run_import` (a background job, see engage.jobs) inserts every
valid row in one transaction, or nothing.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import select

from engage import jobs
from engage.common import audit
from engage.common.tables import read_table
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Job, Stakeholder
from engage.stakeholders import import_rows
from engage.stakeholders.services import Lookups, clean

KIND = "stakeholder-import"
PREVIEW_ROWS = 50
KEEP_SKIPPED = 500

FIELDS = {
    "kind": "Kind (person or organisation)",
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "organisation": "Organisation",
    "job_title": "Job title",
    "email": "Email address",
    "phone": "Phone",
    "address": "Address",
    "postcode": "Postcode",
    "authority": "Authority (code)",
    "registers": "Registers",
    "categories": "Categories",
    "party": "Party",
    "ward": "Ward",
    "constituency": "Constituency",
    "preferred_channel": "Preferred channel",
    "accessibility_needs": "Accessibility needs",
    "do_not_contact": "Do not contact",
    "consent_to_notifications": "Consent to notifications",
    "notes": "Notes",
}
NAME_FIELDS = ("first_name", "last_name", "organisation")
SYNONYMS = {
    "kind": {"type", "stakeholder type", "person or organisation", "contact type"},
    "title": {"salutation", "honorific", "prefix"},
    "first_name": {"forename", "forenames", "given name", "firstname", "first", "christian name"},
    "last_name": {"surname", "family name", "lastname", "last"},
    "organisation": {
        "organisation name",
        "organization",
        "organization name",
        "company",
        "company name",
        "body",
        "employer",
        "org",
    },
    "job_title": {"position", "role", "job", "jobtitle"},
    "email": {"email address", "e mail", "e mail address", "mail", "emailaddress"},
    "phone": {"telephone", "tel", "phone number", "telephone number", "mobile", "phone no"},
    "address": {"postal address", "full address", "street address"},
    "postcode": {"post code", "postal code", "zip", "zip code"},
    "authority": {"authority code", "council", "local authority", "lpa"},
    "registers": {"register", "lists", "list"},
    "categories": {"category"},
    "party": {"political party"},
    "preferred_channel": {"channel", "contact preference", "contact by", "preferred contact"},
    "accessibility_needs": {"accessibility", "access needs", "reasonable adjustments"},
    "do_not_contact": {"dnc", "opted out", "opt out", "no contact"},
    "consent_to_notifications": {"consent", "notifications consent", "consent to notify"},
    "notes": {"note", "comments", "comment"},
}


@dataclass
class CheckedRow:
    number: int  # the row in the spreadsheet, counting the heading row as 1
    data: dict[str, str]
    values: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class Check:
    rows: list[CheckedRow]

    @property
    def valid(self) -> list[CheckedRow]:
        return [row for row in self.rows if not row.errors]

    @property
    def invalid(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.errors]


# Reading the upload -------------------------------------------------------------------------------------------


def create_import(filename: str, data: bytes, user=None) -> Job:
    """Read an upload and keep its rows on a draft job. Raises ValidationError({"file": [...]}); writes nothing then."""
    try:
        columns, rows = read_table(filename, data, current_app.config["IMPORT_MAX_ROWS"])
    except ValueError as error:
        raise ValidationError({"file": [str(error)]}) from error
    job = Job(
        kind=KIND,
        status="draft",
        user_id=getattr(user, "id", None),
        filename=filename[-300:],
        payload=json.dumps({"columns": columns, "rows": rows}).encode(),
        params={"columns": columns, "mapping": guess_mapping(columns)},
        total_rows=len(rows),
    )
    db.session.add(job)
    db.session.commit()
    return job


def load_table(job: Job) -> tuple[list[str], list[list[Any]]]:
    table = json.loads(job.payload or b'{"columns": [], "rows": []}')
    return table["columns"], table["rows"]


# Mapping columns to fields ------------------------------------------------------------------------------------


def _normalise(heading: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", heading.lower()).split())


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """{column: field} for headings that name a field or a common synonym of one; each field used once."""
    known = {_normalise(name): name for name in FIELDS}
    known.update({_normalise(label): name for name, label in FIELDS.items()})
    for name, synonyms in SYNONYMS.items():
        known.update({synonym: name for synonym in synonyms})
    mapping, used = {}, set()
    for column in columns:
        target = known.get(_normalise(column), "")
        if target in used:
            target = ""
        used.add(target)
        mapping[column] = target
    return mapping


def save_mapping(job: Job, mapping: dict[str, str]) -> Job:
    job.params = {**job.params, "mapping": mapping, "mapped": True}
    db.session.commit()
    return job


def samples(job: Job, limit: int = 3) -> dict[str, list[str]]:
    """A few non-blank values of each column, to help choose its field."""
    columns, rows = load_table(job)
    found: dict[str, list[str]] = {column: [] for column in columns}
    for row in rows[:200]:
        for column, cell in zip(columns, row[1:], strict=False):
            if cell and len(found[column]) < limit and cell[:60] not in found[column]:
                found[column].append(cell[:60])
    return found


# Checking rows ------------------------------------------------------------------------------------------------


def check_rows(columns: list[str], rows: list[list[Any]], mapping: dict[str, str], progress=None) -> Check:
    """Validate every row with services.clean and flag duplicates within the file and against the database."""
    lookups = Lookups()
    duplicates = import_rows.DuplicateFinder(import_rows.existing_keys())
    positions = [(index + 1, mapping[column]) for index, column in enumerate(columns) if mapping.get(column)]
    checked = []
    for count, row in enumerate(rows, start=1):
        item = CheckedRow(number=row[0], data=import_rows.row_data(row, positions))
        try:
            item.values = clean(item.data, lookups)
        except ValidationError as error:
            item.errors = [message for messages in error.errors.values() for message in messages]
        else:
            item.errors = duplicates.check(item.number, item.values)
        checked.append(item)
        if progress and count % 1000 == 0:
            progress(count)
    return Check(checked)


def check_job(job: Job) -> Check:
    columns, rows = load_table(job)
    return check_rows(columns, rows, job.params.get("mapping", {}))


# Running the import -------------------------------------------------------------------------------------------


def start_import(job: Job) -> None:
    """Queue (or run now, without Redis) the import of a checked, mapped draft."""
    if job.status != "draft":
        return
    job.status = "pending"
    job.processed_rows = 0
    jobs.enqueue_after_commit("engage.stakeholders.imports.run_import", job.id)
    db.session.commit()


def run_import(job_id: int) -> dict[str, Any]:
    """The job: check every row, then insert every valid one in one transaction. Raises to roll back everything."""
    job = db.session.get(Job, job_id)
    columns, rows = load_table(job)
    check = check_rows(columns, rows, job.params.get("mapping", {}), lambda n: jobs.record_progress(job_id, n))
    # Progress is written before the write transaction opens: SQLite lets only one connection write at a time.
    jobs.record_progress(job_id, len(rows))
    valid, invalid = check.valid, check.invalid
    summary = {"filename": job.filename, "rows": len(rows), "imported": len(valid), "skipped": len(invalid)}
    audit.record(
        "import",
        "stakeholder",
        None,
        f"Imported {len(valid):,} stakeholders from {job.filename} ({len(invalid):,} rows skipped)",
        user=job.user,
        changes=summary,
    )
    db.session.flush()  # the audit event first: see import_rows.insert_stakeholders
    import_rows.insert_stakeholders([row.values for row in valid])
    db.session.commit()
    reasons = Counter(message for row in invalid for message in row.errors)
    skipped = [{"row": row.number, "errors": row.errors} for row in invalid[:KEEP_SKIPPED]]
    return {**summary, "reasons": reasons.most_common(20), "skipped_rows": skipped}


def find_job(job_id: int, user) -> Job | None:
    """The user's own import job (an administrator may see anyone's)."""
    job = db.session.scalar(select(Job).where(Job.id == job_id, Job.kind == KIND))
    if job is None or (job.user_id != getattr(user, "id", None) and getattr(user, "role", "") != "admin"):
        return None
    return job


def display_name(data: dict[str, str]) -> str:
    probe = Stakeholder(
        kind="organisation" if data.get("kind") == "organisation" else "person",
        first_name=data.get("first_name", ""),
        last_name=data.get("last_name", ""),
        organisation_name=data.get("organisation", ""),
    )
    return probe.name or data.get("organisation", "")
