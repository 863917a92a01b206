"""The public register of a consultation's representations: what it lists and how one entry reads.

An entry gives the respondent's name and organisation (and their agent's), the part of the plan, the nature, the
legal answers, and the texts as redacted (engage.redaction.queries), with the files the public may download. It
never gives an address, email, phone number or signature. Withdrawn representations are left out; late ones are
listed and marked."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from engage.common.pagination import Page, paginate
from engage.evidence.dtc.text import person_name
from engage.extensions import db
from engage.models import Attachment, Part, RedactedAttachment, Representation
from engage.models.representation import parse_reference
from engage.redaction import queries
from engage.vocab import Nature, RedactedField, SoundnessTest

PER_PAGE = 25
WHOLE_PLAN = "The plan as a whole"


@dataclass
class RegisterFilters:
    part: str = ""
    nature: str = ""

    @classmethod
    def from_args(cls, args) -> "RegisterFilters":
        nature = args.get("nature", "")
        return cls(part=(args.get("part") or "")[:100], nature=nature if nature in Nature.values() else "")


@dataclass
class PublicFile:
    attachment_id: int
    filename: str
    content_type: str
    size: int
    redacted: bool


@dataclass
class Entry:
    """One representation as the public register shows it."""

    reference: str
    respondent: str
    organisation: str
    agent: str
    part: str
    nature: str
    legally_compliant: str
    sound: str
    unsound_tests: list[str]
    dtc_compliant: str
    comment: str
    modification: str
    wishes_to_be_heard: bool
    heard_reason: str
    received_at: datetime
    late: bool
    answers: list[tuple[str, str]] = field(default_factory=list)
    files: list[PublicFile] = field(default_factory=list)

    @property
    def legal_answers_given(self) -> bool:
        return any(a != "not-specified" for a in (self.legally_compliant, self.sound, self.dtc_compliant))


def _query(consultation_id: int, filters: RegisterFilters) -> Select:
    query = select(Representation).where(
        Representation.consultation_id == consultation_id, Representation.status != "withdrawn"
    )
    if filters.part:
        query = query.join(Part, Part.id == Representation.part_id).where(Part.ref == filters.part)
    if filters.nature:
        query = query.where(Representation.nature == filters.nature)
    return query


def page_of(consultation, filters: RegisterFilters, page: int, per_page: int = PER_PAGE) -> Page:
    """A page of entries, by reference."""
    query = _query(consultation.id, filters)
    count = select(func.count()).select_from(query.order_by(None).subquery())
    query = query.options(selectinload(Representation.respondent), selectinload(Representation.part))
    found = paginate(query.order_by(Representation.respondent_id, Representation.number), page, per_page, count)
    found.items = [entry(consultation, representation) for representation in found.items]
    return found


def find(consultation, reference: str) -> Representation | None:
    """The representation of this consultation with the reference, unless it was withdrawn."""
    parsed = parse_reference(reference)
    if parsed is None or parsed[1] is None:
        return None
    return db.session.scalar(
        _query(consultation.id, RegisterFilters()).where(
            Representation.respondent_id == parsed[0], Representation.number == parsed[1]
        )
    )


def _agent(agent) -> str:
    if not isinstance(agent, dict):
        return ""
    name = person_name(str(agent.get("first_name") or ""), str(agent.get("last_name") or ""), "")
    return ", ".join(part for part in (name, str(agent.get("organisation") or "")) if part)


def _answers(consultation, representation) -> list[tuple[str, str]]:
    answers = representation.answers if isinstance(representation.answers, dict) else {}
    found = []
    for question in consultation.questions:
        answer = answers.get(str(question.id))
        text = "; ".join(str(a) for a in answer) if isinstance(answer, list) else str(answer or "")
        if text.strip():
            found.append((question.text, queries.redact(text.strip(), [], reviewed=False)))
    return found


def entry(consultation, representation: Representation) -> Entry:
    respondent = representation.respondent
    return Entry(
        reference=representation.reference,
        respondent=respondent.name,
        organisation=respondent.organisation,
        agent=_agent(respondent.agent),
        part=representation.part.label if representation.part else WHOLE_PLAN,
        nature=representation.nature,
        legally_compliant=representation.legally_compliant,
        sound=representation.sound,
        unsound_tests=[SoundnessTest.label_of(test) for test in representation.unsound_tests or []],
        dtc_compliant=representation.dtc_compliant,
        comment=queries.public_text(representation, RedactedField.COMMENT),
        modification=queries.public_text(representation, RedactedField.MODIFICATION),
        wishes_to_be_heard=representation.wishes_to_be_heard,
        heard_reason=queries.public_text(representation, RedactedField.HEARD_REASON),
        received_at=representation.received_at,
        late=representation.late,
        answers=_answers(consultation, representation),
        files=[_file(attachment, copy) for attachment, copy in queries.public_attachments(representation)],
    )


def _file(attachment: Attachment, copy: RedactedAttachment | None) -> PublicFile:
    shown = copy or attachment
    return PublicFile(attachment.id, shown.filename, shown.content_type, shown.size, copy is not None)


def public_file(representation: Representation, attachment_id: int) -> Attachment | RedactedAttachment | None:
    """The file the public may download for this attachment: its redacted copy, or the original of a reviewed
    representation that needed none; None otherwise."""
    for attachment, copy in queries.public_attachments(representation):
        if attachment.id == attachment_id:
            return copy or attachment
    return None
