"""The statement of consultation as data, the main issues officers record for it, how the consultation was
publicised (the statement's "how") and the hearing list, as the API reads and writes them. The figures are those of
the statement's page and files (engage.evidence.consultation_statement.queries)."""

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import Field, Strict

from engage.common.schemas import Input, LondonDateTime, NullableDateText, Output, Text, Texts, one_of
from engage.themes import queries as themes_queries
from engage.vocab import PublicityMethod

REFERENCE = "A representation's reference, like R-00123-1"


class MainIssue(Output):
    """A main issue raised in a consultation, the representations raising it, the council's response and any change
    it proposes (Regulation 22(1)(c))."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="Consultation id")
    title: str
    summary: str
    representations: list[str] = Field(description="References of the representations raising it")
    representation_count: int = Field(description="How many representations raise it")
    people_count: int = Field(description="How many people made them (each person once)")
    council_response: str
    proposed_change: str
    part: str | None = Field(description="The part of the plan the proposed change is to (its ref), if any")
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        references = [representation.reference for representation in record.representations]
        counted = {
            "part": record.part.ref if record.part else None,
            "representation_count": len(references),
            "people_count": themes_queries.people_count(record.id) if references else 0,
        }
        return super().of(record, representations=references, **{**counted, **values})


class MainIssueInput(Input):
    """A main issue. `representations` lists the references of representations to the same consultation that
    raise it; the list sent replaces the one there was."""

    output = MainIssue
    required = ("title",)

    title: Text = None
    summary: Text | None = None
    representations: Texts = Field(None, description=REFERENCE + "; an unknown one is a 422")
    council_response: Text | None = None
    proposed_change: Text | None = None
    part: Text | None = Field(None, description="The ref of the part of the plan the change is to; empty for none")


class MainIssueChanges(MainIssueInput):
    """Changes to a main issue: only the fields sent change."""

    required = ()


class BodiesInvited(Output):
    category: str = Field(description="The category the bodies were invited as")
    bodies: list[str] = Field(description="The bodies' names")


class PeopleInvited(Output):
    category: str
    people: int = Field(description="Individuals invited: counted, never named")


class Invited(Output):
    """Who was invited: bodies named, individuals counted by category."""

    bodies: list[BodiesInvited]
    people: list[PeopleInvited]
    total_bodies: int
    total_people: int


class HowInvited(Output):
    """One way the consultation was made known: invitations by email or letter, or a publicity method."""

    method: str = Field(description="email, letter or a publicity method")
    label: str
    details: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    number: str = Field(description="How many were invited or attended, e.g. 312 invited; empty when not counted")


class AnswerCount(Output):
    question: str
    yes: int
    no: int
    not_specified: int


class TestCount(Output):
    test: str = Field(description="A test of soundness said to be failed")
    representations: int


class TypeCount(Output):
    type: str = Field(description="The respondent type's label")
    respondents: int
    representations: int


class PartCount(Output):
    part: str = Field(description="The part's reference and title, or “The plan as a whole”")
    support: int
    object: int
    comment: int
    total: int


class ListedRepresentation(Output):
    reference: str
    consultation: int
    respondent: str = Field(description="The respondent's name or organisation")
    received_at: LondonDateTime


class CampaignCount(Output):
    name: str
    representations: int
    people: int = Field(description="Distinct people who sent it")


class StatementStage(Output):
    """One consultation stage of the statement (Regulation 22(1)(c)(i)-(v)): who was invited and how, the duly
    made representations counted apart from late and withdrawn ones, with their breakdowns, and the main issues."""

    number: int
    consultation: int = Field(description="Consultation id")
    stage: str = Field(description="The plan stage's name")
    title: str
    status: str = Field(description="draft, scheduled, open or closed")
    provisional: bool = Field(description="True until the consultation has closed: the figures may change")
    invited: Invited
    how: list[HowInvited]
    received: int
    duly_made: int
    respondents: int = Field(description="People and bodies who made the duly made representations")
    distinct_arguments: int = Field(description="Duly made representations with each confirmed campaign counted once")
    distinct_people: int = Field(
        description="People who made the duly made representations: the same person or email address counts once"
    )
    campaigns: list[CampaignCount] = Field(description="Confirmed campaigns among the duly made representations")
    late: list[ListedRepresentation]
    withdrawn: list[ListedRepresentation]
    answers: list[AnswerCount] = Field(description="Legal compliance, soundness and co-operation answers")
    tests_failed: list[TestCount]
    by_part: list[PartCount]
    by_respondent_type: list[TypeCount]
    main_issues: list[MainIssue]


class ConsultationStatement(Output):
    """The statement of consultation (Regulation 22(1)(c)) for one consultation or all of a plan's, stage by stage
    in plan order, with the wording of the plan's route."""

    title: str
    plan: str | None = Field(description="Plan slug, when the statement covers all of a plan's consultations")
    consultations: list[int] = Field(description="Consultation ids, in plan order")
    provisional: bool
    received: int
    duly_made: int
    stages: list[StatementStage]

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is a queries.ConsultationStatement."""
        scope = record.scope
        return cls(
            title=scope.title,
            plan=scope.plan.slug if scope.plan else None,
            consultations=scope.ids,
            provisional=record.provisional,
            received=record.received,
            duly_made=record.duly_made,
            stages=[_stage(stage) for stage in record.stages],
        )


def _stage(stage: Any) -> StatementStage:
    figures, invited = stage.figures, stage.invited
    return StatementStage(
        number=stage.number,
        consultation=stage.consultation.id,
        stage=stage.consultation.stage_name,
        title=stage.consultation.title,
        status=stage.status,
        provisional=stage.provisional,
        invited=Invited(
            bodies=[
                BodiesInvited(category=c, bodies=names.split("; ") if names else []) for c, names, _n in invited.bodies
            ],
            people=[PeopleInvited(category=c, people=n) for c, n in invited.people],
            total_bodies=invited.total_bodies,
            total_people=invited.total_people,
        ),
        how=[
            HowInvited(
                method=m.method,
                label=PublicityMethod.label_of(m.method, m.method),
                details=m.details,
                starts_on=m.starts_on,
                ends_on=m.ends_on,
                number=m.number,
            )
            for m in stage.methods
        ],  # fmt: skip
        received=figures.received,
        duly_made=figures.duly_made,
        respondents=figures.respondents,
        distinct_arguments=figures.arguments,
        distinct_people=figures.people,
        campaigns=[CampaignCount(name=n, representations=r, people=p) for n, r, p in figures.campaigns],
        late=[_listed(item) for item in figures.late],
        withdrawn=[_listed(item) for item in figures.withdrawn],
        answers=[AnswerCount(question=q, yes=y, no=n, not_specified=u) for q, y, n, u in figures.answers],
        tests_failed=[TestCount(test=t, representations=n) for t, n in figures.tests],
        by_part=[PartCount(part=part, support=s, object=o, comment=c, total=t) for part, s, o, c, t in figures.by_part],
        by_respondent_type=[TypeCount(type=t, respondents=p, representations=n) for t, p, n in figures.by_type],
        main_issues=[MainIssue.of(issue) for issue in stage.main_issues],
    )


def _how(method: Any) -> HowInvited:
    return HowInvited(
        method=method.method,
        label=PublicityMethod.label_of(method.method, method.method),
        details=method.details,
        starts_on=method.starts_on,
        ends_on=method.ends_on,
        number=method.number,
    )


def _listed(representation: Any) -> ListedRepresentation:
    return ListedRepresentation(
        reference=representation.reference,
        consultation=representation.consultation_id,
        respondent=representation.respondent.name or representation.respondent.organisation,
        received_at=representation.received_at,
    )


class Publicity(Output):
    """One way a consultation was made known, with its dates, and the attendance of an exhibition or event."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="The consultation's id")
    method: Literal[PublicityMethod.values()]
    description: str = Field(description="What was done and where, e.g. Notice in the Watford Observer")
    starts_on: dt.date = Field(description="The day it was done, or the first day")
    ends_on: dt.date | None = Field(description="The last day, for something that ran over several days")
    attendance: int | None = Field(description="How many came (exhibitions and events only)")


class PublicityInput(Input):
    """A way the consultation was publicised; on a change, only the fields sent change."""

    output = Publicity
    required = ("method", "description", "starts_on")

    method: one_of(PublicityMethod.values()) | None = None
    description: Text | None = Field(None, examples=["Drop-in exhibition at Watford Town Hall"])
    starts_on: NullableDateText = Field(None, json_schema_extra={"type": "string", "format": "date"})
    ends_on: NullableDateText = Field(None, json_schema_extra={"type": "string", "format": "date"})
    attendance: Annotated[int, Strict()] | None = Field(None, description="Exhibitions and events only")


class HearingListEntry(Output):
    """A representation whose maker wishes to take part in the hearing sessions. No contact details: the list with
    them is a file for the programme officer only."""

    part: str = Field(description="The part of the plan, or The plan as a whole")
    main_issues: list[str] = Field(description="The main issues (matters) the representation raises")
    representation: str = Field(description="The representation's reference, e.g. R-00123-1")
    respondent_reference: str = Field(examples=["R-00123"])
    respondent: str
    organisation: str
    agent: str = Field(description="The agent's name and organisation")
    reason: str = Field(description="Why they wish to take part")
    late: bool
