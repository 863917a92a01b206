"""The statement of consultation as a Word document and an Excel workbook. Both are built from the same
tables, so the file and the page agree."""

import io
from dataclasses import dataclass

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font

from engage.evidence.soc_queries import ConsultationStatement
from engage.filters import format_date, format_datetime

CHANNEL_LABELS = {"online": "Online", "email": "Email", "post": "Post", "in-person": "In person"}
NATURE_LABELS = {"support": "Support", "object": "Object", "comment": "Comment"}
METHOD_LABELS = {
    "email": "Email",
    "letter": "Letter",
    "public-notice": "Public notice",
    "newsletter": "Newsletter",
    "social-media": "Social media",
    "exhibition": "Exhibition",
    "deposit-point": "Deposit point",
}


@dataclass
class Section:
    key: str  # the worksheet name
    title: str
    head: list[str]
    rows: list[list]
    empty: str


def _name(invitation) -> tuple[str, str]:
    stakeholder = invitation.stakeholder
    return stakeholder.name or f"Record {stakeholder.id}", stakeholder.organisation_label


def _rep_row(representation) -> list:
    respondent = representation.respondent
    return [
        representation.reference,
        respondent.organisation or respondent.name,
        representation.part.label if representation.part else "The plan as a whole",
        format_datetime(representation.received_at),
    ]


def sections(statement: ConsultationStatement) -> list[Section]:
    s = statement
    return [
        Section("Invited by method", "Who was invited, by method", ["Method", "Invitations"],
                [[METHOD_LABELS.get(m, m), n] for m, n in s.invited_by_method], "Nobody was recorded as invited."),
        Section("Invited by category", "Who was invited, by category", ["Category", "Stakeholders"],
                [list(row) for row in s.invited_by_category], "No invited stakeholder has a category."),
        Section("Invited", "Bodies and people invited", ["Name", "Organisation", "Method", "Status", "Date"],
                [[*_name(i), METHOD_LABELS.get(i.method, i.method), i.status, format_date(i.sent_at or i.created_at)]
                 for i in s.invitations], "Nobody was recorded as invited."),
        Section("By channel", "Representations by channel", ["Channel", "Representations"],
                [[CHANNEL_LABELS.get(c, c), n] for c, n in s.by_channel], "There were no representations."),
        Section("By respondent type", "Respondents by type", ["Type", "Respondents", "Representations"],
                [list(row) for row in s.by_type if row[1]], "There were no representations."),
        Section("By part", "Representations by part of the plan", ["Part", "Support", "Object", "Comment", "Total"],
                [list(row) for row in s.by_part], "There were no representations."),
        Section("By nature", "Representations by nature", ["Nature", "Representations"],
                [[NATURE_LABELS.get(n, n), c] for n, c in s.by_nature], "There were no representations."),
        Section("Late", "Late representations (not duly made)", ["Reference", "Respondent", "Part", "Received"],
                [_rep_row(r) for r in s.late], "No representations arrived late."),
        Section("Withdrawn", "Withdrawn representations", ["Reference", "Respondent", "Part", "Received"],
                [_rep_row(r) for r in s.withdrawn], "No representations were withdrawn."),
        Section("Main issues", "Main issues raised and how they were taken into account",
                ["Main issue", "Representations", "Council's response", "Proposed change"],
                [[i.title + (f"\n{i.summary}" if i.summary else ""), ", ".join(r.reference for r in i.representations),
                  i.council_response, i.proposed_change] for i in s.main_issues],
                "No main issues have been recorded yet."),
    ]  # fmt: skip


def _summary_lines(statement: ConsultationStatement) -> list[str]:
    lines = [f"Consultations covered: {len(statement.scope.consultations)}"]
    for consultation in statement.scope.consultations:
        lines.append(
            f"{consultation.title} ({consultation.stage_name}): {format_datetime(consultation.opens_at)} to "
            f"{format_datetime(consultation.closes_at)}"
        )
    lines.append(f"Stakeholders invited: {statement.invited_total}")
    lines.append(f"Representations: {statement.representations} from {statement.respondents} respondents")
    return lines


def docx_bytes(statement: ConsultationStatement) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(f"Statement of consultation: {statement.scope.title}", level=0)
    document.add_paragraph("Prepared under Regulation 22(1)(c) of the Town and Country Planning (Local Planning) "
                           "(England) Regulations 2012.")  # fmt: skip
    document.add_heading("Summary", level=1)
    for line in _summary_lines(statement):
        document.add_paragraph(line, style="List Bullet")
    for section in sections(statement):
        document.add_heading(section.title, level=1)
        if not section.rows:
            document.add_paragraph(section.empty)
            continue
        table = document.add_table(rows=1, cols=len(section.head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, section.head, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for row in section.rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = str(value if value is not None else "")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(statement: ConsultationStatement) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Summary"
    summary.append([f"Statement of consultation: {statement.scope.title}"])
    summary["A1"].font = Font(bold=True)
    for line in _summary_lines(statement):
        summary.append([line])
    for section in sections(statement):
        sheet = workbook.create_sheet(section.key)
        sheet.append(section.head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append(row)
        if not section.rows:
            sheet.append([section.empty])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
