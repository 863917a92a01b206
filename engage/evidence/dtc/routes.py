"""Routes for the co-operation (DtC) activity table, its CSV, XLSX and DOCX files, and the body × matter matrix.

The files take the page's query string, so "download" gives exactly what is on screen (every page of it). They
need a signed-in session or a bearer token (the request loader accepts `Authorization: Bearer` on any route).
"""

import tempfile

from flask import Response, render_template, request, send_file, stream_with_context
from flask_login import current_user

from engage.common import office
from engage.common.dates import LONDON
from engage.common.pagination import parse_int
from engage.evidence.dtc import bp, matrix, matrix_exports
from engage.evidence.dtc import exports as dtc_exports
from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.forms import DtcFilterForm, describe
from engage.models import utcnow
from engage.permissions import VIEW, require_permission
from engage.plans import queries as plans

PER_PAGE = 100
TITLE = "Co-operation activity table"
MATRIX_TITLE = "Bodies and strategic matters"


@bp.route("/dtc-table")
@require_permission(VIEW)
def table():
    filters = dtc.DtcFilters.from_args(request.args)
    form = DtcFilterForm(request.args, filters)
    page = dtc.page_of_rows(filters, parse_int(request.args.get("page"), 1, maximum=10_000_000), PER_PAGE)
    return render_template(
        "evidence/dtc/table.html",
        filters=filters,
        filter_form=form,
        form=form if form.has_errors else None,
        page=page,
        message=empty_message(filters, page.total),
        generated=utcnow(),
        described=describe(form, filters),
    )


@bp.route("/dtc-table.<any(csv, xlsx, docx):file_format>")
@require_permission(VIEW)
def table_file(file_format: str):
    filters = dtc.DtcFilters.from_args(request.args)
    total = dtc.count_rows(filters)
    dtc.record_export(filters.as_args(), total, file_format, user=current_user)
    filename = f"co-operation-table-{utcnow().astimezone(LONDON):%Y-%m-%d}.{file_format}"
    rows = dtc.dtc_rows(filters, request.url_root)
    if file_format == "csv":
        chunks = (chunk.encode("utf-8") for chunk in dtc_exports.csv_chunks(rows))
        response = Response(stream_with_context(chunks), mimetype="text/csv")
        response.headers.set("Content-Disposition", "attachment", filename=filename)
        return response
    notes = file_notes(filters, total)
    target = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)  # noqa: SIM115 (send_file closes it)
    if file_format == "xlsx":
        dtc_exports.xlsx_file(rows, TITLE, notes, target)
        mimetype = dtc_exports.XLSX_MIMETYPE
    else:
        owner = plans.owner()
        masthead = office.Masthead(owner.plan, owner.partners) if owner else office.Masthead()
        heading = dtc_exports.DocxHeading(masthead, utcnow())
        dtc_exports.docx_file(rows, TITLE, notes, empty_message(filters, total), target, heading)
        mimetype = dtc_exports.DOCX_MIMETYPE
    target.seek(0)
    return send_file(target, mimetype=mimetype, as_attachment=True, download_name=filename)


@bp.route("/dtc-matrix", endpoint="matrix")
@require_permission(VIEW)
def matrix_page():
    filters = dtc.DtcFilters.from_args(request.args)
    form = DtcFilterForm(request.args, filters)
    grid = matrix.build(filters)
    return render_template(
        "evidence/dtc/matrix.html",
        filters=filters,
        filter_form=form,
        form=form if form.has_errors else None,
        grid=grid,
    )


@bp.route("/dtc-matrix.<any(csv, xlsx, docx):file_format>")
@require_permission(VIEW)
def matrix_file(file_format: str):
    filters = dtc.DtcFilters.from_args(request.args)
    grid = matrix.build(filters) if not filters.errors else matrix.Matrix(matters=[], bodies=[])
    matrix.record_export(filters, grid, file_format, user=current_user)
    filename = f"bodies-and-strategic-matters-{utcnow().astimezone(LONDON):%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        body, mimetype = matrix_exports.csv_text(grid).encode("utf-8"), "text/csv"
    else:
        notes, empty = matrix_notes(filters, grid), matrix_empty_message(filters, grid)
        if file_format == "xlsx":
            body, mimetype = matrix_exports.xlsx_bytes(grid, MATRIX_TITLE, notes, empty), dtc_exports.XLSX_MIMETYPE
        else:
            body, mimetype = matrix_exports.docx_bytes(grid, MATRIX_TITLE, notes, empty), dtc_exports.DOCX_MIMETYPE
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


def matrix_empty_message(filters: dtc.DtcFilters, grid: matrix.Matrix) -> str:
    if filters.errors:
        return "There are no results because the dates are not valid. Correct the dates to see the matrix."
    if not grid.bodies or not grid.matters:
        return "No bodies match these filters. Try fewer filters or choose all stakeholders."
    return "No body has a held engagement or a gap on any matter."


def matrix_notes(filters: dtc.DtcFilters, grid: matrix.Matrix) -> list[str]:
    form = DtcFilterForm(None, filters)
    notes = [
        office.generated_note(utcnow(), " (UK time) from the Engage records."),
        f"Filters — {'; '.join(describe(form, filters))}.",
        f"Bodies: {len(grid.bodies):,}; strategic matters: {len(grid.matters):,}; gaps: {grid.gaps:,}.",
        "Each cell gives the latest agreement status and the date of the last held engagement on that matter with "
        "that body. A gap is a matter the body cares about (it was meant to be engaged on it, or its kind of body "
        "usually is) with no held engagement.",
    ]
    if grid.truncated:
        notes.append(f"Only the first {len(grid.bodies):,} bodies are included: filter to see the rest.")
    return notes


def empty_message(filters: dtc.DtcFilters, total: int) -> str:
    if total:
        return ""
    if "to" in filters.errors and "from" not in filters.errors:
        return "There are no rows because the end date is before the start date. Change the dates to see the table."
    if filters.errors:
        return "There are no rows because a date is not valid. Correct the dates to see the table."
    if filters.as_args().keys() - {"scope"}:
        return "No co-operation activity matches these filters. Try fewer filters or a longer period."
    return "No co-operation activity has been recorded yet."


def file_notes(filters: dtc.DtcFilters, total: int) -> list[str]:
    form = DtcFilterForm(None, filters)
    return [
        office.generated_note(utcnow(), " (UK time) from the Engage records."),
        f"Filters — {'; '.join(describe(form, filters))}.",
        f"Rows: {total:,}, ordered by date. One row per held engagement and body, per consultation invitation and "
        "per representation.",
        "Refs: E<engagement>-S<body> is an engagement with a body; I<number> an invitation to comment; R-… a "
        "representation's own reference. Evidence links open the published document; library references are those "
        "of the examination library.",
    ]
