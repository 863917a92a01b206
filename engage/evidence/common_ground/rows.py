"""The rows a Statement of Common Ground shows from the engagement log: each matter's history, and the
co-operation (DtC) activity table limited to the statement's matters."""

from engage.common.dates import format_date
from engage.engagements.queries import EngagementFilters, engagements_query
from engage.evidence.dtc.rows import COLUMNS, DtcFilters, dtc_rows
from engage.extensions import db
from engage.models import CommonGroundVersion, Engagement
from engage.vocab import Agreement

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


def dtc_table(version: CommonGroundVersion) -> tuple[list[str], list[list[str]]]:
    """(head, rows) of the co-operation activity table for the version's matters: the DtC table's own rows
    (engage.evidence.dtc.rows: co-operation bodies, held engagements), so the two never disagree, and whether each
    came after submission."""
    found = {}
    for row in version.matters:
        for dtc_row in dtc_rows(DtcFilters(matter=row.matter.slug, source="engagements")):
            found.setdefault(dtc_row.ref, dtc_row)
    rows = []
    for dtc_row in sorted(found.values(), key=lambda r: (r.date, r.ref)):
        values = dtc_row.as_text()
        values["date"] = format_date(dtc_row.date)
        if not str(values.get("evidence_url") or "").startswith(("https://", "http://")):
            values["evidence_url"] = ""  # only published documents, never a page behind the sign-in
        rows.append([str(values.get(key) or "") for key, _ in COLUMNS] + ["Yes" if dtc_row.after_submission else "No"])
    return [heading for _, heading in COLUMNS] + ["After submission"], rows
