"""Engagement summaries for a period: per partner authority (what it led and the actions it owns) and per
stakeholder (every engagement, invitation and representation), with CSV files of the same rows."""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload

from engage.common.dates import LONDON
from engage.engagements.queries import with_details
from engage.evidence.dashboard.queries import Period
from engage.evidence.milestones import after_submission
from engage.extensions import db
from engage.models import (
    Action,
    Authority,
    Consultation,
    Engagement,
    Invitation,
    Representation,
    Respondent,
    Stakeholder,
    engagement_stakeholder,
)
from engage.stakeholders.exports import neutralise
from engage.vocab import Agreement, EngagementKind, EngagementStatus, InvitationMethod, InvitationStatus, Level, Nature

TOP_STAKEHOLDERS = 50
ENGAGEMENT_HEAD = ["Date", "Engagement", "Status", "Kind", "Level", "Lead authority", "Stakeholders",
                   "Strategic matters", "Plan stage", "Agreement", "Outcome"]  # fmt: skip
STAKEHOLDER_HEAD = ["Type", "Date", "Reference", "Title", "Strategic matters or part", "Agreement or nature", "Outcome",
                    "After submission"]  # fmt: skip


AUTHORITY_HEAD = [*ENGAGEMENT_HEAD, "After submission"]


def authority_row(engagement: Engagement) -> list:
    """An engagement the authority led, as its summary lists it in every format."""
    return [*engagement_row(engagement), engagement.after_submission]


def engagement_row(engagement: Engagement) -> list:
    return [
        engagement.local_date,
        engagement.title,
        EngagementStatus.label_of(engagement.status),
        EngagementKind.label_of(engagement.kind),
        Level.label_of(engagement.level),
        engagement.lead_authority.name,  # the name, as everywhere a reader sees it
        "; ".join(s.name for s in engagement.stakeholders),
        "; ".join(m.name for m in engagement.matters),
        engagement.plan_stage.name if engagement.plan_stage else "",
        Agreement.label_of(engagement.agreement),
        engagement.outcome,
    ]


@dataclass
class AuthorityLine:
    authority: Authority
    led: int = 0
    held: int = 0
    actions: Counter = field(default_factory=Counter)
    overdue: int = 0


def authority_lines(period: Period, today: date) -> list[AuthorityLine]:
    lines = {a.id: AuthorityLine(a) for a in db.session.scalars(select(Authority).order_by(Authority.name))}
    for authority_id, status, count in db.session.execute(
        select(Engagement.lead_authority_id, Engagement.status, func.count(Engagement.id))
        .where(*period.engagements())
        .group_by(Engagement.lead_authority_id, Engagement.status)
    ):
        lines[authority_id].led += count
        lines[authority_id].held += count if status == "held" else 0
    overdue = func.sum(case((Action.due_on < today, 1), else_=0))
    for authority_id, status, count, late in db.session.execute(
        select(Action.owner_authority_id, Action.status, func.count(Action.id), overdue)
        .join(Engagement, Engagement.id == Action.engagement_id)
        .where(*period.engagements())
        .group_by(Action.owner_authority_id, Action.status)
    ):
        lines[authority_id].actions[status] += count
        lines[authority_id].overdue += (late or 0) if status == "open" else 0
    return [line for line in lines.values() if line.led or line.actions]


def top_stakeholders(period: Period) -> list[tuple[Stakeholder, int]]:
    count = func.count(Engagement.id)
    rows = db.session.execute(
        select(Stakeholder, count)
        .join(engagement_stakeholder, engagement_stakeholder.c.stakeholder_id == Stakeholder.id)
        .join(Engagement, Engagement.id == engagement_stakeholder.c.engagement_id)
        .where(*period.engagements())
        .group_by(Stakeholder.id)
        .order_by(count.desc(), Stakeholder.sort_name)
        .limit(TOP_STAKEHOLDERS)
    ).all()
    return [(stakeholder, n) for stakeholder, n in rows]


