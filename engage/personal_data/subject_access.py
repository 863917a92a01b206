"""A subject access export: everything Engage holds on a person, as a ZIP file.

The person is a respondent and every other respondent row with the same email address (one per consultation they
responded to), with the stakeholder register entries linked to them or with that address. The ZIP holds:
`everything.json` (every column of every record, the representations with them, notices sent, and the audit
trail's entries about them), `representations.csv` (one readable row a representation), `files/` (the files they
sent, as sent) and `README.txt` (what each part is). Making one is recorded in the audit trail.
"""

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from typing import Any

from engage.common import audit
from engage.common.dates import format_datetime
from engage.extensions import db
from engage.models import Representation, Respondent, utcnow
from engage.personal_data import queries
from engage.stakeholders.exports import neutralise

CSV_HEAD = [
    "Reference",
    "Consultation",
    "Received",
    "Channel",
    "Part of the plan",
    "Nature",
    "Legally compliant",
    "Sound",
    "Complies with the duty to co-operate",
    "Comment",
    "Proposed change",
    "Wishes to be heard",
    "Why",
    "Notify of",
    "Status",
    "Files",
]
README = """Everything Engage holds on {name}, made on {made}.

everything.json     every record: the respondent records (one a consultation responded to), their
                    representations, the files' details, stakeholder register entries, notices sent to
                    them, and the audit trail's entries about these records
representations.csv one row a representation, to read in a spreadsheet
files/              the files sent with the representations, as they were sent
"""


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def columns(record: Any, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every column of a row, as JSON values (files' contents are in files/, not here)."""
    table = record.__table__
    return {c.key: _value(getattr(record, c.key)) for c in table.columns if c.key not in leave_out}


def _file_path(representation: Representation, attachment) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", attachment.filename).strip("-") or "file"
    return f"files/{representation.reference}/{attachment.id}-{safe}"


def holdings(respondent: Respondent) -> dict[str, Any]:
    """Everything held on the person, as JSON values."""
    people = queries.same_person(respondent)
    ids = [r.id for r in people]
    representations = queries.representations_of(ids)
    stakeholders = queries.stakeholders_of(people)
    by_respondent: dict[int, list[dict]] = {}
    for representation in representations:
        item = {"reference": representation.reference, **columns(representation)}
        item["part"] = representation.part.ref if representation.part else None
        item["attachments"] = [
            {**columns(a, ("content",)), "file": _file_path(representation, a)} for a in representation.attachments
        ]
        by_respondent.setdefault(representation.respondent_id, []).append(item)
    audit_events = queries.audit_about(ids, [r.id for r in representations], [s.id for s in stakeholders])
    return {
        "generated_at": utcnow().isoformat(),
        "respondents": [
            {
                "reference": r.reference,
                "consultation": r.consultation.title,
                **columns(r),
                "representations": by_respondent.get(r.id, []),
            }
            for r in people
        ],
        "stakeholders": [columns(s, ("search_text",)) for s in stakeholders],
        "notifications": [
            {**columns(n), "event": n.event.event, "occurred_on": n.event.occurred_on.isoformat()}
            for n in queries.notifications_of(ids)
        ],
        "audit": [columns(e) for e in audit_events],
    }


def _csv(representations: list[Representation], titles: dict[int, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEAD)
    for r in representations:
        row = [
            r.reference,
            titles.get(r.consultation_id, ""),
            format_datetime(r.received_at),
            r.channel,
            r.part.ref if r.part else "",
            r.nature,
            r.legally_compliant,
            r.sound,
            r.dtc_compliant,
            r.comment,
            r.modification,
            "Yes" if r.wishes_to_be_heard else "No",
            r.heard_reason,
            ", ".join(r.notify or []),
            r.status,
            ", ".join(a.filename for a in r.attachments),
        ]
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()


def subject_access_zip(respondent: Respondent, *, user=None) -> bytes:
    """The ZIP of everything held on the person; the export is audited (by reference, without personal data)."""
    held = holdings(respondent)
    people = queries.same_person(respondent)
    representations = queries.representations_of([r.id for r in people])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        name = respondent.name or respondent.organisation or respondent.reference
        archive.writestr("README.txt", README.format(name=name, made=format_datetime(utcnow())))
        archive.writestr("everything.json", json.dumps(held, indent=2, ensure_ascii=False))
        titles = {r.consultation_id: r.consultation.title for r in people}
        archive.writestr("representations.csv", _csv(representations, titles))
        for representation in representations:
            for attachment in representation.attachments:
                archive.writestr(_file_path(representation, attachment), attachment.content or b"")
    record_export(respondent, len(people), user=user)
    return buffer.getvalue()


def record_export(respondent: Respondent, records: int, *, user=None) -> None:
    summary = f"Subject access export for respondent {respondent.reference} ({records} respondent records)"
    audit.record("export", "respondent", respondent.id, summary, user=user)
    db.session.commit()


def export_holdings(respondent: Respondent, *, user=None) -> dict[str, Any]:
    """What the ZIP's everything.json holds, for the API; audited as the ZIP is."""
    held = holdings(respondent)
    record_export(respondent, len(held["respondents"]), user=user)
    return held
