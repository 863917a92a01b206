"""The statement of consultation as a Word document and an Excel workbook, built from the same stage-by-stage
tables as the page. The Word document gives each consultation stage its own section; the workbook has one sheet per
kind of table with the stage in the first column. Both end with full copies of the representations: a sheet in the
workbook, an annex in the document. Wording that depends on the plan’s regulations comes from engage.plans.wording."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from engage.common import office
from engage.common.office import Table
from engage.evidence.consultation_statement import annex as soc_annex
from engage.evidence.consultation_statement.queries import ConsultationStatement, Stage
from engage.evidence.consultation_statement.representations import WIDTHS, FullRepresentation, head
from engage.plans.wording import Wording
from engage.vocab import Answer, Nature

ANNEX_TITLE = "Annex: full copies of the representations"
ANNEX_NOTE = (
    "Names and organisations are published; email and postal addresses, phone numbers and signatures are not. "
    "Withdrawn representations are included and marked as withdrawn; late ones are marked as late."
)
NO_REPRESENTATIONS = "There were no representations."
NOBODY_INVITED = "Nobody was recorded as invited at this stage."
NO_METHODS = "No way of inviting representations was recorded for this stage."
NO_ISSUES = "No main issues have been recorded for this stage yet."
NOT_ASKED = "The questionnaire used at this stage did not ask about legal compliance, soundness or co-operation."
PROVISIONAL = "PROVISIONAL"


@dataclass(frozen=True, eq=False)
class Kind:
    """A kind of table: a section of each stage in Word, one sheet over every stage in Excel."""

    sheet: str
    title: str
    head: list[str]
    widths: list[int]
    empty: str

    def table(self, rows: list[list]) -> Table:
        return Table(self.sheet, self.title, self.head, rows, self.empty, self.widths)


LISTED = ["Reference", "Respondent", "Part of the plan", "Received"], [14, 30, 36, 22]
BODIES = Kind(
    "Bodies invited",
    "Bodies invited, by category",
    ["Category", "Bodies", "Number"],
    [28, 80, 8],
    "No bodies were recorded as invited.",
)
PEOPLE = Kind(
    "Individuals invited",
    "Individuals invited, by category (not named)",
    ["Category", "People"],
    [40, 10],
    "No individuals were recorded as invited.",
)
METHODS = Kind(
    "Methods", "How they were invited", ["Method", "What and where", "Dates", "Number"], [16, 60, 26, 14], NO_METHODS
)
COUNTS = Kind("Counts", "Representations received", ["Representations", "Number"], [60, 10], NO_REPRESENTATIONS)
ANSWERS = Kind(
    "Legal answers",
    "Legal compliance, soundness and co-operation (duly made representations)",
    ["Question", *(a.label for a in Answer)],
    [44, 8, 8, 14],
    NO_REPRESENTATIONS,
)
TESTS = Kind(
    "Tests failed",
    "Tests of soundness the plan was said to fail (duly made representations)",
    ["Test of soundness", "Representations"],
    [40, 16],
    NO_REPRESENTATIONS,
)
BY_PART = Kind(
    "By part",
    "Duly made representations by part of the plan",
    ["Part of the plan", *(n.label for n in Nature), "Total"],
    [50, 9, 9, 9, 9],
    NO_REPRESENTATIONS,
)
BY_TYPE = Kind(
    "By respondent type",
    "Duly made representations by type of respondent",
    ["Type of respondent", "Respondents", "Representations"],
    [36, 12, 16],
    NO_REPRESENTATIONS,
)
CAMPAIGNS = Kind(
    "Campaigns",
    "Campaigns: near-identical representations, each counted as one argument (duly made representations)",
    ["Campaign", "Representations", "People"],
    [50, 16, 10],
    "No campaigns were identified.",
)
LATE = Kind("Late", "Late representations (not duly made)", *LISTED, "No representations arrived late.")
WITHDRAWN = Kind("Withdrawn", "Withdrawn representations", *LISTED, "No representations were withdrawn.")
ISSUES = Kind(
    "Main issues",
    "Main issues raised and the council’s response",
    ["Main issue", "Representations", "Council’s response", "Proposed change"],
    [40, 18, 50, 40],
    NO_ISSUES,
)


def _listed(representations) -> list[list]:
    return [
        [
            r.reference,
            r.respondent.organisation or r.respondent.name,
            r.part.label if r.part else "The plan as a whole",
            r.received_at,  # a date and time in Excel, written out in Word and on the page
        ]
        for r in representations
    ]


def _counts(stage: Stage, wording: Wording) -> list[list]:
    f = stage.figures
    return [
        ["Received", f.received],
        [f"Duly made ({wording.duly_made_label(stage.asks_legal_questions)})", f.duly_made],
        ["Late (not duly made)", len(f.late)],
        ["Withdrawn", len(f.withdrawn)],
        ["Distinct arguments among the duly made (a campaign counts once)", f.arguments],
        ["Distinct people who made them (the same person or email address counts once)", f.people],
    ]


def _issues(stage: Stage) -> list[list]:
    raised_in = stage.raised_in
    return [
        [
            i.title + (f"\n{i.summary}" if i.summary else ""),
            raised_in[i.id],
            i.council_response,
            (f"{i.part.label}: " if i.part and i.proposed_change else "") + i.proposed_change,
        ]
        for i in stage.main_issues
    ]


def _legal(stage: Stage, rows: list[list]) -> list[list]:
    return rows if stage.asks_legal_questions else []


ROWS: dict[Kind, Callable[[Stage, Wording], list[list]]] = {
    BODIES: lambda stage, _: stage.invited.bodies,
    PEOPLE: lambda stage, _: stage.invited.people,
    METHODS: lambda stage, _: [m.row() for m in stage.methods],
    COUNTS: _counts,
    ANSWERS: lambda stage, _: _legal(stage, stage.figures.answers),
    TESTS: lambda stage, _: _legal(stage, stage.figures.tests),
    BY_PART: lambda stage, _: stage.figures.by_part,
    BY_TYPE: lambda stage, _: stage.figures.by_type,
    CAMPAIGNS: lambda stage, _: stage.figures.campaigns,
    LATE: lambda stage, _: _listed(stage.figures.late),
    WITHDRAWN: lambda stage, _: _listed(stage.figures.withdrawn),
    ISSUES: lambda stage, _: _issues(stage),
}  # fmt: skip


def stage_table(kind: Kind, stage: Stage, wording: Wording) -> Table:
    return kind.table(ROWS[kind](stage, wording))


def summary_lines(statement: ConsultationStatement, now: datetime) -> list[str]:
    lines = [f"{stage.consultation.stage_name}: {stage.consultation.title}, {stage.period}"
             + (" (provisional)" if stage.provisional else "")
             for stage in statement.stages]  # fmt: skip
    lines.append(f"Representations received: {statement.received:,}, of which {statement.duly_made:,} duly made")
    lines.append(office.generated_note(now))
    return lines


def title(statement: ConsultationStatement) -> str:
    name = f"Statement of consultation: {statement.scope.title}"
    return f"{name} ({PROVISIONAL.lower()})" if statement.provisional else name


def _add(document, kind: Kind, stage: Stage, wording: Wording, level: int, *, skip_empty: bool = False) -> None:
    table = stage_table(kind, stage, wording)
    if table.rows or not skip_empty:
        office.add_table(document, table, level=level)


def _stage_section(document, stage: Stage, wording: Wording) -> None:
    document.add_heading(stage.heading, level=1)
    document.add_paragraph(f"Consultation period: {stage.period}.")
    if stage.provisional:
        document.add_paragraph().add_run(stage.provisional_note).bold = True
    document.add_heading("Who was invited", level=2)
    invited = stage.invited
    if invited.total_bodies or invited.total_people:
        document.add_paragraph(f"{invited.total_bodies:,} bodies and {invited.total_people:,} individuals were "
                               "invited. Individuals are counted by category and not named.")  # fmt: skip
        for kind in (BODIES, PEOPLE):
            _add(document, kind, stage, wording, 3, skip_empty=True)
    else:
        document.add_paragraph(NOBODY_INVITED)
    _add(document, METHODS, stage, wording, 2)
    document.add_heading("Representations", level=2)
    _add(document, COUNTS, stage, wording, 3)
    if not stage.figures.duly_made:
        document.add_paragraph(wording.none_statement(stage.asks_legal_questions))
    else:
        if not stage.asks_legal_questions:
            document.add_paragraph(NOT_ASKED)
        for kind in (ANSWERS, TESTS, BY_PART, BY_TYPE, CAMPAIGNS):
            _add(document, kind, stage, wording, 3, skip_empty=True)
    for kind in (LATE, WITHDRAWN):
        _add(document, kind, stage, wording, 3, skip_empty=True)
    _add(document, ISSUES, stage, wording, 2)


def docx_bytes(statement: ConsultationStatement, representations: Iterable[FullRepresentation], now: datetime) -> bytes:
    masthead = office.Masthead.of(statement.scope.the_plan)
    document = office.new_document(title(statement), masthead, now, contents=1, footer="Statement of consultation")
    document.add_paragraph(statement.wording.basis)
    if statement.provisional:
        document.add_paragraph().add_run(
            "PROVISIONAL: at least one consultation in this statement is not yet closed, so its figures will change."
        ).bold = True
    office.add_notes(document, "Summary", summary_lines(statement, now))
    if not statement.stages:
        document.add_paragraph("There are no consultations to report yet.")
    for stage in statement.stages:
        _stage_section(document, stage, statement.wording)
    document.add_page_break()
    document.add_heading(ANNEX_TITLE, level=1)
    document.add_paragraph(f"{statement.wording.annex_note} {ANNEX_NOTE}")
    document.add_paragraph(soc_annex.MARKER)
    return soc_annex.fill(
        office.docx_bytes(document), representations, NO_REPRESENTATIONS, statement.wording.cooperation_question
    )


def _over_stages(kind: Kind, statement: ConsultationStatement) -> Table:
    """One sheet of a kind of table over every stage, the stage first."""
    rows = [[stage.heading, *row] for stage in statement.stages for row in ROWS[kind](stage, statement.wording)]
    return Table(kind.sheet, kind.title, ["Stage", *kind.head], rows, kind.empty, [40, *kind.widths])


def xlsx_bytes(statement: ConsultationStatement, representations: Iterable[FullRepresentation], now: datetime) -> bytes:
    full = Table("Representations", ANNEX_TITLE, head(statement.wording.cooperation_question),
                 (item.row() for item in representations),
                 NO_REPRESENTATIONS, WIDTHS)  # fmt: skip
    notes = [statement.wording.basis, *summary_lines(statement, now)]
    return office.xlsx_bytes(
        title(statement), notes, [*(_over_stages(kind, statement) for kind in ROWS), full], about_sheet="Summary"
    )