def authority_engagements(authority: Authority, period: Period) -> list[Engagement]:
    query = with_details(select(Engagement)).where(Engagement.lead_authority_id == authority.id, *period.engagements())
    return list(db.session.scalars(query.order_by(Engagement.starts_at, Engagement.id)).unique())


def authority_actions(authority: Authority, period: Period) -> list[Action]:
    query = (
        select(Action)
        .join(Engagement, Engagement.id == Action.engagement_id)
        .where(Action.owner_authority_id == authority.id, *period.engagements())
        .options(joinedload(Action.engagement))
        .order_by(Action.due_on.is_(None), Action.due_on, Action.id)
    )
    return list(db.session.scalars(query))


@dataclass
class StakeholderSummary:
    stakeholder: Stakeholder
    engagements: list[Engagement]
    invitations: list[Invitation]
    representations: list[Representation]

    @property
    def latest_by_matter(self) -> list[tuple[str, str, date]]:
        """Each strategic matter discussed, with the agreement status of the latest engagement on it."""
        latest = {}
        for engagement in self.engagements:
            for matter in engagement.matters:
                latest[matter.name] = (Agreement.label_of(engagement.agreement, ""), engagement.local_date)
        return [(name, *latest[name]) for name in sorted(latest)]

    def rows(self) -> list[list]:
        """Everything in the period by date: engagements, invitations and representations (dates as dates), each
        saying whether it came after the plan was submitted."""
        rows = [
            ["Engagement", e.local_date, f"E{e.id}", e.title, "; ".join(m.name for m in e.matters),
             Agreement.label_of(e.agreement), e.outcome, e.after_submission]
            for e in self.engagements
        ]  # fmt: skip
        for i in self.invitations:
            day = i.created_at.astimezone(LONDON).date()
            rows.append(["Invitation", day, f"I{i.id}", i.consultation.title, "", InvitationMethod.label_of(i.method),
                         InvitationStatus.label_of(i.status), after_submission(i.consultation.plan, day)])  # fmt: skip
        for r in self.representations:
            day = r.received_at.astimezone(LONDON).date()
            rows.append(["Representation", day, r.reference, r.consultation.title, r.part.label if r.part else "",
                         Nature.label_of(r.nature), "Withdrawn" if r.status == "withdrawn" else "",
                         after_submission(r.consultation.plan, day)])  # fmt: skip
        return sorted(rows, key=lambda row: (row[1], row[0]))


def stakeholder_summary(stakeholder: Stakeholder, period: Period) -> StakeholderSummary:
    start, end = period.bounds
    engagements = db.session.scalars(
        with_details(select(Engagement))
        .join(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
        .where(engagement_stakeholder.c.stakeholder_id == stakeholder.id, *period.engagements())
        .order_by(Engagement.starts_at, Engagement.id)
    ).unique()
    invitations = db.session.scalars(
        select(Invitation)
        .where(Invitation.stakeholder_id == stakeholder.id, Invitation.created_at >= start, Invitation.created_at < end)
        .options(joinedload(Invitation.consultation))
        .order_by(Invitation.created_at)
    )
    representations = db.session.scalars(
        select(Representation)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .join(Consultation, Consultation.id == Representation.consultation_id)
        .where(Respondent.stakeholder_id == stakeholder.id)
        .where(Representation.received_at >= start, Representation.received_at < end)
        .options(joinedload(Representation.part), selectinload(Representation.consultation))
        .order_by(Representation.received_at)
    )
    return StakeholderSummary(stakeholder, list(engagements), list(invitations), list(representations))


def csv_text(head: list[str], rows: list[list]) -> str:
    """A UTF-8 CSV (with a byte order mark, so Excel reads it right); dates as YYYY-MM-DD, true and false as Yes
    and No, cells that could be formulas neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow(head)
    for row in rows:
        writer.writerow([("Yes" if value else "No") if isinstance(value, bool) else neutralise(value) for value in row])
    return buffer.getvalue()
