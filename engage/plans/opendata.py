"""The plan and its timetable as the national planning data specification's `plan` and `plan-timetable` datasets
(formerly the draft `development-plan` and `development-plan-timetable`), written as CSV with its field names.

Each stage gives a timetable row for its start event and one for its end event (engage/seeds/routes.py names the
codes): `event-date` and `predicted-date` are the predicted dates, `actual-date` the actual one once it has passed
(a consultation stage's actual dates are its consultations', engage.plans.timeline), and `entry-date` the day the
stage was last written.
"""

import csv
import io
from collections import Counter
from datetime import date

from engage.common.dates import LONDON
from engage.models import Plan, PlanStage, utcnow

PLAN_FIELDS = [
    "reference",
    "name",
    "description",
    "datasets",
    "period-start-date",
    "period-end-date",
    "local-planning-authorities",
    "minerals-and-waste-planning-authorities",
    "documentation-url",
    "document-url",
    "required-housing",
    "document-count",
    "entry-date",
    "notes",
]
TIMETABLE_FIELDS = [
    "reference",
    "plan",
    "plan-event",
    "event-date",
    "actual-date",
    "entry-date",
    "notes",
    "predicted-date",
    "name",
    "organisation",
    "document-url",
    "documentation-url",
]
# Events a 2012-route plan names by the regulation in the row's notes.
NAMED_IN_NOTES = ("additional-consultation-start", "additional-consultation-end")


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def plan_row(plan: Plan) -> dict[str, str]:
    partners = [a.organisation for a in plan.partners_lead_first if a.organisation and a.kind == "partner"]
    return {
        "reference": plan.reference or plan.slug,
        "name": plan.name,
        "description": plan.description,
        "datasets": "plan-timetable",
        "period-start-date": _iso(plan.period_start),
        "period-end-date": _iso(plan.period_end),
        "local-planning-authorities": ";".join(partners),
        "minerals-and-waste-planning-authorities": "",
        "documentation-url": plan.documentation_url,
        "document-url": plan.document_url,
        "required-housing": "",
        "document-count": "",
        "entry-date": _iso(plan.updated_at.astimezone(LONDON).date()),
        "notes": "",
    }


def timetable_rows(plan: Plan, today: date | None = None) -> list[dict[str, str]]:
    """One row per event of each stage, in the order of the stages."""
    today = today or utcnow().astimezone(LONDON).date()
    events = [
        (stage, event, predicted, actual)
        for stage in plan.stages
        for event, predicted, actual in (
            (stage.start_event, stage.starts_on, stage.actual_starts_on),
            (stage.end_event, stage.ends_on, stage.actual_ends_on),
        )
        if event
    ]
    repeated = Counter(event for _, event, _, _ in events)
    return [
        _timetable_row(plan, stage, event, predicted, actual if actual and actual <= today else None, repeated)
        for stage, event, predicted, actual in events
    ]


def _timetable_row(plan, stage: PlanStage, event: str, predicted, actual, repeated: Counter) -> dict[str, str]:
    reference = plan.reference or plan.slug
    lead = plan.lead_authority
    return {
        "reference": f"{reference}-{stage.slug}-{event}" if repeated[event] > 1 else f"{reference}-{event}",
        "plan": reference,
        "plan-event": event,
        "event-date": _iso(predicted or actual),
        "actual-date": _iso(actual),
        "entry-date": _iso(stage.updated_at.astimezone(LONDON).date()) if stage.updated_at else "",
        "notes": stage.name if event in NAMED_IN_NOTES else "",
        "predicted-date": _iso(predicted),
        "name": stage.name,
        "organisation": lead.organisation if lead else "",
        "document-url": "",
        "documentation-url": plan.documentation_url,
    }


def to_csv(fields: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def plan_csv(plan: Plan) -> str:
    return to_csv(PLAN_FIELDS, [plan_row(plan)])


def timetable_csv(plan: Plan, today: date | None = None) -> str:
    return to_csv(TIMETABLE_FIELDS, timetable_rows(plan, today))
