"""The statement of consultation as data, and the main issues officers record for it, as the API reads and writes
them. The figures are those of the statement's page and files (engage.evidence.consultation_statement.queries)."""

from typing import Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Input, LondonDateTime, Output, Text, Texts
from engage.vocab import Channel, InvitationMethod, Nature, RespondentType

REFERENCE = "A representation's reference, like R-00123-1"


class MainIssue(Output):
    """A main issue raised in a consultation, the representations raising it, the council's response and any change
    it proposes (Regulation 22(1)(c))."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="Consultation id")
    title: str
    summary: str
    representations: list[str] = Field(description="References of the representations raising it")
    council_response: str
    proposed_change: str
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        references = [representation.reference for representation in record.representations]
        return super().of(record, representations=references, **values)


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


class MainIssueChanges(MainIssueInput):
    """Changes to a main issue: only the fields sent change."""

    required = ()


class MethodCount(Output):
    method: Literal[InvitationMethod.values()]
    count: int


class CategoryCount(Output):
    category: str = Field(description="Category name")
    stakeholders: int


class ChannelCount(Output):
    channel: Literal[Channel.values()]
    count: int


class NatureCount(Output):
    nature: Literal[Nature.values()]
    count: int


class TypeCount(Output):
    type: Literal[RespondentType.values()]
    label: str
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


class ConsultationStatement(Output):
    """The figures of a statement of consultation (Regulation 22(1)(c)) for one consultation or all of a plan's:
    who was invited and how, the representations by channel, respondent type, part and nature, the late and
    withdrawn ones, and the main issues."""

    title: str
    plan: str | None = Field(description="Plan slug, when the statement covers all of a plan's consultations")
    consultations: list[int] = Field(description="Consultation ids")
    invited: int = Field(description="Stakeholders invited, each counted once")
    invited_by_method: list[MethodCount]
    invited_by_category: list[CategoryCount]
    representations: int
    respondents: int
    by_channel: list[ChannelCount]
    by_respondent_type: list[TypeCount]
    by_part: list[PartCount]
    by_nature: list[NatureCount]
    late: list[ListedRepresentation]
    withdrawn: list[ListedRepresentation]
    main_issues: list[MainIssue]

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """`record` is a queries.ConsultationStatement."""
        scope = record.scope
        return cls(
            title=scope.title,
            plan=scope.plan.slug if scope.plan else None,
            consultations=scope.ids,
            invited=record.invited_total,
            invited_by_method=[MethodCount(method=m, count=n) for m, n in record.invited_by_method],
            invited_by_category=[CategoryCount(category=c, stakeholders=n) for c, n in record.invited_by_category],
            representations=record.representations,
            respondents=record.respondents,
            by_channel=[ChannelCount(channel=c, count=n) for c, n in record.by_channel],
            by_respondent_type=[
                TypeCount(type=kind.value, label=label, respondents=people, representations=count)
                for kind, (label, people, count) in zip(RespondentType, record.by_type, strict=False)
            ],
            by_part=[
                PartCount(part=part, support=s, object=o, comment=c, total=t) for part, s, o, c, t in record.by_part
            ],
            by_nature=[NatureCount(nature=nature, count=n) for nature, n in record.by_nature],
            late=[_listed(item) for item in record.late],
            withdrawn=[_listed(item) for item in record.withdrawn],
            main_issues=[MainIssue.of(issue) for issue in record.main_issues],
        )


def _listed(representation: Any) -> ListedRepresentation:
    return ListedRepresentation(
        reference=representation.reference,
        consultation=representation.consultation_id,
        respondent=representation.respondent.name or representation.respondent.organisation,
        received_at=representation.received_at,
    )
