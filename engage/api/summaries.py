"""Engagement summaries as JSON: the overview per authority with the most engaged stakeholders, one authority, and
one stakeholder, over a period (?from=&to=), from engage.evidence.summaries.queries as the summary pages and files;
and the evidence dashboard's numbers (engage.evidence.dashboard), with the dashboard's filters."""

from datetime import datetime

from flask import jsonify, request
from sqlalchemy import select

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404
from engage.common.dates import LONDON
from engage.common.validation import ValidationError
from engage.engagements.schemas import Action, Engagement
from engage.evidence.dashboard.filters import DashboardFilters
from engage.evidence.dashboard.queries import Period
from engage.evidence.dashboard.schemas import Dashboard
from engage.evidence.summaries import queries as summaries
from engage.evidence.summaries.schemas import (
    AuthoritySummary,
    AuthoritySummaryLine,
    EngagedStakeholder,
    StakeholderSummary,
    SummaryOverview,
)
from engage.evidence.summaries.schemas import Period as PeriodOut
from engage.extensions import db
from engage.permissions import VIEW, require_permission


def _period() -> tuple[Period, datetime]:
    now = datetime.now(LONDON)
    period = Period.from_args(request.args, now.date())
    if period.errors:
        raise ValidationError(period.errors)
    return period, now


def _json(model) -> tuple:
    return jsonify(model.model_dump(mode="json"))


@bp.get("/evidence/summaries")
@require_permission(VIEW)
def summary_overview():
    period, now = _period()
    top = [
        EngagedStakeholder(id=stakeholder.id, name=stakeholder.name or f"Record {stakeholder.id}", engagements=count)
        for stakeholder, count in summaries.top_stakeholders(period)
    ]
    lines = [AuthoritySummaryLine.of(line) for line in summaries.authority_lines(period, now.date())]
    return _json(SummaryOverview(period=PeriodOut.of(period), authorities=lines, top_stakeholders=top))


@bp.get("/evidence/summaries/authorities/<code>")
@require_permission(VIEW)
def authority_summary(code: str):
    authority = db.session.scalar(select(models.Authority).where(models.Authority.code == code.upper()[:16]))
    if authority is None:
        raise Problem(404, f"There is no authority with the code {code[:16]}")
    period, _now = _period()
    return _json(
        AuthoritySummary(
            period=PeriodOut.of(period),
            authority=authority.code,
            name=authority.name,
            engagements=[Engagement.of(item) for item in summaries.authority_engagements(authority, period)],
            actions=[Action.of(item) for item in summaries.authority_actions(authority, period)],
        )
    )


@bp.get("/evidence/summaries/stakeholders/<int:stakeholder_id>")
@require_permission(VIEW)
def stakeholder_summary(stakeholder_id: int):
    stakeholder = find_or_404(models.Stakeholder, stakeholder_id)
    period, _now = _period()
    return _json(StakeholderSummary.of(summaries.stakeholder_summary(stakeholder, period), period))


@bp.get("/evidence/dashboard")
@require_permission(VIEW)
def dashboard():
    filters = DashboardFilters.from_args(request.args, datetime.now(LONDON).date())
    if filters.errors:
        raise ValidationError(filters.errors)
    return _json(Dashboard.of(filters))


PERIOD = [
    spec.query("from", "From this day (Europe/London), YYYY-MM-DD", {"type": "string", "format": "date"}),
    spec.query("to", "To this day, YYYY-MM-DD; today when not given", {"type": "string", "format": "date"}),
]
FILES = " The same summary as CSV, XLSX or DOCX is at the page's address with .csv, .xlsx or .docx."

spec.document(
    tag=("Summaries", "Engagement summaries per authority and per stakeholder, and the dashboard, over a period"),
    paths={
        "/evidence/summaries": {
            "get": {
                "summary": "Each authority's engagements and actions, and the most engaged stakeholders",
                "description": "Over the period; without `from`, about the last eleven months. Cancelled"
                " engagements are left out. A date that is not one, or an end before the start, is a 422.",
                "parameters": PERIOD,
                "responses": spec.responds(SummaryOverview),
            },
        },
        "/evidence/dashboard": {
            "get": {
                "summary": "The evidence dashboard's numbers",
                "description": "What the dashboard's charts show, for a period and optionally a lead authority,"
                " register and plan stage. Consultations are not filtered by lead authority. An unknown authority,"
                " register or stage, or a bad date, is a 422.",
                "parameters": [
                    *PERIOD,
                    spec.query("authority", "Lead authority code, e.g. WBC"),
                    spec.query("register", "Register slug"),
                    spec.query("stage", "Plan stage slug"),
                ],
                "responses": spec.responds(Dashboard),
            },
        },
        "/evidence/summaries/authorities/{code}": {
            "get": {
                "summary": "The engagements an authority led, and the actions it owns",
                "description": "`code` is the authority's code, e.g. WBC." + FILES,
                "parameters": PERIOD,
                "responses": spec.responds(AuthoritySummary),
            },
        },
        "/evidence/summaries/stakeholders/{stakeholder_id}": {
            "get": {
                "summary": "A stakeholder's engagements, invitations and representations",
                "description": "Representations count when the respondent is linked to the stakeholder." + FILES,
                "parameters": PERIOD,
                "responses": spec.responds(StakeholderSummary),
            },
        },
    },
)
