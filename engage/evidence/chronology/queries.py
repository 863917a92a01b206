"""The chronology of a strategic matter, read from the engagement log and the Statements of Common Ground.

- *First engaged*: for each co-operation body (engage.evidence.dtc.rows: people in an organisation count under it),
  its first held engagement on the matter, the day and the plan stage it was at.
- *Engagements*: every held engagement on the matter, in date order, with who attended, the outcome and
  agreement, the influence on the plan, the evidence and whether it came after the plan was submitted.
- *Positions*: for each Statement of Common Ground whose latest version covers the matter, where the statement
  stands on it and each party's own position (agreed / not agreed / ongoing), from that latest version.
Planned and cancelled engagements are not activity and are left out.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased, selectinload

from engage.evidence.dtc import rows as dtc
from engage.evidence.milestones import after_submission
from engage.extensions import db
from engage.models import (
    CommonGround,
    CommonGroundVersion,
    Engagement,
    Plan,
    Stakeholder,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
)
from engage.vocab import MatterPosition

MAX_ENGAGEMENTS = 2000


@dataclass(frozen=True)
class FirstEngaged:
    body_id: int
    body: str
    day: date
    stage: str
    engagement_id: int
    engagement: str


@dataclass(frozen=True)
class Entry:
    engagement: Engagement
    day: date
    stage: str
    attendees: list[str]
    after_submission: bool


@dataclass(frozen=True)
class PartyPosition:
    party: str
    position: str  # engage.vocab.MatterPosition, or "" when none is recorded


@dataclass(frozen=True)
class StatementPosition:
    statement_id: int
    title: str
    version: CommonGroundVersion
    position: str  # the statement's own position on the matter ("" when its latest version does not cover it)
    narrative: str
    parties: list[PartyPosition]


@dataclass
class Chronology:
    matter: StrategicMatter
    first_engaged: list[FirstEngaged] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    positions: list[StatementPosition] = field(default_factory=list)
    truncated: bool = False
    plan: Plan | None = None

    @property
    def first(self) -> Entry | None:
        return self.entries[0] if self.entries else None


@dataclass(frozen=True)
class MatterLine:
    matter: StrategicMatter
    first_day: date | None
    first_stage: str
    engagements: int
    bodies: int
    positions: Counter


def _stage_name(engagement: Engagement) -> str:
    if engagement.plan_stage is not None:
        return engagement.plan_stage.name
    stage = engagement.plan.stage_on(engagement.local_date) if engagement.plan else None
    return stage.name if stage else ""


def _held_on(matter_id: int):
    on_matter = select(engagement_matter.c.engagement_id).where(engagement_matter.c.matter_id == matter_id)
    return select(Engagement).where(Engagement.status == "held", Engagement.id.in_(on_matter))


def _attendee_names(engagement: Engagement) -> list[str]:
    names = []
    for person in engagement.stakeholders:
        organisation = person.organisation_label
        names.append(f"{person.name} ({organisation})" if organisation and organisation != person.name else person.name)
    return names


def entries(matter: StrategicMatter) -> tuple[list[Entry], bool]:
    """The held engagements on the matter in date order (at most MAX_ENGAGEMENTS), and whether there were more."""
    query = (
        _held_on(matter.id)
        .options(
            selectinload(Engagement.stakeholders),
            selectinload(Engagement.plan_stage),
            selectinload(Engagement.lead_authority),
            selectinload(Engagement.plan),
        )
        .order_by(Engagement.starts_at, Engagement.id)
        .limit(MAX_ENGAGEMENTS + 1)
    )
    found = list(db.session.scalars(query))
    listed = [
        Entry(
            engagement=engagement,
            day=engagement.local_date,
            stage=_stage_name(engagement),
            attendees=_attendee_names(engagement),
            after_submission=after_submission(engagement.plan, engagement.local_date),
        )
        for engagement in found[:MAX_ENGAGEMENTS]
    ]
    return listed, len(found) > MAX_ENGAGEMENTS


def _body_firsts(matter_ids: list[int]) -> dict[int, dict[int, tuple]]:
    """{matter id: {body id: (first start, engagement id)}} over held engagements with co-operation bodies."""
    attendee = aliased(Stakeholder)
    body_id = func.coalesce(attendee.organisation_id, attendee.id)
    query = (
        select(engagement_matter.c.matter_id, body_id, Engagement.starts_at, Engagement.id)
        .select_from(Engagement)
        .join(engagement_matter, engagement_matter.c.engagement_id == Engagement.id)
        .join(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
        .join(attendee, attendee.id == engagement_stakeholder.c.stakeholder_id)
        .where(
            Engagement.status == "held",
            engagement_matter.c.matter_id.in_(matter_ids),
            *dtc.body_conditions(body_id, dtc.DtcFilters()),
        )
        .order_by(Engagement.starts_at.desc(), Engagement.id.desc())
    )
    firsts: dict[int, dict[int, tuple]] = defaultdict(dict)
    for matter_id, body, starts_at, engagement_id in db.session.execute(query):
        firsts[matter_id][body] = (starts_at, engagement_id)  # the earliest is read last
    return firsts


def first_engaged(matter: StrategicMatter) -> list[FirstEngaged]:
    firsts = _body_firsts([matter.id]).get(matter.id, {})
    if not firsts:
        return []
    bodies = {s.id: s.name for s in db.session.scalars(select(Stakeholder).where(Stakeholder.id.in_(firsts)))}
    engagement_ids = {engagement_id for _, engagement_id in firsts.values()}
    engagements = {
        e.id: e
        for e in db.session.scalars(
            select(Engagement).where(Engagement.id.in_(engagement_ids)).options(selectinload(Engagement.plan_stage))
        )
    }
    found = []
    for body, (_, engagement_id) in firsts.items():
        engagement = engagements[engagement_id]
        found.append(
            FirstEngaged(
                body_id=body,
                body=bodies.get(body) or f"Record {body}",
                day=engagement.local_date,
                stage=_stage_name(engagement),
                engagement_id=engagement.id,
                engagement=engagement.title,
            )
        )
    return sorted(found, key=lambda item: (item.day, item.body.lower()))


def positions(matter: StrategicMatter) -> list[StatementPosition]:
    """Each statement's latest version that covers the matter or records a party's position on it."""
    statements = db.session.scalars(
        select(CommonGround).options(selectinload(CommonGround.versions)).order_by(CommonGround.title)
    )
    found = []
    for statement in statements:
        version = statement.latest
        if version is None:
            continue
        covered = next((row for row in version.matters if row.matter_id == matter.id), None)
        parties = [PartyPosition(party.name, party.position_on(matter.id)) for party in version.parties]
        if covered is None and not any(party.position for party in parties):
            continue
        found.append(
            StatementPosition(
                statement_id=statement.id,
                title=statement.title,
                version=version,
                position=covered.position_status if covered else "",
                narrative=covered.narrative if covered else "",
                parties=parties,
            )
        )
    return found


def chronology(matter: StrategicMatter) -> Chronology:
    listed, truncated = entries(matter)
    return Chronology(
        matter=matter,
        first_engaged=first_engaged(matter),
        entries=listed,
        positions=positions(matter),
        truncated=truncated,
        plan=db.session.scalar(select(Plan).order_by(Plan.id)),
    )


def _position_counts() -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    for statement in db.session.scalars(select(CommonGround).options(selectinload(CommonGround.versions))):
        version = statement.latest
        for party in version.parties if version else []:
            for position in party.positions:
                if position.position in MatterPosition.values():
                    counts[position.matter_id][position.position] += 1
    return counts


def overview() -> list[MatterLine]:
    """Every strategic matter: first held engagement (day and stage), how many held engagements and co-operation
    bodies, and the parties' positions in the latest version of each Statement of Common Ground."""
    matters = list(db.session.scalars(select(StrategicMatter).order_by(StrategicMatter.name)))
    held = (
        select(engagement_matter.c.matter_id, Engagement.id, Engagement.starts_at)
        .join(Engagement, Engagement.id == engagement_matter.c.engagement_id)
        .where(Engagement.status == "held")
    ).subquery()
    counts = {
        matter_id: (number, first)
        for matter_id, number, first in db.session.execute(
            select(held.c.matter_id, func.count(held.c.id), func.min(held.c.starts_at)).group_by(held.c.matter_id)
        )
    }
    firsts = _first_engagements(counts)
    bodies = _body_firsts([m.id for m in matters])
    position_counts = _position_counts()
    return [
        MatterLine(
            matter=matter,
            first_day=firsts[matter.id].local_date if matter.id in firsts else None,
            first_stage=_stage_name(firsts[matter.id]) if matter.id in firsts else "",
            engagements=counts.get(matter.id, (0, None))[0],
            bodies=len(bodies.get(matter.id, {})),
            positions=position_counts.get(matter.id, Counter()),
        )
        for matter in matters
    ]


def _first_engagements(counts: dict[int, tuple]) -> dict[int, Engagement]:
    """The first held engagement on each matter (the lowest id among those at the first time)."""
    found: dict[int, Engagement] = {}
    for matter_id, (_, first) in counts.items():
        engagement = db.session.scalar(
            _held_on(matter_id).where(Engagement.starts_at == first).order_by(Engagement.id).limit(1)
        )
        if engagement is not None:
            found[matter_id] = engagement
    return found
