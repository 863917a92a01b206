"""A Statement of Common Ground as a Word document, laid out on the five parts of the Annex 4 template, with the
engagement history per matter and the co-operation (DtC) activity table as annexes."""

import io

from engage.common.dates import format_date
from engage.evidence.common_ground import rows as scg_rows
from engage.models import CommonGroundVersion
from engage.vocab import MatterPosition

PARTS = (
    ("Part 1: Strategic context", (("Area covered", "area_description"), ("Strategic context", "strategic_context"))),
    (
        "Part 2: Policy scope and evidence base",
        (
            ("Housing requirement", "housing_requirement"),
            ("Distribution of housing need", "housing_distribution"),
            ("Evidence base", "evidence_base"),
        ),
    ),
    (
        "Part 3: Decision-making and project management",
        (("Governance and working arrangements", "governance"), ("Key timescales and milestones", "timetable")),
    ),
    ("Part 4: Risk assessment and management", (("Risks and how they will be managed", "risks"),)),
    (
        "Part 5: Monitoring and review",
        (("Monitoring indicators", "monitoring_indicators"), ("Timetable for review", "review_arrangements")),
    ),
)
NOT_STATED = "Not stated in this version."


def _paragraphs(document, text: str) -> None:
    for block in (text or NOT_STATED).split("\n\n"):
        document.add_paragraph(block.strip())


def _table(document, head: list[str], rows: list[list[str]], empty: str) -> None:
    if not rows:
        document.add_paragraph(empty)
        return
    table = document.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text or "")


def _title(document, version: CommonGroundVersion) -> None:
    statement = version.statement
    document.add_heading(statement.title, level=0)
    lines = [f"Version {version.number}: {version.status}"]
    if statement.plan:
        lines.append(statement.plan.name)
    if statement.lead_authority:
        lines.append(f"Lead authority: {statement.lead_authority.name}")
    for label, day in (("Agreed", version.agreed_on), ("Signed", version.signed_on)):
        if day:
            lines.append(f"{label} on {format_date(day)}")
    document.add_paragraph("\n".join(lines))


def _parties(document, version: CommonGroundVersion) -> None:
    document.add_heading("Parties and signatories", level=1)
    rows = [
        [p.name, ", ".join(x for x in (p.signatory_name, p.signatory_role) if x), ", ".join(m.name for m in p.matters)]
        for p in version.parties
    ]
    _table(document, ["Party", "Signatory", "Strategic matters signed"], rows, "No parties have been added yet.")


def _matters(document, version: CommonGroundVersion) -> None:
    document.add_heading("Strategic matters", level=2)
    for row in version.matters:
        document.add_heading(row.matter.name, level=3)
        document.add_paragraph(f"Position: {MatterPosition.label_of(row.position_status)}")
        _paragraphs(document, row.narrative)
    if not version.matters:
        document.add_paragraph("No strategic matters have been added yet.")


def _signatures(document, version: CommonGroundVersion) -> None:
    document.add_heading("Signatures", level=1)
    rows = [[s.name, s.role, s.organisation, format_date(s.signed_on)] for s in version.signatures]
    _table(document, ["Name", "Role", "Organisation", "Date signed"], rows, "No signatures have been recorded.")


def _history_annex(document, version: CommonGroundVersion) -> None:
    document.add_heading("Annex A: Engagement history by strategic matter", level=1)
    for row in version.matters:
        document.add_heading(row.matter.name, level=2)
        engagements = scg_rows.matter_history(version, row.matter.slug)
        _table(
            document,
            ["Date", "Engagement", "Bodies", "Plan stage", "Agreement", "Outcome"],
            [scg_rows.history_row(e) for e in engagements],
            "No engagements on this matter have been logged.",
        )
    if not version.matters:
        document.add_paragraph("No strategic matters have been added yet.")


def _dtc_annex(document, version: CommonGroundVersion) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading("Annex B: Duty to co-operate activity table", level=1)
    head, rows = scg_rows.dtc_table(version)
    _table(document, head, rows, "No engagements on these matters have been logged.")


def docx_bytes(version: CommonGroundVersion) -> bytes:
    from docx import Document  # here, not at the top, so the app starts without python-docx
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    _title(document, version)
    _parties(document, version)
    for heading, fields in PARTS:
        document.add_heading(heading, level=1)
        for label, name in fields:
            document.add_heading(label, level=2)
            _paragraphs(document, getattr(version, name))
        if heading.startswith("Part 2"):
            _matters(document, version)
    document.add_heading("Other agreements", level=1)
    _paragraphs(document, version.other_agreements)
    _signatures(document, version)
    _history_annex(document, version)
    _dtc_annex(document, version)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
