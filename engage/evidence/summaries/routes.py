"""Engagement summaries: the overview per authority and the most engaged stakeholders, then one authority or one
stakeholder, each as a page and as CSV, XLSX and DOCX files."""

import io
from collections.abc import Callable
from datetime import datetime

from flask import Response, render_template, request, send_file
from sqlalchemy import select

from engage.common import office
from engage.common.dates import LONDON
from engage.evidence.dashboard.forms import PeriodForm
from engage.evidence.dashboard.queries import Period
from engage.evidence.summaries import bp
from engage.evidence.summaries import exports as summaries_exports
from engage.evidence.summaries import queries as summaries
from engage.extensions import db
from engage.models import Authority, Stakeholder
from engage.permissions import VIEW, require_permission


def _period() -> tuple[Period, PeriodForm]:
    today = datetime.now(LONDON).date()
    period = Period.from_args(request.args, today)
    return period, PeriodForm(request.args).show(period)


def _csv(name: str, head: list[str], rows: list[list[str]]) -> Response:
    response = Response(summaries.csv_text(head, rows), mimetype="text/csv")
    response.headers.set("Content-Disposition", "attachment", filename=name)
    return response


def _file(name: str, file_format: str, title: str, build: Callable[[Period, datetime], tuple[list, list[str]]]):
    """The summary as XLSX or DOCX: `build(period, now)` gives its tables and notes; an invalid period gives an
    empty file that says why."""
    now = datetime.now(LONDON)
    period = Period.from_args(request.args, now.date())
    tables, notes = [], ["The dates asked for are not valid, so the summary is empty", office.generated_note(now)]
    if not period.errors:
        tables, notes = build(period, now)
    if file_format == "xlsx":
        data, mimetype = summaries_exports.xlsx_bytes(title, notes, tables), office.XLSX_MIMETYPE
    else:
        data, mimetype = summaries_exports.docx_bytes(title, notes, tables, now), office.DOCX_MIMETYPE
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=f"{name}.{file_format}")


def _period_args(period: Period) -> dict[str, str]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


@bp.route("")
@require_permission(VIEW)
def index():
    period, form = _period()
    today = datetime.now(LONDON).date()
    lines = [] if period.errors else summaries.authority_lines(period, today)
    stakeholders = [] if period.errors else summaries.top_stakeholders(period)
    return render_template(
        "evidence/summaries/index.html",
        period=period,
        period_args=_period_args(period),
        filter_form=form,
        form=form if period.errors else None,
        lines=lines,
        stakeholders=stakeholders,
    )


@bp.route("/authorities/<code>")
@require_permission(VIEW)
def authority(code):
    authority = db.first_or_404(select(Authority).where(Authority.code == code.upper()[:16]))
    period, form = _period()
    engagements = [] if period.errors else summaries.authority_engagements(authority, period)
    actions = [] if period.errors else summaries.authority_actions(authority, period)
    return render_template(
        "evidence/summaries/authority.html",
        authority=authority,
        period=period,
        period_args=_period_args(period),
        filter_form=form,
        form=form if period.errors else None,
        engagements=engagements,
        actions=actions,
        today=datetime.now(LONDON).date(),
    )


@bp.route("/authorities/<code>.csv")
@require_permission(VIEW)
def authority_csv(code):
    authority = db.first_or_404(select(Authority).where(Authority.code == code.upper()[:16]))
    period = Period.from_args(request.args, datetime.now(LONDON).date())
    engagements = [] if period.errors else summaries.authority_engagements(authority, period)
    rows = [summaries.authority_row(e) for e in engagements]
    return _csv(f"engagement-summary-{authority.code.lower()}.csv", summaries.AUTHORITY_HEAD, rows)


@bp.route("/stakeholders/<int:stakeholder_id>")
@require_permission(VIEW)
def stakeholder(stakeholder_id):
    stakeholder = db.get_or_404(Stakeholder, stakeholder_id)
    period, form = _period()
    summary = None if period.errors else summaries.stakeholder_summary(stakeholder, period)
    return render_template(
        "evidence/summaries/stakeholder.html",
        stakeholder=stakeholder,
        period=period,
        period_args=_period_args(period),
        filter_form=form,
        form=form if period.errors else None,
        summary=summary,
    )


@bp.route("/stakeholders/<int:stakeholder_id>.csv")
@require_permission(VIEW)
def stakeholder_csv(stakeholder_id):
    stakeholder = db.get_or_404(Stakeholder, stakeholder_id)
    period = Period.from_args(request.args, datetime.now(LONDON).date())
    rows = [] if period.errors else summaries.stakeholder_summary(stakeholder, period).rows()
    return _csv(f"engagement-summary-stakeholder-{stakeholder.id}.csv", summaries.STAKEHOLDER_HEAD, rows)


@bp.route("/authorities/<code>.<any(xlsx, docx):file_format>")
@require_permission(VIEW)
def authority_file(code, file_format):
    authority = db.first_or_404(select(Authority).where(Authority.code == code.upper()[:16]))

    def build(period: Period, now: datetime):
        tables = summaries_exports.authority_tables(authority, period, now.date())
        return tables, summaries_exports.notes(period, now, f"Lead authority: {authority.name}")

    title = f"Engagement summary: {authority.name}"
    return _file(f"engagement-summary-{authority.code.lower()}", file_format, title, build)


@bp.route("/stakeholders/<int:stakeholder_id>.<any(xlsx, docx):file_format>")
@require_permission(VIEW)
def stakeholder_file(stakeholder_id, file_format):
    stakeholder = db.get_or_404(Stakeholder, stakeholder_id)

    def build(period: Period, now: datetime):
        summary = summaries.stakeholder_summary(stakeholder, period)
        notes = summaries_exports.notes(period, now, *summaries_exports.stakeholder_lines(summary))
        return summaries_exports.stakeholder_tables(summary), notes

    title = f"Engagement summary: {stakeholder.name or f'Record {stakeholder.id}'}"
    return _file(f"engagement-summary-stakeholder-{stakeholder.id}", file_format, title, build)
