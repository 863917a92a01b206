"""The figures of a statement of consultation (Regulation 22(1)(c)) for one consultation or all of a plan's:
who was invited and how, how many representations by channel, respondent type, part and nature, the late and
withdrawn ones, and the main issues officers recorded."""

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from engage.common.ids import parse_id
from engage.extensions import db
from engage.models import (
    BodyKind,
    Category,
    Consultation,
    Invitation,
    MainIssue,
    Part,
    Plan,
    Representation,
    Respondent,
    Stakeholder,
    stakeholder_category,
)
from engage.models.stakeholder import stakeholder_body_kind
from engage.vocab import RespondentType

# A stakeholder's categories and kinds of body, in order of precedence, to a respondent type.
TYPE_BY_CATEGORY = (
    ("councils", {"neighbouring-authority", "elected-member", "relevant-authority"}),
    ("statutory-bodies", {"specific-consultation-body", "dtc-prescribed-body", "government-department", "mp"}),
    ("developers", {"developer-landowner", "agent", "business"}),
    ("groups", {"community-group", "general-consultation-body"}),
    ("residents", {"resident"}),
)
# Failing a linked stakeholder, words in the respondent's organisation name.
TYPE_BY_WORDS = (
    ("councils", re.compile(r"\bcouncil\b", re.I)),
    (
        "statutory-bodies",
        re.compile(
            r"\b(environment agency|historic england|natural england|national highways|network rail|homes england|"
            r"nhs|integrated care|coal authority|water|sport england|highways|department for|ministry)\b",
            re.I,
        ),
    ),
    (
        "developers",
        re.compile(r"\b(homes|developments?|estates?|land|planning|propert(y|ies)|ltd|limited|llp|plc)\b", re.I),
    ),
    (
        "groups",
        re.compile(
            r"\b(society|association|group|forum|trust|club|friends|residents|campaign|alliance|church)\b", re.I
        ),
    ),
)
INVITATION_ROWS_SHOWN = 200


def respondent_type(categories: set[str], organisation: str, has_agent: bool) -> str:
    for kind, slugs in TYPE_BY_CATEGORY:
        if categories & slugs:
            return kind
    organisation = (organisation or "").strip()
    for kind, pattern in TYPE_BY_WORDS:
        if organisation and pattern.search(organisation):
            return kind
    if has_agent:
        return "developers"
    return "other" if organisation else "residents"


@dataclass
class Scope:
    """One consultation, or every consultation of a plan."""

    consultations: list[Consultation]
    plan: Plan | None = None

    @property
    def ids(self) -> list[int]:
        return [c.id for c in self.consultations]

    @property
    def title(self) -> str:
        if self.plan is not None:
            return f"{self.plan.name}: all consultations"
        return self.consultations[0].title if self.consultations else "No consultations"


def scope_from_args(args) -> Scope | None:
    """The scope asked for, or None when the arguments name nothing that exists."""
    consultation_id = (args.get("consultation") or "").strip()
    if consultation_id:
        consultation = db.session.get(Consultation, parse_id(consultation_id)) if parse_id(consultation_id) else None
        return Scope([consultation]) if consultation else None
    slug = (args.get("plan") or "").strip()[:100]
    plan = db.session.scalar(select(Plan).where(Plan.slug == slug)) if slug else None
    if plan is None:
        return None
    consultations = db.session.scalars(
        select(Consultation).where(Consultation.plan_id == plan.id).order_by(Consultation.opens_at)
    ).all()
    return Scope(list(consultations), plan)


@dataclass
class ConsultationStatement:
    scope: Scope
    invited_by_method: list[tuple[str, int]] = field(default_factory=list)
    invited_by_category: list[tuple[str, int]] = field(default_factory=list)
    invited_total: int = 0
    invitations: list[Invitation] = field(default_factory=list)
    representations: int = 0
    respondents: int = 0
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_type: list[tuple[str, int, int]] = field(default_factory=list)
    by_part: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    by_nature: list[tuple[str, int]] = field(default_factory=list)
    late: list[Representation] = field(default_factory=list)
    withdrawn: list[Representation] = field(default_factory=list)
    main_issues: list[MainIssue] = field(default_factory=list)


def _invitations(statement: ConsultationStatement, limit: int | None) -> None:
    ids = statement.scope.ids
    statement.invited_by_method = list(
        db.session.execute(
            select(Invitation.method, func.count(Invitation.id))
            .where(Invitation.consultation_id.in_(ids))
            .group_by(Invitation.method)
            .order_by(func.count(Invitation.id).desc(), Invitation.method)
        ).all()
    )
    invited = select(Invitation.stakeholder_id).where(Invitation.consultation_id.in_(ids)).distinct().subquery()
    statement.invited_total = db.session.scalar(select(func.count()).select_from(invited)) or 0
    by_category = db.session.execute(
        select(Category.name, func.count(func.distinct(stakeholder_category.c.stakeholder_id)))
        .join(stakeholder_category, stakeholder_category.c.category_id == Category.id)
        .where(stakeholder_category.c.stakeholder_id.in_(select(invited.c.stakeholder_id)))
        .group_by(Category.id, Category.name, Category.position)
        .order_by(Category.position)
    ).all()
    statement.invited_by_category = [tuple(row) for row in by_category]
    query = (
        select(Invitation)
        .join(Stakeholder, Stakeholder.id == Invitation.stakeholder_id)
        .where(Invitation.consultation_id.in_(ids))
        .options(joinedload(Invitation.stakeholder).joinedload(Stakeholder.organisation))
        .order_by(Stakeholder.sort_name, Invitation.id)
    )
    statement.invitations = list(db.session.scalars(query.limit(limit) if limit else query))


