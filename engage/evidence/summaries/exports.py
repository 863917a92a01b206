"""Engagement summaries as Excel workbooks and Word documents: the same rows as the pages and the CSV files, with
the period and the generation date written in."""

from datetime import date, datetime

from engage.common import office
from engage.common.dates import format_date
from engage.evidence.dashboard.queries import Period
from engage.evidence.summaries import queries as summaries
from engage.models import Action, Authority
from engage.plans import queries as plans
from engage.vocab import ActionStatus

ENGAGEMENT_WIDTHS = [11, 36, 10, 12, 14, 10, 36, 30, 20, 14, 50, 11]
STAKEHOLDER_WIDTHS = [16, 11, 12, 40, 34, 16, 40, 11]
ACTION_HEAD = ["Action", "Due", "Status", "Overdue", "From engagement", "Engagement date"]
ACTION_WIDTHS = [50, 11, 11, 10, 40, 14]


def notes(period: Period, now: datetime, *lines: str) -> list[str]:
    return [
        *lines,
        f"Period: {format_date(period.start)} to {format_date(period.end)} (both days included)",
        "Cancelled engagements are left out",
        office.generated_note(now),
    ]


def _action_row(action: Action, today: date) -> list:
    engagement = action.engagement
    return [
        action.description,
        action.due_on,
        ActionStatus.label_of(action.status),
        action.is_overdue(today),
        engagement.title if engagement else "",
        engagement.local_date if engagement else None,
    ]


def authority_tables(authority: Authority, period: Period, today: date) -> list[office.Table]:
    engagements = summaries.authority_engagements(authority, period)
    actions = summaries.authority_actions(authority, period)
    return [
        office.Table(
            "Engagements led",
            f"Engagements led ({len(engagements)})",
            summaries.AUTHORITY_HEAD,
            [summaries.authority_row(e) for e in engagements],
            f"{authority.name} led no engagements in this period.",
            ENGAGEMENT_WIDTHS,
        ),
        office.Table(
            "Actions it owns",
            f"Actions it owns ({len(actions)})",
            ACTION_HEAD,
            [_action_row(a, today) for a in actions],
            f"No actions from this period's engagements are owned by {authority.name}.",
            ACTION_WIDTHS,
        ),
    ]


def stakeholder_tables(summary: summaries.StakeholderSummary) -> list[office.Table]:
    name = summary.stakeholder.name or f"Record {summary.stakeholder.id}"
    return [
        office.Table(
            "By strategic matter",
            "Where things stand, by strategic matter",
            ["Strategic matter", "Latest agreement status", "As of"],
            [list(row) for row in summary.latest_by_matter],
            "No engagements with them in this period were about a strategic matter.",
            [40, 24, 12],
        ),
        office.Table(
            "Everything",
            "Everything in the period",
            summaries.STAKEHOLDER_HEAD,
            summary.rows(),
            f"Nothing was recorded with {name} in this period.",
            STAKEHOLDER_WIDTHS,
        ),
    ]


def stakeholder_lines(summary: summaries.StakeholderSummary) -> list[str]:
    stakeholder = summary.stakeholder
    lines = [f"Stakeholder: {stakeholder.name or f'Record {stakeholder.id}'}"]
    if stakeholder.organisation_label and stakeholder.organisation_label != stakeholder.name:
        lines.append(f"Organisation: {stakeholder.organisation_label}")
    lines += [
        f"Engagements: {len(summary.engagements)}",
        f"Consultation invitations: {len(summary.invitations)}",
        f"Representations: {len(summary.representations)}",
    ]
    return lines


def xlsx_bytes(title: str, notes: list[str], tables: list[office.Table]) -> bytes:
    return office.xlsx_bytes(title, notes, tables)


def docx_bytes(title: str, notes: list[str], tables: list[office.Table], now: datetime) -> bytes:
    """Landscape (the engagement table is wide), under the plan and its partner councils."""
    document = office.new_document(title, office.Masthead.of_owner(plans.owner()), now, landscape=True)
    office.add_notes(document, "About this summary", notes)
    for table in tables:
        office.add_table(document, table)
    return office.docx_bytes(document)
