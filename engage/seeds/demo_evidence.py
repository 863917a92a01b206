"""A demo Statement of Common Ground for the JSP, in the shape of Annex 4 of the 2018 'next steps' paper.

Built through the same services officers use. Idempotent: skipped when a statement with the title exists.
"""

from sqlalchemy import select

from engage.evidence.common_ground import services as scg_services
from engage.extensions import db
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


def load_demo_evidence() -> None:
    if db.session.scalar(select(CommonGround.id).where(CommonGround.title == TITLE)):
        return
    statement = scg_services.create_statement({"title": TITLE, "plan": "swh-jsp", "lead_authority": "WBC", **TEXT})
    version = statement.latest
    for slug, position, narrative in MATTERS:
        scg_services.set_matter(version, {"matter": slug, "position_status": position, "narrative": narrative})
    for code in PARTIES:
        scg_services.add_party(
            version,
            {"authority": code, "signatory_role": "Portfolio holder for planning", "matters": [m[0] for m in MATTERS]},
        )
