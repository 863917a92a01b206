"""Demo communications strategy, engagements and actions, from seed 000_9252f2b10dbd113a.txt.

Recommendation 8 (who the communications strategy must reach) becomes strategy entries; the workshop of
23 January 2018 and its agreed next steps become held engagements and follow-up actions with the lead
authorities named there. The demo plan's timeline starts in 2026, so the workshop and what followed are dated in
its first stage. Idempotent: entries and engagements are matched by title and nothing is added twice.
"""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from engage.common.dates import LONDON
from engage.engagements.rules import current_plan
from engage.engagements.services import log_engagement
from engage.extensions import db
from engage.models import Engagement, Register, Stakeholder, StrategyEntry, register_membership
from engage.strategy import schedule
from engage.strategy.services import create_entry

KEY_MESSAGES = (
    "Planning strategically for South West Hertfordshire while keeping local decision-making. "
    "A strategy-led, not numbers-led, plan: the future role of the Green Belt, infrastructure delivery, "
    "viability, affordable housing and housing mix. One agreed position on growth to Government."
)

# (title, register, mechanism, cadence, stages, lead, owner, level, first date, time, key messages)
STRATEGY = [
    (
        "Members’ forum",
        "members-forum",
        "members-forum-meeting",
        "per-stage",
        [],
        "DBC",
        "Strategic Planning Members Group",
        "member",
        date(2026, 1, 12),
        time(18, 30),
        "A cross-party sounding board at key stages. " + KEY_MESSAGES,
    ),
    (
        "Member updates and workshops",
        "members-forum",
        "member-update",
        "quarterly",
        [],
        "DBC",
        "JSP communications lead",
        "member",
        date(2026, 2, 2),
        time(18, 0),
        "Regular updates for all councillors to secure cross-party ownership. " + KEY_MESSAGES,
    ),
    (
        "Statutory consultees",
        "statutory-consultees",
        "officer-liaison",
        "quarterly",
        ["reg-18", "reg-19"],
        "TRDC",
        "Strategic Planning Officers Group",
        "officer",
        date(2026, 2, 9),
        time(10, 0),
        "Buy-in from statutory bodies as the plan develops.",
    ),
    (
        "Strategic stakeholders",
        "strategic-stakeholders",
        "officer-liaison",
        "quarterly",
        ["reg-18", "reg-19"],
        "HCC",
        "Strategic Planning Officers Group",
        "senior-officer",
        date(2026, 2, 16),
        time(10, 0),
        "Buy-in from bodies with a role in delivering the plan: infrastructure, utilities, the LEP.",
    ),
    (
        "Local MPs",
        "mps",
        "mp-briefing",
        "per-stage",
        [],
        "HBC",
        "Leaders of the partner councils",
        "member",
        date(2026, 1, 12),
        time(9, 30),
        "Why the JSP is being prepared and the long-term approach to a coherent, robust strategy.",
    ),
    (
        "Government departments",
        "government-departments",
        "government-meeting",
        "quarterly",
        [],
        "WBC",
        "Strategic Planning Officers Group",
        "senior-officer",
        date(2026, 2, 17),
        time(11, 0),
        "Additional funding to deliver the JSP; an early meeting with MHCLG.",
    ),
    (
        "Neighbouring authorities",
        "neighbouring-authorities",
        "officer-liaison",
        "quarterly",
        [],
        "SADC",
        "Strategic Planning Officers Group",
        "officer",
        date(2026, 3, 2),
        time(14, 0),
        "Cross-boundary issues with the areas next to the JSP area.",
    ),
    (
        "Press releases",
        "general-consultees",
        "press-release",
        "per-stage",
        [],
        "DBC",
        "JSP communications lead",
        "officer",
        date(2026, 1, 12),
        time(9, 0),
        "A consistent approach to announcing decisions on the JSP and the benefits of joint working.",
    ),
]

