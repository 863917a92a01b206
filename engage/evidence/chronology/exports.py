"""A strategic matter's chronology (engage.evidence.chronology.queries) as a Word document: what it covers, then
the bodies first engaged, the engagements in date order and the Statements of Common Ground positions, each a
table built by the shared Word helpers (engage.common.office)."""

from datetime import datetime

from engage.common import office
from engage.common.dates import format_date
from engage.evidence.chronology.queries import Chronology
from engage.plans import queries as plans
from engage.vocab import Agreement, EngagementKind, MatterPosition

FIRST_HEAD = ["Body", "First engaged", "Plan stage", "Engagement"]
ENGAGEMENT_HEAD = [
    "Date",
    "Engagement",
    "Plan stage",
    "Attendees",
    "Outcome",
    "Agreement",
    "Influence on the plan",
    "Evidence",
    "After submission",
]
POSITION_HEAD = ["Statement", "Version", "Party", "Position"]


def title(chronology: Chronology) -> str:
    return f"Chronology of engagement: {chronology.matter.name}"


def notes(chronology: Chronology) -> list[str]:
    first = chronology.first
    lines = []
    if first is not None:
        stage = f", at the {first.stage} stage" if first.stage else ""
        lines.append(f"First engaged on {format_date(first.day)}{stage}: {first.engagement.title}.")
    lines.append(f"Held engagements: {len(chronology.entries):,}; bodies engaged: {len(chronology.first_engaged):,}.")
    if chronology.truncated:
        lines.append(f"Only the first {len(chronology.entries):,} engagements are listed.")
    lines.append(
        "Positions come from the latest version of each Statement of Common Ground that covers the matter. "
        "Engagements dated after the plan was submitted are marked."
    )
    return lines


def evidence_text(engagement) -> str:
    parts = []
    if engagement.examination_library_reference:
        parts.append(f"Examination library {engagement.examination_library_reference}")
    if engagement.evidence_url:
        parts.append(engagement.evidence_url)
    return "; ".join(parts)


def tables(chronology: Chronology) -> list[office.Table]:
    first = [[item.body, item.day, item.stage, item.engagement] for item in chronology.first_engaged]
    entries = [
        [
            entry.day,
            f"{entry.engagement.title} ({EngagementKind.label_of(entry.engagement.kind).lower()}, "
            f"led by {entry.engagement.lead_authority.name})",
            entry.stage,
            "; ".join(entry.attendees),
            entry.engagement.outcome,
            Agreement.label_of(entry.engagement.agreement),
            entry.engagement.influence_on_plan,
            evidence_text(entry.engagement),
            entry.after_submission,
        ]
        for entry in chronology.entries
    ]
    positions = []
    for statement in chronology.positions:
        version = f"{statement.version.label} ({office.cell_text(statement.version.dated_on)})"
        overall = MatterPosition.label_of(statement.position) if statement.position else "Not covered"
        positions.append([statement.title, version, "The statement", overall])
        positions.extend(
            [statement.title, version, party.party, MatterPosition.label_of(party.position, "Not recorded")]
            for party in statement.parties
        )
    return [
        office.Table("First engaged", "Bodies first engaged", FIRST_HEAD, first, "No body has been engaged yet."),
        office.Table("Engagements", "Engagements in date order", ENGAGEMENT_HEAD, entries, "No held engagements."),
        office.Table(
            "Common ground",
            "Statements of Common Ground",
            POSITION_HEAD,
            positions,
            "No Statement of Common Ground covers this matter yet.",
        ),
    ]


def docx_bytes(chronology: Chronology, now: datetime) -> bytes:
    masthead = office.Masthead.of_owner(plans.owner())
    document = office.new_document(title(chronology), masthead, now, landscape=True)
    office.add_notes(document, "About this chronology", notes(chronology))
    for table in tables(chronology):
        office.add_table(document, table)
    return office.docx_bytes(document)
