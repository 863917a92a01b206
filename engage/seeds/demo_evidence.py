"""Demo Statements of Common Ground for the JSP, in the shape of Annex 4 of the 2018 'next steps' paper: the
partners' statement (version 1 signed by all six, version 2 agreed and partly signed, with each party's position
and Hertsmere's disagreement on the Green Belt), and one with Buckinghamshire on unmet need.

Built through the same services officers use, with the dates written on the documents. Idempotent: a statement
whose title exists is skipped.
"""

from datetime import date, datetime, timedelta

from sqlalchemy import select

from engage.common.dates import LONDON
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing, versions
from engage.extensions import db
from engage.models import Plan
from engage.models.evidence import CommonGround

TITLE = "South West Hertfordshire Statement of Common Ground"

TEXT = {
    "area_description": "The administrative areas of Dacorum, Hertsmere, St Albans, Three Rivers and Watford, "
    "which together form the South West Hertfordshire housing market area and functional economic market area, "
    "with Hertfordshire County Council as highway, education, minerals and waste authority.",
    "strategic_context": "The five councils and the county council agreed in 2018 to prepare a statutory Joint "
    "Strategic Plan to address housing growth, jobs and infrastructure across the area together.",
    "housing_requirement": "Local housing need for each authority, calculated with the standard method, and the "
    "unmet need that any authority cannot meet within its own area.",
    "housing_distribution": "How need is to be distributed between the authorities, to be set out in the Joint "
    "Strategic Plan following the Green Belt review and the infrastructure evidence.",
    "evidence_base": "Joint Strategic Housing Market Assessment, Green Belt review, strategic transport modelling, "
    "infrastructure delivery plan and viability assessment, commissioned jointly.",
    "governance": "Strategic Planning Members Group (portfolio holders) gives political leadership; the Strategic "
    "Planning Officers Group of lead officers supports it; a project manager co-ordinates the work.",
    "timetable": "Reviewed at each plan stage and at least once a year, and before submission for examination.",
    "risks": "Changes of political leadership after elections; resourcing across six authorities; delay to "
    "individual local plans; government intervention.",
    "monitoring_indicators": "Housing completions against requirement; delivery of strategic infrastructure; "
    "progress against the Local Development Schemes.",
    "review_arrangements": "The Strategic Planning Officers Group keeps the statement under review and reports "
    "changes to the Members Group.",
}

MATTERS = [
    ("housing-need", "ongoing", "Need is agreed in principle; distribution awaits the Green Belt review."),
    ("green-belt", "ongoing", "A joint Green Belt review is being commissioned."),
    ("transport", "agreed", "Strategic transport modelling is shared and led by the county council."),
    ("infrastructure-funding", "ongoing", "Joint bids for infrastructure funding are being explored."),
]

PARTIES = ["DBC", "HBC", "SADC", "TRDC", "WBC", "HCC"]
SIGNATORIES = {  # signatories named by their role
    "DBC": "Portfolio Holder for Planning",
    "HBC": "Portfolio Holder for Planning",
    "SADC": "Portfolio Holder for Planning",
    "TRDC": "Lead Member for Infrastructure and Planning",
    "WBC": "Portfolio Holder for Planning",
    "HCC": "Executive Member for Growth, Infrastructure, Planning and the Economy",
}
# Version 2: the Green Belt review is done and transport agreed; Hertsmere does not agree the Green Belt approach.
CHANGE_LOG = (
    "Updated after the joint Green Belt review and the strategic transport modelling: Green Belt and transport "
    "positions recorded for each party; Hertsmere's disagreement on the Green Belt approach recorded."
)
VERSION_2_MATTERS = [
    (
        "green-belt",
        "not-agreed",
        "Five parties agree the joint Green Belt review's approach; Hertsmere does not, "
        "and prefers a review of its own boundaries first.",
    ),
    ("transport", "agreed", "The strategic transport modelling is agreed by all parties."),
]
NEIGHBOUR_TITLE = "Statement of Common Ground: Dacorum Borough Council and Buckinghamshire Council"

