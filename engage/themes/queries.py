"""Reads for the themes pages, the API and the public "You said, we did" page."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.models import (
    Consultation,
    FeedbackPublication,
    MainIssue,
    Representation,
    RepresentationResponse,
    Respondent,
    StrategicMatter,
    Theme,
    representation_theme,
)
from engage.models.evidence import main_issue_representation
from engage.representations import queries as representation_queries
from engage.representations.counts import person_key
from engage.themes.selection import tagged_condition


@dataclass
class Analysis:
    """What officers made of one representation: its tags, the main issues it is linked to, its own response."""

    themes: list[Theme]
    matters: list[StrategicMatter]
    issues: list[MainIssue]
    response: RepresentationResponse | None


@dataclass
class IssueCounts:
    issue: MainIssue
    representations: int
    people: int


def themes_with_counts(consultation_id: int) -> list[tuple[Theme, int]]:
    query = (
        select(Theme, func.count(representation_theme.c.representation_id))
        .outerjoin(representation_theme, representation_theme.c.theme_id == Theme.id)
        .where(Theme.consultation_id == consultation_id)
        .group_by(Theme.id)
        .order_by(func.lower(Theme.name))
    )
    return [(theme, count) for theme, count in db.session.execute(query).all()]


def themes_of(consultation_id: int) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme).where(Theme.consultation_id == consultation_id).order_by(func.lower(Theme.name))
        )
    )


def matters() -> list[StrategicMatter]:
    return list(db.session.scalars(select(StrategicMatter).order_by(StrategicMatter.name)))


def issues_of(consultation_id: int) -> list[MainIssue]:
    return list(
        db.session.scalars(
            select(MainIssue)
            .where(MainIssue.consultation_id == consultation_id)
            .order_by(MainIssue.position, MainIssue.id)
        )
    )


def issues_with_counts(consultation_id: int) -> list[IssueCounts]:
    """Each main issue with how many representations raise it and how many people made them (one person with
    several representations, or several respondents with the same email address or stakeholder, counted once)."""
    query = (
        select(
            MainIssue,
            func.count(main_issue_representation.c.representation_id),
            func.count(func.distinct(person_key())),
        )
        .outerjoin(main_issue_representation, main_issue_representation.c.main_issue_id == MainIssue.id)
        .outerjoin(Representation, Representation.id == main_issue_representation.c.representation_id)
        .outerjoin(Respondent, Respondent.id == Representation.respondent_id)
        .where(MainIssue.consultation_id == consultation_id)
        .options(selectinload(MainIssue.part))
        .group_by(MainIssue.id)
        .order_by(MainIssue.position, MainIssue.id)
    )
    return [IssueCounts(issue, count, people) for issue, count, people in db.session.execute(query).all()]


def people_count(issue_id: int) -> int:
    """How many people made the representations linked to one main issue (counted as every output counts them)."""
    query = (
        select(func.count(func.distinct(person_key())))
        .select_from(main_issue_representation)
        .join(Representation, Representation.id == main_issue_representation.c.representation_id)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .where(main_issue_representation.c.main_issue_id == issue_id)
    )
    return db.session.scalar(query) or 0


def representations_query(consultation_id: int, filters, tagged: str = ""):
    """The representation search (and `tagged`: see selection.tagged_condition), with each representation's tags
    loaded for the table; and the query counting them."""
    query = representation_queries.representations_query(consultation_id, filters).options(
        selectinload(Representation.themes), selectinload(Representation.matters)
    )
    count = representation_queries.count_query(consultation_id, filters)
    condition = tagged_condition(tagged)
    if condition is not None:
        query, count = query.where(condition), count.where(condition)
    return query, count


def linked_representations(issue: MainIssue):
    return (
        select(Representation)
        .join(main_issue_representation, main_issue_representation.c.representation_id == Representation.id)
        .where(main_issue_representation.c.main_issue_id == issue.id)
        .options(selectinload(Representation.respondent), selectinload(Representation.part))
        .order_by(Representation.respondent_id, Representation.number)
    )


def linked_count(issue: MainIssue) -> int:
    query = select(func.count()).select_from(main_issue_representation)
    return db.session.scalar(query.where(main_issue_representation.c.main_issue_id == issue.id)) or 0


def analysis_of(representation: Representation) -> Analysis:
    issues = db.session.scalars(
        select(MainIssue)
        .join(main_issue_representation, main_issue_representation.c.main_issue_id == MainIssue.id)
        .where(main_issue_representation.c.representation_id == representation.id)
        .order_by(MainIssue.position, MainIssue.id)
    )
    return Analysis(
        themes=list(representation.themes),
        matters=list(representation.matters),
        issues=list(issues),
        response=response_to(representation),
    )


def response_to(representation: Representation) -> RepresentationResponse | None:
    return db.session.get(RepresentationResponse, representation.id)


def publication(consultation: Consultation) -> FeedbackPublication | None:
    return db.session.get(FeedbackPublication, consultation.id)


def published_feedback(slug: str) -> tuple[Consultation, list[IssueCounts]] | None:
    """A consultation's "You said, we did": the published consultation and its main issues, only while officers
    have it published."""
    consultation = db.session.scalar(
        select(Consultation)
        .join(FeedbackPublication, FeedbackPublication.consultation_id == Consultation.id)
        .where(Consultation.slug == slug, Consultation.published.is_(True))
    )
    if consultation is None:
        return None
    return consultation, issues_with_counts(consultation.id)
