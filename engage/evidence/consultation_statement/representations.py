"""Full copies of the representations for the statement of consultation (Regulation 22(1)(d)): one record per
representation with who made it (name and organisation, and their agent's), the part of the plan, its nature, the
legal answers, the full text, the modification sought, the wish to be heard, the channel, when it arrived, and
whether it was late or withdrawn.

What is published follows the privacy rules: names and organisations, never email or postal addresses, phone
numbers or signatures, and the texts as redacted (engage.redaction.queries.PublicTexts). Rows are read as plain
columns in batches, so tens of thousands of them stay cheap."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from engage.evidence.consultation_statement.queries import Scope
from engage.evidence.dtc.text import person_name
from engage.extensions import db
from engage.models import Consultation, Part, Question, Representation, Respondent
from engage.models.representation import respondent_reference
from engage.redaction.queries import PublicTexts, redact
from engage.vocab import Answer, Channel, Nature, SoundnessTest

COOPERATION = "Co-operation"  # the column's heading, worded for the plan's route by head()
HEAD = [
    "Reference", "Respondent reference", "Consultation", "Respondent", "Organisation", "Agent", "Part of the plan",
    "Nature", "Legally compliant", "Sound", "Tests of soundness not met", COOPERATION,
    "Representation", "Modification sought", "Wishes to take part in the hearings", "Why they wish to be heard",
    "Channel", "Received", "Late", "Withdrawn", "Withdrawn on",
]  # fmt: skip
WIDTHS = [13, 12, 28, 22, 26, 26, 28, 10, 12, 12, 24, 14, 80, 60, 14, 40, 10, 16, 7, 10, 16]
BATCH = 1000


def head(cooperation_question: str) -> list[str]:
    """HEAD with the co-operation question in the words of the plan's regulations."""
    return [cooperation_question if name == COOPERATION else name for name in HEAD]


WHOLE_PLAN = "The plan as a whole"


@dataclass(slots=True)
class FullRepresentation:
    reference: str
    respondent_reference: str
    consultation: str
    respondent: str
    organisation: str
    agent: str
    part: str
    nature: str
    legally_compliant: str
    sound: str
    unsound_tests: str
    dtc_compliant: str
    comment: str
    answers: list[tuple[str, str]]  # (question, answer) on questionnaire consultations
    modification: str
    wishes_to_be_heard: bool
    heard_reason: str
    channel: str
    received_at: datetime
    late: bool
    withdrawn: bool
    withdrawn_at: datetime | None

    @property
    def text(self) -> str:
        """The comment, then each answered question and its answer."""
        blocks = [self.comment] if self.comment else []
        return "\n\n".join(blocks + [f"{question}\n{answer}" for question, answer in self.answers])

    @property
    def legal_answers_given(self) -> bool:
        return any(a != "Not specified" for a in (self.legally_compliant, self.sound, self.dtc_compliant))

    def row(self) -> list:
        """The row in HEAD's order."""
        return [
            self.reference, self.respondent_reference, self.consultation, self.respondent, self.organisation,
            self.agent, self.part, self.nature,
            self.legally_compliant, self.sound, self.unsound_tests, self.dtc_compliant, self.text, self.modification,
            self.wishes_to_be_heard, self.heard_reason, self.channel, self.received_at, self.late, self.withdrawn,
            self.withdrawn_at,
        ]  # fmt: skip

    @property
    def heading(self) -> str:
        who = ", ".join(part for part in (self.respondent, self.organisation) if part)
        return f"{self.reference}: {who}" + (" (withdrawn)" if self.withdrawn else "")


def _agent(agent: dict | None) -> str:
    """The agent's name and organisation only (the JSON also holds their contact details, never published)."""
    if not isinstance(agent, dict):
        return ""
    name = person_name(str(agent.get("first_name") or ""), str(agent.get("last_name") or ""), "")
    return ", ".join(part for part in (name, str(agent.get("organisation") or "")) if part)


def _answers(answers: dict | None, questions: dict[str, str]) -> list[tuple[str, str]]:
    """Each answered question ("Which site?", "Site B"), as questionnaire consultations have them, with what looks
    like personal data (emails, phone numbers, postcodes, addresses) redacted."""
    result = []
    for key, answer in answers.items() if isinstance(answers, dict) else ():
        text = "; ".join(str(a) for a in answer) if isinstance(answer, list) else str(answer or "")
        if text.strip():
            result.append((questions.get(str(key), "Question"), redact(text.strip(), [], reviewed=False)))
    return result


def _questions(ids: list[int]) -> dict[str, str]:
    rows = db.session.execute(select(Question.id, Question.text).where(Question.consultation_id.in_(ids)))
    return {str(question_id): text for question_id, text in rows}


def full_representations(scope: Scope) -> Iterator[FullRepresentation]:
    """Every representation in the scope, by consultation then reference."""
    if not scope.ids:
        return
    questions = _questions(scope.ids)
    query = (
        select(
            Representation.id,
            Representation.respondent_id,
            Representation.number,
            Consultation.title,
            Respondent.first_name,
            Respondent.last_name,
            Respondent.organisation,
            Respondent.agent,
            Part.ref,
            Part.title.label("part_title"),
            Representation.nature,
            Representation.legally_compliant,
            Representation.sound,
            Representation.unsound_tests,
            Representation.dtc_compliant,
            Representation.comment,
            Representation.answers,
            Representation.modification,
            Representation.wishes_to_be_heard,
            Representation.heard_reason,
            Representation.channel,
            Representation.received_at,
            Representation.late,
            Representation.status,
            Representation.withdrawn_at,
        )  # fmt: skip
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .join(Consultation, Consultation.id == Representation.consultation_id)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id.in_(scope.ids))
        .order_by(Consultation.opens_at, Consultation.id, Representation.respondent_id, Representation.number)
        .execution_options(yield_per=BATCH)
    )
    texts = PublicTexts(scope.ids)
    for row in db.session.execute(query):
        yield _full(row, questions, texts)


def _full(row, questions: dict[str, str], texts: PublicTexts) -> FullRepresentation:
    part = (f"{row.ref}: {row.part_title}" if row.part_title else row.ref) if row.ref else WHOLE_PLAN
    return FullRepresentation(
        reference=f"{respondent_reference(row.respondent_id)}-{row.number}",
        respondent_reference=respondent_reference(row.respondent_id),
        consultation=row.title,
        respondent=person_name(row.first_name, row.last_name, "") or ("" if row.organisation else "Name not recorded"),
        organisation=row.organisation or "",
        agent=_agent(row.agent),
        part=part,
        nature=Nature.label_of(row.nature),
        legally_compliant=Answer.label_of(row.legally_compliant),
        sound=Answer.label_of(row.sound),
        unsound_tests=", ".join(SoundnessTest.label_of(test) for test in row.unsound_tests or []),
        dtc_compliant=Answer.label_of(row.dtc_compliant),
        comment=texts.text(row.id, "comment", row.comment).strip(),
        answers=_answers(row.answers, questions),
        modification=texts.text(row.id, "modification", row.modification),
        wishes_to_be_heard=bool(row.wishes_to_be_heard),
        heard_reason=texts.text(row.id, "heard-reason", row.heard_reason),
        channel=Channel.label_of(row.channel),
        received_at=row.received_at,
        late=bool(row.late),
        withdrawn=row.status == "withdrawn",
        withdrawn_at=row.withdrawn_at,
    )
