"""Statement of Common Ground pages: list, start, view a version, edit a draft, its matters, parties and their
positions, and the Word document. Signing, status and new versions are in signing_routes.py."""

import io

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.common.validation import ValidationError
from engage.evidence.common_ground import bp, checks, signing, versions
from engage.evidence.common_ground import exports as scg_docx
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground.forms import (
    ConfirmForm,
    MatterForm,
    NewVersionForm,
    PartyForm,
    StatementForm,
    VersionTextForm,
    positions_data,
    positions_form,
)
from engage.evidence.common_ground.lookups import show_url, version_or_404
from engage.extensions import db
from engage.models import CommonGround, CommonGroundVersion
from engage.permissions import EDIT, VIEW, require_permission

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.route("/")
@require_permission(VIEW)
def index():
    statements = db.session.scalars(
        select(CommonGround).options(selectinload(CommonGround.versions)).order_by(CommonGround.title)
    ).all()
    return render_template("evidence/common_ground/index.html", statements=statements)


@bp.route("/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new():
    form = StatementForm()
    if form.validate_on_submit():
        try:
            statement = scg_services.create_statement(form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{statement.title} started as a draft", "success")
            return redirect(show_url(statement.latest))
    return render_template("evidence/common_ground/new.html", form=form)


@bp.route("/<int:statement_id>")
@require_permission(VIEW)
def show(statement_id):
    statement = db.get_or_404(CommonGround, statement_id)
    if statement.latest is None:
        return redirect(url_for("evidence.common_ground.index"))
    return redirect(show_url(statement.latest))


@bp.route("/<int:statement_id>/versions/<int:number>")
@require_permission(VIEW)
def version(statement_id, number):
    version = version_or_404(statement_id, number)
    return render_template(
        "evidence/common_ground/version.html",
        version=version,
        statement=version.statement,
        confirm_form=ConfirmForm(),
        new_version_form=NewVersionForm(),
        allowed=signing.TRANSITIONS[version.status],
        differences=versions.differences(version),
        timing_flags=checks.timing_flags(version),
        contradictions=checks.contradictions(version),
        submitted_on=checks.submitted_on(version),
    )


@bp.route("/<int:statement_id>/versions/<int:number>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(statement_id, number):
    version = version_or_404(statement_id, number)
    if not version.is_editable:
        flash(scg_services.NOT_EDITABLE.format(number=version.number, status=version.status))
        return redirect(show_url(version))
    form = VersionTextForm(obj=version if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            scg_services.update_version(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Changes saved", "success")
            return redirect(show_url(version))
    return render_template("evidence/common_ground/edit.html", form=form, version=version)


def _matter_prefill(version: CommonGroundVersion, slug: str) -> dict:
    row = next((m for m in version.matters if m.matter.slug == slug), None)
    if row is None:
        return {"matter": slug}
    return {"matter": slug, "position_status": row.position_status, "narrative": row.narrative}


@bp.route("/<int:statement_id>/versions/<int:number>/matters", methods=["GET", "POST"])
@require_permission(EDIT)
def matter(statement_id, number):
    version = version_or_404(statement_id, number)
    data = _matter_prefill(version, request.args.get("matter", "")) if request.method == "GET" else None
    form = MatterForm(data=data)
    if form.validate_on_submit():
        try:
            row = scg_services.set_matter(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{row.matter.name} saved", "success")
            return redirect(show_url(version, "matters"))
    return render_template("evidence/common_ground/matter.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/matters/<int:row_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_matter(statement_id, number, row_id):
    version = version_or_404(statement_id, number)
    if ConfirmForm().validate_on_submit():
        try:
            scg_services.remove_matter(version, row_id, user=current_user)
        except ValidationError as error:
            flash(error.errors["status"][0])
        else:
            flash("Matter removed", "success")
    return redirect(show_url(version, "matters"))


@bp.route("/<int:statement_id>/versions/<int:number>/parties", methods=["GET", "POST"])
@require_permission(EDIT)
def party(statement_id, number):
    version = version_or_404(statement_id, number)
    form = PartyForm()
    if form.validate_on_submit():
        try:
            party = scg_services.add_party(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{party.name} added as a party", "success")
            return redirect(show_url(version, "parties"))
    return render_template("evidence/common_ground/party.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/parties/<int:party_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_party(statement_id, number, party_id):
    version = version_or_404(statement_id, number)
    if ConfirmForm().validate_on_submit():
        try:
            scg_services.remove_party(version, party_id, user=current_user)
        except ValidationError as error:
            flash(error.errors["status"][0])
        else:
            flash("Party removed", "success")
    return redirect(show_url(version, "parties"))


@bp.route("/<int:statement_id>/versions/<int:number>/parties/<int:party_id>/positions", methods=["GET", "POST"])
@require_permission(EDIT)
def positions(statement_id, number, party_id):
    version = version_or_404(statement_id, number)
    party = next((p for p in version.parties if p.id == party_id), None)
    if party is None:
        abort(404)
    if not version.is_editable:
        flash(scg_services.NOT_EDITABLE.format(number=version.number, status=version.status))
        return redirect(show_url(version, "positions"))
    form = positions_form(version, party, request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            scg_services.set_positions(version, party, positions_data(form, version), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Positions of {party.name} saved", "success")
            return redirect(show_url(version, "positions"))
    return render_template("evidence/common_ground/positions.html", form=form, version=version, party=party)


@bp.route("/<int:statement_id>/versions/<int:number>.docx")
@require_permission(VIEW)
def download(statement_id, number):
    version = version_or_404(statement_id, number)
    data = scg_docx.docx_bytes(version)
    filename = f"statement-of-common-ground-{statement_id}-v{number}.docx"
    return send_file(io.BytesIO(data), mimetype=DOCX_MIMETYPE, as_attachment=True, download_name=filename)
