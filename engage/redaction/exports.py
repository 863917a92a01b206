"""The full register of a consultation's representations as CSV and Excel files, in two versions.

The public version is what the public register shows: names and organisations, the part of the plan, the nature,
the legal answers and the texts as redacted, the files the public may download; withdrawn representations are left
out. The inspector's version is complete: every representation as it was made, with the contact details of the
respondent and their agent and every file, marked "not for publication" in its title, first lines and file name."""

import csv
import io
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import select

from engage.common import office, xlsx
from engage.evidence.dtc.text import person_name
from engage.extensions import db
from engage.models import Attachment, Part, RedactedAttachment, Representation, Respondent
from engage.models.representation import respondent_reference
from engage.plans import wording
from engage.redaction.queries import PublicTexts, queue, redact
from engage.redaction.register import WHOLE_PLAN
from engage.stakeholders.exports import neutralise
from engage.vocab import Answer, Channel, Nature, ReviewState, SoundnessTest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOT_FOR_PUBLICATION = (
    "NOT FOR PUBLICATION: the representations as they were made, with contact details, for the inspector and the "
    "programme officer only"
)
COOPERATION = "Co-operation"
HEAD = [
    "Reference", "Respondent reference", "Respondent", "Organisation", "Agent", "Part of the plan", "Nature",
    "Legally compliant", "Sound", "Tests of soundness not met", COOPERATION, "Representation", "Modification sought",
    "Wishes to be heard", "Why they wish to take part", "Received", "Late", "Files",
]  # fmt: skip
WIDTHS = [12, 11, 18, 20, 18, 22, 9, 10, 8, 18, 12, 60, 36, 10, 28, 16, 6, 18]
T, F = xlsx.TEXT, xlsx.FREE_TEXT
KINDS = [F, F, T, T, T, T, T, T, T, T, T, F, F, None, F, xlsx.DATETIME, None, F]
INSPECTOR_HEAD = [
    *HEAD, "Channel", "Withdrawn", "Email", "Phone", "Address", "Postcode", "Agent’s email", "Agent’s phone",
    "Agent’s address", "Agent’s postcode", "Redactions", "Redaction review",
]  # fmt: skip
INSPECTOR_WIDTHS = [*WIDTHS, 10, 10, 26, 15, 30, 10, 26, 15, 30, 10, 10, 12]
INSPECTOR_KINDS = [*KINDS, T, None, F, F, F, F, F, F, F, F, xlsx.NUMBER, T]
NONE = "There are no representations."
PUBLIC_NOTE = (
    "Names and organisations are published; email and postal addresses, phone numbers and signatures are not. "
    "Personal data in the texts is replaced by “[redacted]”. Withdrawn representations are left out; late ones "
    "are marked."
)
INSPECTOR_NOTE = "Every representation as it was made, including withdrawn ones, with its redactions counted."


def head(consultation, *, inspector: bool) -> list[str]:
    question = wording.for_plan(consultation.plan).cooperation_short
    return [question if name == COOPERATION else name for name in (INSPECTOR_HEAD if inspector else HEAD)]


def _text(agent, key: str) -> str:
    return str(agent.get(key) or "") if isinstance(agent, dict) else ""


def _agent(agent) -> str:
    name = person_name(_text(agent, "first_name"), _text(agent, "last_name"), "")
    return ", ".join(part for part in (name, _text(agent, "organisation")) if part)


def _files(consultation_id: int, texts: PublicTexts | None) -> dict[int, list[str]]:
    """The names of each representation's files: the public ones (a redacted copy, or the original of a reviewed
    representation) or, for the inspector (`texts` None), every original."""
    rows = db.session.execute(
        select(Attachment.representation_id, Attachment.filename, RedactedAttachment.filename.label("copy"))
        .join(Representation, Representation.id == Attachment.representation_id)
        .outerjoin(RedactedAttachment, RedactedAttachment.attachment_id == Attachment.id)
        .where(Representation.consultation_id == consultation_id)
        .order_by(Attachment.id)
    )
    found: dict[int, list[str]] = {}
    for representation_id, filename, copy in rows:
        if texts is None:
            found.setdefault(representation_id, []).append(filename)
        elif copy or representation_id in texts.reviewed:
            found.setdefault(representation_id, []).append(copy or filename)
    return found


def _answers(answers) -> str:
    """A questionnaire's answers, after the comment; the public version has what looks like personal data redacted."""
    if not isinstance(answers, dict):
        return ""
    texts = ["; ".join(map(str, a)) if isinstance(a, list) else str(a or "") for a in answers.values()]
    return "\n".join(text for text in texts if text.strip())


