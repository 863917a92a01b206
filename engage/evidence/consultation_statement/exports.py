"""The statement of consultation as a Word document and an Excel workbook. Both are built from the same
tables, so the file and the page agree, and both end with full copies of the representations (Regulation
22(1)(d)): a sheet in the workbook, an annex in the document."""

from collections.abc import Iterable
from datetime import datetime

from engage.common import office
from engage.common.dates import format_date, format_datetime
from engage.common.office import Table
from engage.evidence.consultation_statement import annex as soc_annex
from engage.evidence.consultation_statement.queries import ConsultationStatement
from engage.evidence.consultation_statement.representations import HEAD, WIDTHS, FullRepresentation
from engage.vocab import Channel, InvitationMethod, InvitationStatus, Nature

ANNEX_TITLE = "Annex: full copies of the representations"
ANNEX_NOTE = (
    "Every representation made, in full, as Regulation 22(1)(d) requires, by consultation and reference. Names and "
    "organisations are published; email and postal addresses, phone numbers and signatures are not. Withdrawn "
    "representations are included and marked as withdrawn; late ones are marked as late."
)
NO_REPRESENTATIONS = "There were no representations."


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


def sections(statement: ConsultationStatement) -> list[Table]:
    s = statement
    return [
        Table("Invited by method", "Who was invited, by method", ["Method", "Invitations"],
                [[InvitationMethod.label_of(m), n] for m, n in s.invited_by_method], "Nobody was recorded as invited."),
        Table("Invited by category", "Who was invited, by category", ["Category", "Stakeholders"],
                [list(row) for row in s.invited_by_category], "No invited stakeholder has a category."),
        Table("Invited", "Bodies and people invited", ["Name", "Organisation", "Method", "Status", "Date"],
                [[*_name(i), InvitationMethod.label_of(i.method), InvitationStatus.label_of(i.status),
                  format_date(i.sent_at or i.created_at)] for i in s.invitations], "Nobody was recorded as invited."),
        Table("By channel", "Representations by channel", ["Channel", "Representations"],
                [[Channel.label_of(c), n] for c, n in s.by_channel], "There were no representations."),
        Table("By respondent type", "Respondents by type", ["Type", "Respondents", "Representations"],
                [list(row) for row in s.by_type if row[1]], "There were no representations."),
        Table("By part", "Representations by part of the plan", ["Part", "Support", "Object", "Comment", "Total"],
                [list(row) for row in s.by_part], "There were no representations."),
        Table("By nature", "Representations by nature", ["Nature", "Representations"],
                [[Nature.label_of(n), c] for n, c in s.by_nature], "There were no representations."),
        Table("Late", "Late representations (not duly made)", ["Reference", "Respondent", "Part", "Received"],
                [_rep_row(r) for r in s.late], "No representations arrived late."),
        Table("Withdrawn", "Withdrawn representations", ["Reference", "Respondent", "Part", "Received"],
                [_rep_row(r) for r in s.withdrawn], "No representations were withdrawn."),
        Table("Main issues", "Main issues raised and how they were taken into account",
                ["Main issue", "Representations", "Council's response", "Proposed change"],
                [[i.title + (f"\n{i.summary}" if i.summary else ""), ", ".join(r.reference for r in i.representations),
                  i.council_response, i.proposed_change] for i in s.main_issues],
                "No main issues have been recorded yet."),
    ]  # fmt: skip


def _summary_lines(statement: ConsultationStatement, now: datetime) -> list[str]:
    lines = [f"Consultations covered: {len(statement.scope.consultations)}"]
    for consultation in statement.scope.consultations:
        lines.append(
            f"{consultation.title} ({consultation.stage_name}): {format_datetime(consultation.opens_at)} to "
            f"{format_datetime(consultation.closes_at)}"
        )
    lines.append(f"Stakeholders invited: {statement.invited_total}")
    lines.append(f"Representations: {statement.representations} from {statement.respondents} respondents")
    lines.append(office.generated_note(now))
    return lines


def _title(statement: ConsultationStatement) -> str:
    return f"Statement of consultation: {statement.scope.title}"


def docx_bytes(statement: ConsultationStatement, representations: Iterable[FullRepresentation], now: datetime) -> bytes:
    from docx.shared import Pt  # here, not at the top, so the app starts without python-docx

    document = office.new_document(_title(statement))
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("Prepared under Regulation 22(1)(c) and (d) of the Town and Country Planning (Local "
                           "Planning) (England) Regulations 2012.")  # fmt: skip
    office.add_notes(document, "Summary", _summary_lines(statement, now))
    for section in sections(statement):
        office.add_table(document, section)
    document.add_page_break()
    document.add_heading(ANNEX_TITLE, level=1)
    document.add_paragraph(ANNEX_NOTE)
    document.add_paragraph(soc_annex.MARKER)
    return soc_annex.fill(office.docx_bytes(document), representations, NO_REPRESENTATIONS)


def xlsx_bytes(statement: ConsultationStatement, representations: Iterable[FullRepresentation], now: datetime) -> bytes:
    full = Table("Representations", ANNEX_TITLE, HEAD, (item.row() for item in representations),
                 NO_REPRESENTATIONS, WIDTHS)  # fmt: skip
    return office.xlsx_bytes(
        _title(statement), _summary_lines(statement, now), [*sections(statement), full], about_sheet="Summary"
    )
