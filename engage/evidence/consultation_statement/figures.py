"""The representations of one consultation stage, counted for the statement of consultation: how many were received,
the duly made ones apart from the late and the withdrawn, and the duly made ones broken down by the answers on
legal compliance, soundness and co-operation, the tests of soundness failed, the part of the plan and the type of
respondent; and the three counts (engage.representations.counts): submissions, distinct arguments (a confirmed
campaign counts once) and distinct people, with each confirmed campaign."""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import joinedload

from engage.evidence.consultation_statement.respondents import respondent_type, stakeholder_slugs
from engage.extensions import db
from engage.models import Part, Representation, Respondent
from engage.plans.wording import Wording
from engage.representations.counts import confirmed_campaigns, counts
from engage.vocab import Answer, RespondentType, SoundnessTest

WHOLE_PLAN = "The plan as a whole"
WITHDRAWN = Representation.status == "withdrawn"
DULY_MADE = and_(Representation.late.is_(False), Representation.status != "withdrawn")
LATE = and_(Representation.late.is_(True), Representation.status != "withdrawn")


@dataclass
class Figures:
    received: int = 0
    duly_made: int = 0
    respondents: int = 0  # who made the duly made ones
    late: list[Representation] = field(default_factory=list)
    withdrawn: list[Representation] = field(default_factory=list)
    answers: list[list] = field(default_factory=list)  # [question, yes, no, not specified]
    tests: list[list] = field(default_factory=list)  # [test, representations]
    by_part: list[list] = field(default_factory=list)  # [part, support, object, comment, total]
    by_type: list[list] = field(default_factory=list)  # [type, respondents, representations]
    arguments: int = 0  # distinct arguments among the duly made ones: a confirmed campaign counts once
    people: int = 0  # distinct people who made them: the same person or email address counts once
    campaigns: list[list] = field(default_factory=list)  # [confirmed campaign, representations, people]


def _count(consultation_id: int, *conditions) -> int:
    return (
        db.session.scalar(
            select(func.count(Representation.id)).where(Representation.consultation_id == consultation_id, *conditions)
        )
        or 0
    )


def _answers(consultation_id: int, wording: Wording) -> list[list]:
    rows = []
    questions = (
        ("Legally compliant", Representation.legally_compliant),
        ("Sound", Representation.sound),
        (wording.cooperation_question, Representation.dtc_compliant),
    )
    for question, column in questions:
        counted = dict(
            db.session.execute(
                select(column, func.count(Representation.id))
                .where(Representation.consultation_id == consultation_id, DULY_MADE)
                .group_by(column)
            ).all()
        )
        rows.append([question, *(counted.get(answer, 0) for answer in Answer)])
    return rows


def _tests(consultation_id: int) -> list[list]:
    counted: Counter = Counter()
    for (tests,) in db.session.execute(
        select(Representation.unsound_tests).where(Representation.consultation_id == consultation_id, DULY_MADE)
    ):
        counted.update(set(tests or []))
    return [[test.label, counted[test]] for test in SoundnessTest]


def _by_part(consultation_id: int) -> list[list]:
    rows = db.session.execute(
        select(Part.ref, Part.title, Representation.nature, func.count(Representation.id))
        .select_from(Representation)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id == consultation_id, DULY_MADE)
        .group_by(Part.ref, Part.title, Part.position, Representation.nature)
        .order_by(Part.position, Part.ref)
    ).all()
    table: dict[str, Counter] = {}
    for ref, title, nature, count in rows:
        label = (f"{ref}: {title}" if title else ref) if ref else WHOLE_PLAN
        table.setdefault(label, Counter())[nature] += count
    return [[label, c["support"], c["object"], c["comment"], sum(c.values())] for label, c in table.items()]


def _by_type(consultation_id: int) -> tuple[int, list[list]]:
    counts = db.session.execute(
        select(Respondent.id, Respondent.stakeholder_id, Respondent.organisation, Respondent.agent,
               func.count(Representation.id))
        .join(Representation, Representation.respondent_id == Respondent.id)
        .where(Respondent.consultation_id == consultation_id, DULY_MADE)
        .group_by(Respondent.id)  # the other columns depend on it (and PostgreSQL cannot group by JSON)
    ).all()  # fmt: skip
    slugs = stakeholder_slugs({row.stakeholder_id for row in counts if row.stakeholder_id})
    people: Counter = Counter()
    made: Counter = Counter()
    for respondent_id, stakeholder_id, organisation, agent, count in counts:  # noqa: B007
        kind = respondent_type(slugs.get(stakeholder_id, set()), organisation, bool(agent))
        people[kind] += 1
        made[kind] += count
    return len(counts), [[kind.label, people[kind], made[kind]] for kind in RespondentType if people[kind]]


def _listed(consultation_id: int, condition) -> list[Representation]:
    return list(
        db.session.scalars(
            select(Representation)
            .where(Representation.consultation_id == consultation_id, condition)
            .options(joinedload(Representation.respondent), joinedload(Representation.part))
            .order_by(Representation.respondent_id, Representation.number)
        )
    )


def figures(consultation_id: int, wording: Wording) -> Figures:
    found = Figures(received=_count(consultation_id), duly_made=_count(consultation_id, DULY_MADE))
    found.late = _listed(consultation_id, LATE)
    found.withdrawn = _listed(consultation_id, WITHDRAWN)
    if found.duly_made:
        found.answers = _answers(consultation_id, wording)
        found.tests = _tests(consultation_id)
        found.by_part = _by_part(consultation_id)
        found.respondents, found.by_type = _by_type(consultation_id)
        counted = counts(consultation_id, DULY_MADE)
        found.arguments, found.people = counted.arguments, counted.people
        found.campaigns = [
            [name, each.submissions, each.people] for name, each in confirmed_campaigns(consultation_id, DULY_MADE)
        ]
    return found