WORKSHOP = "Lead councillors’ and officers’ workshop: what joint planning means for SW Herts"
# (description, owner, due days after the workshop)
WORKSHOP_ACTIONS = [
    ("Set up a meeting with Government (MHCLG) at the appropriate level", "WBC", 21),
    ("Discuss with the EELGA what support it can offer the JSP process", "DBC", 28),
    ("Draft a memorandum of understanding: commitment, finances and staff", "SADC", 28),
    ("Report the memorandum of understanding to committees; all parties to confirm", "SADC", 60),
    ("Set up a briefing for local MPs", "HBC", 45),
    ("Audit skills and resources across SW Herts and find the gaps", "TRDC", 60),
    ("Agree the communications strategy and circulate a draft press release", "DBC", 14),
    ("Establish the formal member and officer groups", "HCC", 30),
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LONDON)


def _people(register_slug: str, limit: int) -> list[int]:
    query = (
        select(Stakeholder.id)
        .join(register_membership, register_membership.c.stakeholder_id == Stakeholder.id)
        .join(Register, Register.id == register_membership.c.register_id)
        .where(Register.slug == register_slug, Stakeholder.erased_at.is_(None))
        .order_by(Stakeholder.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def _organisation(name: str) -> list[int]:
    found = db.session.scalar(select(Stakeholder.id).where(Stakeholder.organisation_name == name).limit(1))
    return [found] if found else []


def _engagements(workshop_day: date) -> list[dict]:
    actions = [
        {"description": text, "owner": owner, "due_on": workshop_day + timedelta(days=days)}
        for text, owner, days in WORKSHOP_ACTIONS
    ]
    mhclg = _organisation("Ministry of Housing, Communities and Local Government")
    return [
        dict(
            title=WORKSHOP,
            kind="workshop",
            starts_at=_at(workshop_day, 10),
            ends_at=_at(workshop_day, 13),
            lead_authority="WBC",
            level="member",
            stakeholders=_people("members-forum", 6),
            matters=["housing-need", "green-belt", "infrastructure-funding", "affordable-housing"],
            summary="Whether to use the Statement of Common Ground to progress a statutory Joint Strategic Plan.",
            outcome="All six authorities agreed the principle of a JSP and to aim for an initial SCG within months.",
            agreement="agreed",
            influence_on_plan="Set the JSP's strategy-led approach and its governance.",
            _actions=actions,
        ),
        dict(
            title="Press release: councils commit to a joint strategic plan",
            kind="press",
            starts_at=_at(workshop_day + timedelta(days=7), 9),
            lead_authority="DBC",
            level="officer",
            summary="Consistent announcement of the decision to work on a JSP.",
            outcome="Published by all six.",
            agreement="n-a",
            matters=["housing-need"],
            incomplete_reason="A press release to the local media: no one attended.",
        ),
        dict(
            title="Initial meeting with MHCLG",
            kind="meeting",
            starts_at=_at(workshop_day + timedelta(days=21), 11),
            lead_authority="WBC",
            level="senior-officer",
            stakeholders=mhclg,
            matters=["housing-need", "infrastructure-funding"],
            summary="Explained the JSP and asked about funding and freedoms and flexibilities.",
            outcome="MHCLG welcomed the approach; asked for the timetable and the MoU.",
            agreement="ongoing",
            _actions=[
                {
                    "description": "Send MHCLG the JSP timetable and signed MoU",
                    "owner": "WBC",
                    "due_on": workshop_day + timedelta(days=50),
                }
            ],
        ),
        dict(
            title="Briefing for local MPs on the joint strategic plan",
            kind="briefing",
            status="planned",
            starts_at=_at(workshop_day + timedelta(days=66), 9, 30),
            lead_authority="HBC",
            level="member",
            stakeholders=_people("mps", 5),
            matters=["housing-need", "green-belt"],
            outcome="",
            agreement="n-a",
            summary="Why the JSP is being prepared and the long-term approach.",
        ),
    ]


# Duty-to-co-operate meetings with prescribed bodies and neighbours during the first stage:
# (title, body, days after the workshop, lead, level, matters, summary, outcome, agreement, influence)
COOPERATION = [
    (
        "Water cycle study scoping with the Environment Agency",
        "Environment Agency",
        35,
        "DBC",
        "officer",
        ["water-and-flood-risk", "utilities"],
        "Asked for flood risk and water quality evidence to inform site options.",
        "Agreed the scope of a joint water cycle study.",
        "agreed",
        "Sites in flood zones 2 and 3 screened out.",
    ),
    (
        "Strategic road network modelling with National Highways",
        "National Highways",
        42,
        "HCC",
        "senior-officer",
        ["transport"],
        "Shared growth scenarios for the M1 and M25 junctions.",
        "Modelling method agreed; mitigation at M25 junction 21a still under discussion.",
        "ongoing",
        "",
    ),
    (
        "Green infrastructure and Chilterns Beechwoods with Natural England",
        "Natural England",
        49,
        "SADC",
        "officer",
        ["green-infrastructure"],
        "Asked how growth can avoid recreational pressure on protected habitats.",
        "Agreed to prepare a mitigation strategy together.",
        "agreed",
        "Policy on strategic green infrastructure.",
    ),
    (
        "Historic environment evidence with Historic England",
        "Historic England",
        56,
        "TRDC",
        "officer",
        ["historic-environment"],
        "Offered the heritage impact assessment method for site options.",
        "Method accepted with comments on setting.",
        "agreed",
        "",
    ),
    (
        "Health infrastructure with the Integrated Care Board",
        "Hertfordshire and West Essex Integrated Care Board",
        63,
        "WBC",
        "senior-officer",
        ["health", "infrastructure-funding"],
        "Asked for primary care capacity at the growth locations.",
        "No capacity figures yet.",
        "no-response",
        "",
    ),
    (
        "Unmet housing need with Buckinghamshire Council",
        "Buckinghamshire Council",
        70,
        "DBC",
        "member",
        ["housing-need", "green-belt"],
        "Asked whether Buckinghamshire could meet any of the area's need.",
        "Buckinghamshire cannot meet need from South West Hertfordshire.",
        "not-agreed",
        "",
    ),
    (
        "Water resources with Affinity Water",
        "Affinity Water",
        77,
        "HBC",
        "officer",
        ["utilities"],
        "Shared housing trajectories for the Water Resources Management Plan.",
        "Supply can be planned for.",
        "agreed",
        "",
    ),
]


def _cooperation(workshop_day: date) -> list[dict]:
    rows = []
    for title, body, days, lead, level, matters, summary, outcome, agreement, influence in COOPERATION:
        rows.append(
            dict(
                title=title,
                kind="meeting",
                starts_at=_at(workshop_day + timedelta(days=days), 14),
                ends_at=_at(workshop_day + timedelta(days=days), 15, 30),
                lead_authority=lead,
                level=level,
                stakeholders=_organisation(body),
                matters=matters,
                summary=summary,
                outcome=outcome,
                agreement=agreement,
                influence_on_plan=influence,
            )
        )
    return rows


def _load_strategy(plan) -> None:
    existing = set(db.session.scalars(select(StrategyEntry.title)))
    slugs = {stage.slug for stage in plan.stages}
    for row in STRATEGY:
        title, register, mechanism, cadence, stages, lead, owner, level, first, at, messages = row
        if title in existing:
            continue
        entry = create_entry(
            dict(
                title=title,
                register=register,
                mechanism=mechanism,
                cadence=cadence,
                lead_authority=lead,
                stages=[s for s in stages if s in slugs],
                owner=owner,
                level=level,
                starts_on=first,
                time_of_day=at,
                key_messages=messages,
                ends_on=date(2027, 12, 31),
            ),
            commit=False,
        )
        entry.source = "Recommendation 8, Planning Strategically in South West Hertfordshire (February 2018)"
        schedule.generate(entry, commit=False)


def load_demo_engagement() -> None:
    plan = current_plan()
    if plan is None or not plan.stages or plan.stages[0].starts_on is None:
        return
    workshop_day = plan.stages[0].starts_on + timedelta(days=8)
    existing = set(db.session.scalars(select(Engagement.title).where(Engagement.strategy_entry_id.is_(None))))
    for row in _engagements(workshop_day) + _cooperation(workshop_day):
        actions = row.pop("_actions", [])
        unattended = not row.get("stakeholders") and not row.get("incomplete_reason")
        if row["title"] not in existing and not unattended:  # a body missing from the registers: nothing to log
            log_engagement({"status": "held", **row}, actions=actions, commit=False)
    _load_strategy(plan)
    db.session.commit()
