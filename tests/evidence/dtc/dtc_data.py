"""A small co-operation record for the DtC table tests: a plan, bodies, engagements, an invitation and
representations. Returns the objects by name so tests can check rows against the database."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from sqlalchemy import select

from engage.extensions import db
from engage.models import (
    Action,
    Category,
    Consultation,
    Engagement,
    Invitation,
    Register,
    Representation,
    Respondent,
    Stakeholder,
    StrategicMatter,
)
from tests.factories import create_authority, create_plan


def _stakeholder(kind="organisation", name="", first="", last="", categories=(), registers=(), organisation=None):
    stakeholder = Stakeholder(kind=kind, organisation_name=name, first_name=first, last_name=last)
    db.session.add(stakeholder)
    stakeholder.organisation = organisation
    stakeholder.categories = list(db.session.scalars(select(Category).where(Category.slug.in_(categories))))
    stakeholder.registers = list(db.session.scalars(select(Register).where(Register.slug.in_(registers))))
    stakeholder.refresh_search_fields()
    return stakeholder


def matter(slug: str) -> StrategicMatter:
    return db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == slug))


def engagement(plan, authority, when, stakeholders, matters=(), status="held", **fields) -> Engagement:
    item = Engagement(
        plan=plan,
        title=fields.pop("title", "Officer liaison meeting"),
        kind=fields.pop("kind", "meeting"),
        status=status,
        starts_at=when,
        lead_authority=authority,
        **fields,
    )
    item.stakeholders = list(stakeholders)
    item.matters = [matter(slug) for slug in matters]
    db.session.add(item)
    return item


def build(plan=None) -> SimpleNamespace:
    """The record; `plan` (with reg-18 and submission stages) is used when given, else a new one is made."""
    plan = plan or create_plan()
    wbc = create_authority("WBC")
    dbc = create_authority("DBC", "Dacorum Borough Council")
    stage_18 = next(s for s in plan.stages if s.slug == "reg-18")
    ea = _stakeholder(name="Environment Agency", categories=["specific-consultation-body", "dtc-prescribed-body"])
    officer = _stakeholder("person", first="Priya", last="Shah", organisation=ea)
    neighbour = _stakeholder(name="Central Bedfordshire Council", registers=["neighbouring-authorities"])
    resident = _stakeholder("person", first="Rob", last="Resident", categories=["resident"])
    db.session.flush()
    first = engagement(
        plan,
        wbc,
        datetime(2026, 3, 10, 10, tzinfo=UTC),
        [ea, officer, resident],
        ["water-and-flood-risk", "housing-need"],
        plan_stage=stage_18,
        level="senior-officer",
        summary="Asked for the flood risk sequential test method",
        outcome="Method agreed",
        agreement="agreed",
        influence_on_plan="Policy CC2 rewritten",
        evidence_url="https://example.org/minutes/1.pdf",
        examination_library_reference="EL-7",
    )
    first.actions = [Action(description="Send SFRA draft", owner_authority=dbc, due_on=date(2026, 4, 1))]
    later = engagement(
        plan,
        dbc,
        datetime(2027, 7, 2, 9, tzinfo=UTC),
        [neighbour],
        ["housing-need"],
        agreement="ongoing",
        level="member",
    )
    planned = engagement(plan, wbc, datetime(2026, 5, 1, 9, tzinfo=UTC), [ea], ["green-belt"], status="planned")
    consultation = Consultation(
        plan=plan,
        slug="dtc-test-reg-19",
        title="Regulation 19 publication",
        stage="reg-19",
        opens_at=datetime(2027, 1, 11, 9, tzinfo=UTC),
        closes_at=datetime(2027, 2, 22, 23, 59, tzinfo=UTC),
        published=True,
    )
    db.session.add(consultation)
    db.session.flush()
    invitation = Invitation(
        consultation=consultation,
        stakeholder=officer,
        method="email",
        status="sent",
        sent_at=datetime(2027, 1, 11, 9, 30, tzinfo=UTC),
    )
    respondent = Respondent(consultation=consultation, stakeholder=ea, organisation="Environment Agency")
    public = Respondent(consultation=consultation, first_name="Ann", last_name="Other")
    db.session.add_all([invitation, respondent, public])
    db.session.flush()
    representation = Representation(
        consultation=consultation,
        respondent=respondent,
        number=1,
        received_at=datetime(2027, 2, 1, 12, tzinfo=UTC),
        nature="object",
        sound="no",
        unsound_tests=["justified"],
        dtc_compliant="yes",
        comment="Flood risk evidence",
    )
    anonymous = Representation(
        consultation=consultation,
        respondent=public,
        number=1,
        received_at=datetime(2027, 2, 2, 12, tzinfo=UTC),
        nature="support",
        comment="Good plan",
    )
    db.session.add_all([representation, anonymous])
    db.session.commit()
    return SimpleNamespace(
        plan=plan,
        ea=ea,
        officer=officer,
        neighbour=neighbour,
        resident=resident,
        first=first,
        later=later,
        planned=planned,
        consultation=consultation,
        invitation=invitation,
        representation=representation,
        anonymous=anonymous,
        wbc=wbc,
        dbc=dbc,
    )
