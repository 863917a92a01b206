"""The rows a Statement of Common Ground shows from the engagement log: each matter's history, and the
co-operation (DtC) activity table limited to the statement's matters (G1's row builder when it is there)."""

from engage.common.dates import format_date
from engage.engagements.queries import EngagementFilters, engagements_query
from engage.extensions import db
from engage.models import CommonGroundVersion, Engagement
from engage.vocab import Agreement, EngagementKind, Level

DTC_HEAD = [
    "Ref",
    "Date",
    "Body",
    "Strategic matter(s)",
    "Plan stage",
    "Form of engagement",
    "Level",
    "Summary",
    "Outcome / agreement status",
    "Actions and owner",
    "Influence on the plan",
    "Evidence link",
]
MAX_ROWS = 2000


def _scoped(version: CommonGroundVersion, filters: EngagementFilters):
    query = engagements_query(filters).where(Engagement.status == "held")
    if version.statement.plan_id:
        query = query.where(Engagement.plan_id == version.statement.plan_id)
    return query.limit(MAX_ROWS)


def matter_history(version: CommonGroundVersion, matter_slug: str) -> list[Engagement]:
    return list(db.session.scalars(_scoped(version, EngagementFilters(matter=matter_slug))).unique())


def history_row(engagement: Engagement) -> list[str]:
    return [
        format_date(engagement.local_date),
        engagement.title,
        ", ".join(s.name for s in engagement.stakeholders),
        engagement.plan_stage.name if engagement.plan_stage else "",
        Agreement.label_of(engagement.agreement),
        engagement.outcome,
    ]


def _version_engagements(version: CommonGroundVersion) -> list[Engagement]:
    seen: dict[int, Engagement] = {}
    for row in version.matters:
        for engagement in matter_history(version, row.matter.slug):
            seen.setdefault(engagement.id, engagement)
    return sorted(seen.values(), key=lambda e: (e.starts_at, e.id))


def _own_row(engagement: Engagement) -> list[str]:
    actions = "; ".join(f"{a.description} ({a.owner_authority.code})" for a in engagement.actions)
    return [
        f"E{engagement.id}",
        format_date(engagement.local_date),
        ", ".join(s.name for s in engagement.stakeholders),
        ", ".join(m.name for m in engagement.matters),
        engagement.plan_stage.name if engagement.plan_stage else "",
        EngagementKind.label_of(engagement.kind),
        Level.label_of(engagement.level),
        engagement.summary,
        " – ".join(x for x in (Agreement.label_of(engagement.agreement, ""), engagement.outcome) if x),
        actions,
        engagement.influence_on_plan,
        engagement.evidence_url,
    ]


def dtc_table(version: CommonGroundVersion) -> tuple[list[str], list[list[str]]]:
    """(head, rows) of the co-operation activity table for the version's matters: G1's rows
    (engage.evidence.dtc.rows, co-operation bodies, held engagements) when that module is there, else our own."""
    try:
        from engage.evidence.dtc.rows import COLUMNS, DtcFilters, dtc_rows
    except ImportError:
        return DTC_HEAD, [_own_row(e) for e in _version_engagements(version)]
    found = {}
    for row in version.matters:
        for dtc_row in dtc_rows(DtcFilters(matter=row.matter.slug, source="engagements")):
            found.setdefault(dtc_row.ref, dtc_row)
    rows = []
    for dtc_row in sorted(found.values(), key=lambda r: (r.date, r.ref)):
        values = dtc_row.as_text()
        values["date"] = format_date(dtc_row.date)
        rows.append([str(values.get(key) or "") for key, _ in COLUMNS])
    return [heading for _, heading in COLUMNS], rows