# Days after the plan's first stage began on which each step was taken (the dates written on the documents).
AGREED_1, SIGNED_1, AGREED_2 = 120, 140, 300


def load_demo_evidence() -> None:
    plan = db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp"))
    start = plan.stages[0].starts_on if plan and plan.stages and plan.stages[0].starts_on else None
    if start is None:
        return
    today = datetime.now(LONDON).date()
    if not db.session.scalar(select(CommonGround.id).where(CommonGround.title == TITLE)):
        _partners_statement(start, today)
    if not db.session.scalar(select(CommonGround.id).where(CommonGround.title == NEIGHBOUR_TITLE)):
        _neighbour_statement(start, today)


def _partners_statement(start: date, today: date) -> None:
    statement = scg_services.create_statement({"title": TITLE, "plan": "swh-jsp", "lead_authority": "WBC", **TEXT})
    version = statement.latest
    for slug, position, narrative in MATTERS:
        scg_services.set_matter(version, {"matter": slug, "position_status": position, "narrative": narrative})
    for code in PARTIES:
        scg_services.add_party(
            version,
            {"authority": code, "signatory_name": SIGNATORIES[code], "matters": [m[0] for m in MATTERS]},
        )
    agreed = start + timedelta(days=AGREED_1)
    if agreed > today:
        return
    signing.change_status(version, "agreed", agreed, today)
    for number, party in enumerate(version.parties):
        signing.add_signature(version, {"party": party.id, "signed_on": agreed + timedelta(days=3 + 3 * number)}, today)
    signing.change_status(version, "signed", start + timedelta(days=SIGNED_1), today)
    _second_version(statement, start, today)


def _second_version(statement, start: date, today: date) -> None:
    version = versions.start_new_version(statement, {"change_log": CHANGE_LOG})
    for slug, position, narrative in VERSION_2_MATTERS:
        scg_services.set_matter(version, {"matter": slug, "position_status": position, "narrative": narrative})
    for party in version.parties:
        green_belt = "not-agreed" if party.authority and party.authority.code == "HBC" else "agreed"
        positions = {"green-belt": green_belt, "transport": "agreed", "housing-need": "ongoing"}
        scg_services.set_positions(version, party, positions)
    agreed = start + timedelta(days=AGREED_2)
    if agreed > today:
        return
    signing.change_status(version, "agreed", agreed, today)
    for number, party in enumerate(version.parties[:4]):  # two parties still to sign
        day = agreed + timedelta(days=2 + 2 * number)
        if day <= today:
            signing.add_signature(version, {"party": party.id, "signed_on": day}, today)


def _neighbour_statement(start: date, today: date) -> None:
    """Agreed with Buckinghamshire on unmet need, though the latest meeting with them recorded no agreement: the
    pre-submission warnings show it."""
    statement = scg_services.create_statement(
        {
            "title": NEIGHBOUR_TITLE,
            "plan": "swh-jsp",
            "lead_authority": "DBC",
            "area_description": "Dacorum and the adjoining area of Buckinghamshire, across the Chilterns.",
            "strategic_context": "Unmet housing need and the Green Belt on the shared boundary.",
        }
    )
    version = statement.latest
    scg_services.set_matter(version, {"matter": "housing-need", "position_status": "agreed", "narrative": ""})
    scg_services.set_matter(version, {"matter": "green-belt", "position_status": "ongoing", "narrative": ""})
    for code, role in (("DBC", "Portfolio Holder for Planning"), ("BUCKS", "Cabinet Member for Planning")):
        scg_services.add_party(version, {"authority": code, "signatory_name": role, "matters": ["housing-need"]})
    agreed = start + timedelta(days=60)
    if agreed <= today:
        signing.change_status(version, "agreed", agreed, today)
