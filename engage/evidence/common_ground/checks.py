"""What an inspector would question in a Statement of Common Ground: a version agreed, signed or signed by a party
after the plan was submitted, parties still to sign, and a matter the statement calls agreed where the latest
held engagement with that party on it records something else."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased, selectinload

from engage.common.dates import LONDON, format_date
from engage.evidence.milestones import after_submission, submission_date
from engage.extensions import db
from engage.models import (
    CommonGround,
    CommonGroundParty,
    CommonGroundVersion,
    Engagement,
    Stakeholder,
    engagement_matter,
    engagement_stakeholder,
)
from engage.vocab import Agreement

AGREED = "agreed"


@dataclass(frozen=True)
class Contradiction:
    """The statement says a party agrees on a matter; the latest engagement with them on it says otherwise."""

    party: str
    matter: str
    engagement_id: int
    engagement_title: str
    engagement_date: date
    agreement: str

    @property
    def message(self) -> str:
        return (
            f"The statement records {self.party} as agreed on {self.matter}, but the latest engagement with them "
            f"on it ({self.engagement_title}, {format_date(self.engagement_date)}) records "
            f"“{Agreement.label_of(self.agreement).lower()}”"
        )


def submitted_on(version: CommonGroundVersion) -> date | None:
    return submission_date(version.statement.plan)


def timing_flags(version: CommonGroundVersion) -> list[str]:
    """Dates on the version that fall after the plan's submission."""
    plan = version.statement.plan
    flags = []
    for what, day in (("agreed", version.agreed_on), ("signed", version.signed_on)):
        if after_submission(plan, day):
            flags.append(f"Version {version.number} was {what} on {format_date(day)}, after the plan was submitted")
    for signature in version.signatures:
        if after_submission(plan, signature.signed_on):
            flags.append(
                f"{signature.organisation} signed on {format_date(signature.signed_on)}, after the plan was submitted"
            )
    late = _engagements_after_submission(version)
    if late:
        flags.append(
            f"{late} held engagement{'s' if late > 1 else ''} on this statement's matters after the plan was submitted"
        )
    return flags


def _engagements_after_submission(version: CommonGroundVersion) -> int:
    submitted = submitted_on(version)
    if submitted is None or not version.matters:
        return 0
    next_day = datetime.combine(submitted + timedelta(days=1), time(0, 0), LONDON)
    on_matters = select(engagement_matter.c.engagement_id).where(
        engagement_matter.c.matter_id.in_([m.matter_id for m in version.matters])
    )
    query = select(func.count(Engagement.id)).where(
        Engagement.status == "held", Engagement.starts_at >= next_day, Engagement.id.in_(on_matters)
    )
    if version.statement.plan_id:
        query = query.where(Engagement.plan_id == version.statement.plan_id)
    return db.session.scalar(query) or 0


def _said_position(version: CommonGroundVersion, party: CommonGroundParty, matter_id: int) -> str:
    """The party's own position on the matter, or the statement's where none is recorded for the party."""
    row = next((m for m in version.matters if m.matter_id == matter_id), None)
    return party.position_on(matter_id) or (row.position_status if row else "")


def _latest_agreement(party: CommonGroundParty, matter_id: int, plan_id: int | None) -> Engagement | None:
    """The latest held engagement with the party on the matter that recorded an agreement status."""
    conditions = []
    attendee = aliased(Stakeholder)
    if party.stakeholder_id:
        conditions += [attendee.id == party.stakeholder_id, attendee.organisation_id == party.stakeholder_id]
    if party.authority_id:
        conditions.append(attendee.authority_id == party.authority_id)
    if not conditions:
        return None
    with_party = (
        select(engagement_stakeholder.c.engagement_id)
        .join(attendee, attendee.id == engagement_stakeholder.c.stakeholder_id)
        .where(or_(*conditions))
    )
    on_matter = select(engagement_matter.c.engagement_id).where(engagement_matter.c.matter_id == matter_id)
    query = select(Engagement).where(
        Engagement.status == "held",
        Engagement.agreement != "n-a",
        Engagement.id.in_(with_party),
        Engagement.id.in_(on_matter),
    )
    if plan_id:
        query = query.where(or_(Engagement.plan_id == plan_id, Engagement.plan_id.is_(None)))
    return db.session.scalar(query.order_by(Engagement.starts_at.desc(), Engagement.id.desc()).limit(1))


def contradictions(version: CommonGroundVersion) -> list[Contradiction]:
    found = []
    for party in version.parties:
        for row in version.matters:
            if _said_position(version, party, row.matter_id) != AGREED:
                continue
            latest = _latest_agreement(party, row.matter_id, version.statement.plan_id)
            if latest is not None and latest.agreement != AGREED:
                found.append(
                    Contradiction(
                        party.name, row.matter.name, latest.id, latest.title, latest.local_date, latest.agreement
                    )
                )
    return found


@dataclass
class StatementWarnings:
    """What to put right in a statement's latest version before submission."""

    version: CommonGroundVersion
    unsigned: list[CommonGroundParty]
    contradictions: list[Contradiction]
    timing: list[str]


def statement_warnings() -> list[StatementWarnings]:
    """For each statement, its latest version's parties still to sign, contradicted agreements and late dates."""
    found = []
    statements = db.session.scalars(
        select(CommonGround).options(selectinload(CommonGround.versions)).order_by(CommonGround.title)
    )
    for statement in statements:
        version = statement.latest
        if version is None or version.status == "superseded":
            continue
        unsigned = [party for party in version.parties if version.signature_for(party) is None]
        warnings = StatementWarnings(version, unsigned, contradictions(version), timing_flags(version))
        if warnings.unsigned or warnings.contradictions or warnings.timing:
            found.append(warnings)
    return found