def _types(statement: ConsultationStatement) -> None:
    ids = statement.scope.ids
    rows = db.session.execute(
        select(Respondent.id, Respondent.stakeholder_id, Respondent.organisation, Respondent.agent)
        .where(Respondent.consultation_id.in_(ids))
    ).all()  # fmt: skip
    stakeholder_ids = {row.stakeholder_id for row in rows if row.stakeholder_id}
    slugs: dict[int, set[str]] = {}
    if stakeholder_ids:
        for sid, slug in db.session.execute(
            select(stakeholder_category.c.stakeholder_id, Category.slug)
            .join(Category, Category.id == stakeholder_category.c.category_id)
            .where(stakeholder_category.c.stakeholder_id.in_(stakeholder_ids))
            .union_all(
                select(stakeholder_body_kind.c.stakeholder_id, BodyKind.slug)
                .join(BodyKind, BodyKind.id == stakeholder_body_kind.c.body_kind_id)
                .where(stakeholder_body_kind.c.stakeholder_id.in_(stakeholder_ids))
            )
        ):
            slugs.setdefault(sid, set()).add(slug)
    kinds = {
        row.id: respondent_type(slugs.get(row.stakeholder_id, set()), row.organisation, bool(row.agent)) for row in rows
    }
    counted = Counter()
    for respondent_id, count in db.session.execute(
        select(Representation.respondent_id, func.count(Representation.id))
        .where(Representation.consultation_id.in_(ids))
        .group_by(Representation.respondent_id)
    ):
        counted[kinds.get(respondent_id, "residents")] += count
    people = Counter(kinds.values())
    statement.respondents = len(kinds)
    statement.by_type = [(kind.label, people[kind], counted[kind]) for kind in RespondentType]


def _by_part(statement: ConsultationStatement) -> None:
    ids = statement.scope.ids
    rows = db.session.execute(
        select(Part.ref, Part.title, Representation.nature, func.count(Representation.id))
        .select_from(Representation)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id.in_(ids))
        .group_by(Part.ref, Part.title, Part.position, Representation.nature)
        .order_by(Part.position, Part.ref)
    ).all()
    table: dict[str, Counter] = {}
    for ref, title, nature, count in rows:
        label = (f"{ref}: {title}" if title else ref) if ref else "The plan as a whole"
        table.setdefault(label, Counter())[nature] += count
    statement.by_part = [
        (label, c["support"], c["object"], c["comment"], sum(c.values())) for label, c in table.items()
    ]


def _grouped(column, ids: list[int]) -> list[tuple[str, int]]:
    return [
        tuple(row)
        for row in db.session.execute(
            select(column, func.count(Representation.id))
            .where(Representation.consultation_id.in_(ids))
            .group_by(column)
            .order_by(func.count(Representation.id).desc(), column)
        )
    ]


def _listed(condition, ids: list[int]) -> list[Representation]:
    query = (
        select(Representation)
        .where(Representation.consultation_id.in_(ids), condition)
        .options(joinedload(Representation.respondent), joinedload(Representation.part))
        .order_by(Representation.respondent_id, Representation.number)
    )
    return list(db.session.scalars(query))


def build(scope: Scope, invitation_limit: int | None = INVITATION_ROWS_SHOWN) -> ConsultationStatement:
    statement = ConsultationStatement(scope=scope)
    ids = scope.ids
    if not ids:
        return statement
    _invitations(statement, invitation_limit)
    statement.representations = db.session.scalar(
        select(func.count(Representation.id)).where(Representation.consultation_id.in_(ids))
    )
    statement.by_channel = _grouped(Representation.channel, ids)
    statement.by_nature = _grouped(Representation.nature, ids)
    _types(statement)
    _by_part(statement)
    statement.late = _listed(Representation.late.is_(True), ids)
    statement.withdrawn = _listed(Representation.status == "withdrawn", ids)
    statement.main_issues = list(
        db.session.scalars(
            select(MainIssue)
            .where(MainIssue.consultation_id.in_(ids))
            .options(selectinload(MainIssue.representations), joinedload(MainIssue.consultation))
            .order_by(MainIssue.consultation_id, MainIssue.position, MainIssue.id)
        )
    )
    return statement
