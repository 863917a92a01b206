"""A Statement of Common Ground as a Word document a council can file: the version's status, signatures and
history first, the parties and where each stands on each matter, the five parts of the Annex 4 template, the
signatures, and the engagement history per matter and the co-operation (DtC) activity table as annexes."""

from engage.common import office
from engage.common.dates import format_date
from engage.evidence.common_ground import rows as scg_rows
from engage.evidence.common_ground import versions
from engage.evidence.common_ground.checks import submitted_on
from engage.evidence.common_ground.parts import PARTS, label
from engage.models import CommonGroundVersion
from engage.vocab import MatterPosition, ScgStatus

NOT_STATED = "Not stated in this version."


def _paragraphs(document, text: str) -> None:
    for block in (text or NOT_STATED).split("\n\n"):
        document.add_paragraph(block.strip())


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _party_label(party) -> str:
    return party.authority.code if party.authority else party.name


def _title(version: CommonGroundVersion):
    """The document with its title block: the plan and its councils, the version's date, the parties, status and
    lead authority; then the contents."""
    statement = version.statement
    lines = []
    if version.parties:
        lines.append("Between " + ", ".join(p.name for p in version.parties))
    lines.append(f"Version {version.number}: {ScgStatus.label_of(version.status).lower()}")
    if version.status != "draft":
        lines.append(version.signature_status)
    if statement.lead_authority:
        lines.append(f"Lead authority: {statement.lead_authority.name}")
    return office.new_document(
        statement.title,
        office.Masthead.of(statement.plan),
        version.dated_on,
        lines=lines,
        contents=1,
        footer=f"{statement.title}, version {version.number}",
    )


def _history(document, version: CommonGroundVersion, layout) -> None:
    document.add_heading("Version history", level=1)
    rows = []
    for other in version.statement.versions:
        superseded = other.superseded_by
        rows.append([
            f"{other.number}" + (" (this version)" if other.id == version.id else ""),
            format_date(other.dated_on),
            ScgStatus.label_of(other.status),
            other.signature_status if other.status != "draft" else "",
            f"Version {superseded.number}" if superseded else "",
            other.change_log or ("First version" if other.number == 1 else ""),
        ])  # fmt: skip
    head = ["Version", "Date", "Status", "Signatures", "Superseded by", "What changed and why"]
    layout.table(document, head, rows, "")
    changes = versions.differences(version)
    if version.number > 1:
        document.add_heading(f"Changes from version {version.number - 1}", level=2)
        for line in changes or ["No matters, positions, parties or text differ."]:
            document.add_paragraph(line, style="List Bullet")


def _parties(document, version: CommonGroundVersion, layout) -> None:
    document.add_heading("Parties and signatories", level=1)
    submitted = submitted_on(version)
    rows = []
    for party in version.parties:
        signature = version.signature_for(party)
        rows.append([
            party.name,
            ", ".join(x for x in (party.signatory_name, party.signatory_role) if x),
            ", ".join(m.name for m in party.matters),
            format_date(signature.signed_on) if signature else "Not signed",
            _yes(bool(signature and submitted and signature.signed_on > submitted)),
        ])  # fmt: skip
    head = ["Party", "Signatory", "Strategic matters signed", "Signed", "After submission"]
    layout.table(document, head, rows, "No parties have been added yet.")
    if version.parties:
        document.add_paragraph(f"Signature status: {version.signature_status}.")


def _positions(document, version: CommonGroundVersion, layout) -> None:
    document.add_heading("Strategic matters and where the parties stand", level=2)
    if not version.matters:
        document.add_paragraph("No strategic matters have been added yet.")
        return
    head = ["Strategic matter", "Statement"] + [_party_label(p) for p in version.parties]
    rows = [
        [row.matter.name, MatterPosition.label_of(row.position_status)]
        + [
            MatterPosition.label_of(p.position_on(row.matter_id), "Not recorded") or "Not recorded"
            for p in version.parties
        ]
        for row in version.matters
    ]
    layout.table(document, head, rows, "", size=8)
    named = [p for p in version.parties if p.authority]
    if named:
        document.add_paragraph("; ".join(f"{p.authority.code}: {p.name}" for p in named) + ".")
    for row in version.matters:
        document.add_heading(row.matter.name, level=3)
        document.add_paragraph(f"Position of the statement: {MatterPosition.label_of(row.position_status)}")
        _paragraphs(document, row.narrative)


def _signatures(document, version: CommonGroundVersion, layout) -> None:
    document.add_heading("Signatures", level=1)
    submitted = submitted_on(version)
    rows = [
        [s.organisation, s.name, s.role, format_date(s.signed_on), _yes(bool(submitted and s.signed_on > submitted))]
        for s in version.signatures
    ]
    head = ["Party", "Signed by", "Role", "Date signed", "After submission"]
    layout.table(document, head, rows, "No signatures have been recorded.")


def _history_annex(document, version: CommonGroundVersion, layout) -> None:
    document.add_heading("Annex A: Engagement history by strategic matter", level=1)
    head = ["Date", "Engagement", "Bodies", "Plan stage", "Agreement", "Outcome", "After submission"]
    for row in version.matters:
        document.add_heading(row.matter.name, level=2)
        engagements = scg_rows.matter_history(version, row.matter.slug)
        rows = [scg_rows.history_row(e) + [_yes(e.after_submission)] for e in engagements]
        layout.table(document, head, rows, "No engagements on this matter have been logged.", size=8)
    if not version.matters:
        document.add_paragraph("No strategic matters have been added yet.")


def _dtc_annex(document, version: CommonGroundVersion, layout) -> None:
    section = document.add_section()
    layout.page_setup(section, landscape=True)
    document.add_heading("Annex B: Duty to co-operate activity table", level=1)
    head, rows = scg_rows.dtc_table(version)
    layout.table(document, head, rows, "No engagements on these matters have been logged.", size=6.5)


def docx_bytes(version: CommonGroundVersion) -> bytes:
    from engage.common import docx_layout  # here, not at the top, so the app starts without python-docx

    document = _title(version)
    _history(document, version, docx_layout)
    _parties(document, version, docx_layout)
    for heading, fields in PARTS:
        document.add_heading(heading, level=1)
        for name in fields:
            document.add_heading(label(name), level=2)
            _paragraphs(document, getattr(version, name))
        if heading.startswith("Part 2"):
            _positions(document, version, docx_layout)
    document.add_heading("Other agreements", level=1)
    _paragraphs(document, version.other_agreements)
    _signatures(document, version, docx_layout)
    _history_annex(document, version, docx_layout)
    _dtc_annex(document, version, docx_layout)
    return office.docx_bytes(document)
