"""The statement of consultation (Regulation 22(1)(c)) for one consultation or every consultation of a plan, stage
by stage in plan order: for each stage who was invited and how, the representations (duly made ones apart from
late and withdrawn ones, with their breakdowns), and the main issues with the council's response. A stage still
open, or not yet open, is provisional."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from engage.common.dates import format_datetime
from engage.common.ids import parse_id
from engage.evidence.consultation_statement.figures import Figures, figures
from engage.evidence.consultation_statement.invited import Invited, Method, invited, methods
from engage.evidence.consultation_statement.respondents import respondent_type  # noqa: F401 (part of this API)
from engage.extensions import db
from engage.models import Consultation, MainIssue, Plan, Representation, utcnow
from engage.plans import wording as route_wording
from engage.vocab import ConsultationStatus


@dataclass
class Scope:
    """One consultation, or every consultation of a plan, in plan order."""

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

    @property
    def provisional(self) -> bool:
        """Whether any consultation covered is not closed yet, so what is counted will change."""
        return any(c.status != ConsultationStatus.CLOSED for c in self.consultations)

    @property
    def the_plan(self) -> Plan | None:
        """The plan the statement is about, also when it covers one of its consultations."""
        if self.plan is not None:
            return self.plan
        return self.consultations[0].plan if self.consultations else None


def in_plan_order(plan: Plan, consultations: list[Consultation]) -> list[Consultation]:
    """By the position of each consultation's stage among the plan's stages, then by opening time."""
    positions = {stage.slug: stage.position for stage in plan.stages}
    last = max(positions.values(), default=0) + 1
    return sorted(consultations, key=lambda c: (positions.get(c.stage, last), c.opens_at, c.id))


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
    consultations = db.session.scalars(select(Consultation).where(Consultation.plan_id == plan.id)).all()
    return Scope(in_plan_order(plan, list(consultations)), plan)


@dataclass
class Stage:
    """One consultation stage: its own section of the statement."""

    number: int
    consultation: Consultation
    status: str
    invited: Invited
    methods: list[Method]
    figures: Figures
    main_issues: list[MainIssue] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.consultation.stage_name}: {self.consultation.title}"

    @property
    def period(self) -> str:
        c = self.consultation
        return f"{format_datetime(c.opens_at)} to {format_datetime(c.closes_at)}"

    @property
    def raised_in(self) -> dict[int, str]:
        """Each main issue's representations as the statement lists them: a confirmed campaign once, by its name
        and size (a main issue linked to a campaign of thousands would otherwise print thousands of references),
        then the other references."""
        return {issue.id: raised_in(issue) for issue in self.main_issues}

    @property
    def provisional(self) -> bool:
        return self.status != ConsultationStatus.CLOSED

    @property
    def provisional_note(self) -> str:
        if self.status == ConsultationStatus.OPEN:
            return (f"Provisional: this consultation is open until {format_datetime(self.consultation.closes_at)}. "
                    "The figures will change until it closes.")  # fmt: skip
        return "Provisional: this consultation has not opened yet."

    @property
    def asks_legal_questions(self) -> bool:
        """Whether the form asked about legal compliance, soundness and co-operation (the model form does)."""
        return not self.consultation.is_questionnaire


@dataclass
class ConsultationStatement:
    scope: Scope
    wording: route_wording.Wording
    stages: list[Stage] = field(default_factory=list)

    @property
    def provisional(self) -> bool:
        return any(stage.provisional for stage in self.stages)

    @property
    def received(self) -> int:
        return sum(stage.figures.received for stage in self.stages)

    @property
    def duly_made(self) -> int:
        return sum(stage.figures.duly_made for stage in self.stages)


def raised_in(issue: MainIssue) -> str:
    campaigns: dict[int, list] = {}
    others = []
    for representation in issue.representations:
        campaign = representation.campaign
        if campaign is not None and campaign.confirmed:
            campaigns.setdefault(campaign.id, [campaign.name, 0])[1] += 1
        else:
            others.append(representation.reference)
    named = [
        f"{name} (campaign: {count:,} representation{'s' if count > 1 else ''})" for name, count in campaigns.values()
    ]
    return ", ".join(named + others)


def _main_issues(consultation_id: int) -> list[MainIssue]:
    return list(
        db.session.scalars(
            select(MainIssue)
            .where(MainIssue.consultation_id == consultation_id)
            .options(
                selectinload(MainIssue.representations).selectinload(Representation.campaign),
                selectinload(MainIssue.part),
                joinedload(MainIssue.consultation),
            )
            .order_by(MainIssue.position, MainIssue.id)
        )
    )


def build(scope: Scope, now: datetime | None = None) -> ConsultationStatement:
    now = now or utcnow()
    wording = route_wording.for_plan(scope.the_plan)
    statement = ConsultationStatement(scope=scope, wording=wording)
    for number, consultation in enumerate(scope.consultations, start=1):
        statement.stages.append(
            Stage(
                number=number,
                consultation=consultation,
                status=consultation.status_at(now),
                invited=invited(consultation.id),
                methods=methods(consultation.id),
                figures=figures(consultation.id, wording),
                main_issues=_main_issues(consultation.id),
            )
        )
    return statement