COLUMNS = (
    Representation.id, Representation.respondent_id, Representation.number, Representation.nature,
    Representation.legally_compliant, Representation.sound, Representation.unsound_tests, Representation.dtc_compliant,
    Representation.comment, Representation.answers, Representation.modification, Representation.wishes_to_be_heard,
    Representation.heard_reason, Representation.received_at, Representation.late, Representation.channel,
    Representation.status,
)  # fmt: skip


def rows(consultation, *, inspector: bool = False) -> Iterator[list]:
    """The rows in HEAD's order (INSPECTOR_HEAD's for the inspector), by reference."""
    texts = None if inspector else PublicTexts([consultation.id])
    files = _files(consultation.id, texts)
    query = (
        select(
            *COLUMNS,
            Respondent.first_name,
            Respondent.last_name,
            Respondent.organisation,
            Respondent.agent,
            Respondent.email,
            Respondent.phone,
            Respondent.address,
            Respondent.postcode,
            Part.ref,
            Part.title,
        )
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id == consultation.id)
        .order_by(Representation.respondent_id, Representation.number)
        .execution_options(yield_per=500)
    )
    if not inspector:
        query = query.where(Representation.status != "withdrawn")
    counts, states = _redaction_counts(consultation.id) if inspector else ({}, {})
    for r in db.session.execute(query):
        part = (f"{r.ref}: {r.title}" if r.title else r.ref) if r.ref else WHOLE_PLAN
        name = " ".join(piece for piece in (r.first_name, r.last_name) if piece)
        if texts is None:
            comment, modification, reason = r.comment, r.modification, r.heard_reason
            answers = _answers(r.answers)
        else:
            comment = texts.text(r.id, "comment", r.comment)
            modification = texts.text(r.id, "modification", r.modification)
            reason = texts.text(r.id, "heard-reason", r.heard_reason)
            answers = redact(_answers(r.answers), [], reviewed=False)
        row = [
            f"{respondent_reference(r.respondent_id)}-{r.number}", respondent_reference(r.respondent_id),
            name, r.organisation, _agent(r.agent), part, Nature.label_of(r.nature),
            Answer.label_of(r.legally_compliant), Answer.label_of(r.sound),
            ", ".join(SoundnessTest.label_of(t) for t in r.unsound_tests or []), Answer.label_of(r.dtc_compliant),
            "\n\n".join(text for text in (comment, answers) if text), modification, r.wishes_to_be_heard, reason,
            r.received_at, r.late, "\n".join(files.get(r.id, [])),
        ]  # fmt: skip
        if inspector:
            row += [Channel.label_of(r.channel), r.status == "withdrawn", r.email, r.phone, r.address, r.postcode,
                    *(_text(r.agent, key) for key in ("email", "phone", "address", "postcode")),
                    counts.get(r.id, 0), ReviewState.label_of(states.get(r.id, ReviewState.TO_REVIEW))]  # fmt: skip
        yield row


def _redaction_counts(consultation_id: int) -> tuple[dict[int, int], dict[int, str]]:
    """Each representation's number of redactions and review state, as the redaction queue counts them."""
    found = queue(consultation_id)
    return {row.id: row.redactions for row in found}, {row.id: row.state for row in found}


def title(consultation, *, inspector: bool) -> str:
    name = f"Representations: {consultation.title}"
    return f"{name} (NOT FOR PUBLICATION)" if inspector else name


def file_name(consultation, now: datetime, file_format: str, *, inspector: bool) -> str:
    kind = "representations-inspector-not-for-publication" if inspector else "representations"
    return f"{consultation.slug}-{kind}-{now:%Y-%m-%d}.{file_format}"


def xlsx_bytes(consultation, now: datetime, *, inspector: bool = False) -> bytes:
    """An About sheet (title and notes), then the representations: long texts wrapped, each row as tall as they
    need, the header row frozen with filters."""
    name = title(consultation, inspector=inspector)
    notes = [NOT_FOR_PUBLICATION, INSPECTOR_NOTE] if inspector else [PUBLIC_NOTE]
    table = xlsx.Sheet(
        "Representations", head(consultation, inspector=inspector), rows(consultation, inspector=inspector), NONE,
        INSPECTOR_WIDTHS if inspector else WIDTHS, INSPECTOR_KINDS if inspector else KINDS, header_height=45,
        fit_heights=True,
    )  # fmt: skip
    about = xlsx.Notes("About", name, [*notes, office.generated_note(now)])
    return xlsx.workbook_bytes([about, table], name)


def _csv_value(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return value.isoformat()
    return neutralise(value)


def csv_lines(consultation, *, inspector: bool = False) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(head(consultation, inspector=inspector))
    for row in rows(consultation, inspector=inspector):
        writer.writerow([_csv_value(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
