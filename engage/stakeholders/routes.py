"""Stakeholder register pages: list, add, view, edit, erase and export."""

import io
import re

from flask import Response, flash, redirect, render_template, request, send_file, stream_with_context, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from werkzeug.datastructures import MultiDict

from engage.common.ids import parse_id
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.engagements.history import engagement_history
from engage.extensions import db
from engage.models import BodyKind, Stakeholder, utcnow
from engage.permissions import EDIT, VIEW, require_permission
from engage.stakeholders import bp, exports, queries, services
from engage.stakeholders.forms import EraseForm, StakeholderFilterForm, StakeholderForm, initial_data

PER_PAGE = 50
MAX_PAGE = 100_000
MEMBERS_SHOWN = 100
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/")
@require_permission(VIEW)
def index():
    lookups = services.Lookups()
    filters = queries.StakeholderFilters.from_args(request.args)
    number = parse_int(request.args.get("page"), 1, maximum=MAX_PAGE)
    page = paginate(queries.search(filters), number, PER_PAGE, queries.count_query(filters))
    if number > page.pages:
        return redirect(url_for("stakeholders.index", **filters.as_args()))
    form = StakeholderFilterForm(MultiDict(vars(filters)), lookups)
    return render_template(
        "stakeholders/index.html",
        page=page,
        filters=filters,
        filter_form=form,
        error_list=form.show_problems(queries.filter_problems(request.args)),
        register=lookups.registers.get(filters.register),
    )


@bp.route("/export.<any(csv, xlsx):file_format>")
@require_permission(VIEW)
def export(file_format):
    filters = queries.StakeholderFilters.from_args(request.args)
    services.record_export(filters.as_args(), queries.count(filters), file_format, user=current_user)
    filename = _export_filename(filters, file_format)
    if file_format == "xlsx":
        data = exports.xlsx_bytes(queries.export_rows(filters))
        return send_file(io.BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=filename)
    response = Response(stream_with_context(_csv_stream(filters)), mimetype="text/csv")
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


def _csv_stream(filters: queries.StakeholderFilters):
    for chunk in exports.csv_chunks(queries.export_rows(filters)):
        yield chunk.encode("utf-8")


def _export_filename(filters: queries.StakeholderFilters, file_format: str) -> str:
    scope = re.sub(r"[^a-z0-9-]", "", filters.register.lower()) or "all"
    return f"stakeholders-{scope}-{utcnow():%Y-%m-%d}.{file_format}"


@bp.route("/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new():
    lookups = services.Lookups()
    form = StakeholderForm(lookups=lookups, data=_prefill(request.args) if request.method == "GET" else None)
    duplicates = []
    if form.validate_on_submit():
        try:
            stakeholder = services.create_stakeholder(
                form.to_data(),
                user=current_user,
                lookups=lookups,
                check_duplicates=True,
                accepted_duplicates=form.accepted(),
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        except services.PossibleDuplicates as found:
            duplicates = found.stakeholders
            form.show_duplicates(duplicates)
        else:
            flash(f"{stakeholder.name} added", "success")
            return redirect(url_for("stakeholders.show", stakeholder_id=stakeholder.id))
    return render_template("stakeholders/new.html", form=form, duplicates=duplicates)


def _prefill(args) -> dict:
    """Links such as "Add a member" start the form with the organisation or register filled in."""
    data = {}
    if parse_id(args.get("organisation_id")):
        data.update(kind="person", organisation_id=args["organisation_id"])
    if args.get("register"):
        data["registers"] = [args["register"]]
    return data


def _stakeholder_or_404(stakeholder_id: int) -> Stakeholder:
    query = (
        select(Stakeholder)
        .where(Stakeholder.id == stakeholder_id)
        .options(
            selectinload(Stakeholder.registers),
            selectinload(Stakeholder.categories),
            selectinload(Stakeholder.body_kinds).joinedload(BodyKind.category),
            joinedload(Stakeholder.authority),
            joinedload(Stakeholder.organisation),
            joinedload(Stakeholder.agent),
        )
    )
    return db.first_or_404(query)


@bp.route("/<int:stakeholder_id>")
@require_permission(VIEW)
def show(stakeholder_id):
    stakeholder = _stakeholder_or_404(stakeholder_id)
    members, member_count = queries.members(stakeholder, MEMBERS_SHOWN)
    return render_template(
        "stakeholders/show.html",
        stakeholder=stakeholder,
        members=members,
        member_count=member_count,
        history=engagement_history(stakeholder),
    )


@bp.route("/<int:stakeholder_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(stakeholder_id):
    stakeholder = _stakeholder_or_404(stakeholder_id)
    if stakeholder.is_erased:
        flash("This stakeholder’s personal data has been erased, so the record cannot be changed")
        return redirect(url_for("stakeholders.show", stakeholder_id=stakeholder.id))
    lookups = services.Lookups()
    form = StakeholderForm(lookups=lookups, data=initial_data(stakeholder) if request.method == "GET" else None)
    duplicates = []
    if form.validate_on_submit():
        try:
            services.update_stakeholder(
                stakeholder,
                form.to_data(),
                user=current_user,
                lookups=lookups,
                check_duplicates=True,
                accepted_duplicates=form.accepted(),
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        except services.PossibleDuplicates as found:
            duplicates = found.stakeholders
            form.show_duplicates(duplicates)
        else:
            flash("Changes saved", "success")
            return redirect(url_for("stakeholders.show", stakeholder_id=stakeholder.id))
    return render_template("stakeholders/edit.html", form=form, stakeholder=stakeholder, duplicates=duplicates)


@bp.route("/<int:stakeholder_id>/erase", methods=["GET", "POST"])
@require_permission(EDIT)
def erase(stakeholder_id):
    stakeholder = _stakeholder_or_404(stakeholder_id)
    if stakeholder.is_erased:
        return redirect(url_for("stakeholders.show", stakeholder_id=stakeholder.id))
    form = EraseForm()
    if form.validate_on_submit():
        services.erase_stakeholder(stakeholder, user=current_user)
        flash("Personal data erased. The record and its links to evidence have been kept.", "success")
        return redirect(url_for("stakeholders.show", stakeholder_id=stakeholder.id))
    return render_template("stakeholders/erase.html", form=form, stakeholder=stakeholder)
