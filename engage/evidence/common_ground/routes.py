"""Statement of Common Ground pages: list, start, view a version, edit a draft, matters, parties, signatures,
status, new version and the Word document."""

import io
from datetime import datetime

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.common.dates import LONDON
from engage.common.validation import ValidationError
from engage.evidence.common_ground import bp
from engage.evidence.common_ground import exports as scg_docx
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground.forms import (
    ConfirmForm,
    MatterForm,
    PartyForm,
    SignatureForm,
    StatementForm,
    StatusForm,
    VersionTextForm,
)
from engage.extensions import db
from engage.models import CommonGround, CommonGroundVersion
from engage.permissions import EDIT, VIEW, require_permission

DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _today():
    return datetime.now(LONDON).date()


def _version_or_404(statement_id: int, number: int) -> CommonGroundVersion:
    query = select(CommonGroundVersion).where(
        CommonGroundVersion.statement_id == statement_id, CommonGroundVersion.number == number
    )
    return db.first_or_404(query)


def _show_url(version: CommonGroundVersion) -> str:
    return url_for("evidence.common_ground.version", statement_id=version.statement_id, number=version.number)


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
            return redirect(_show_url(statement.latest))
    return render_template("evidence/common_ground/new.html", form=form)


@bp.route("/<int:statement_id>")
@require_permission(VIEW)
def show(statement_id):
    statement = db.get_or_404(CommonGround, statement_id)
    if statement.latest is None:
        return redirect(url_for("evidence.common_ground.index"))
    return redirect(_show_url(statement.latest))


@bp.route("/<int:statement_id>/versions/<int:number>")
@require_permission(VIEW)
def version(statement_id, number):
    version = _version_or_404(statement_id, number)
    return render_template(
        "evidence/common_ground/version.html",
        version=version,
        statement=version.statement,
        confirm_form=ConfirmForm(),
        allowed=scg_services.TRANSITIONS[version.status],
    )


@bp.route("/<int:statement_id>/versions/<int:number>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(statement_id, number):
    version = _version_or_404(statement_id, number)
    if not version.is_editable:
        flash(scg_services.NOT_EDITABLE.format(number=version.number, status=version.status))
        return redirect(_show_url(version))
    form = VersionTextForm(obj=version if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            scg_services.update_version(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Changes saved", "success")
            return redirect(_show_url(version))
    return render_template("evidence/common_ground/edit.html", form=form, version=version)


def _matter_prefill(version: CommonGroundVersion, slug: str) -> dict:
    row = next((m for m in version.matters if m.matter.slug == slug), None)
    if row is None:
        return {"matter": slug}
    return {"matter": slug, "position_status": row.position_status, "narrative": row.narrative}


@bp.route("/<int:statement_id>/versions/<int:number>/matters", methods=["GET", "POST"])
@require_permission(EDIT)
def matter(statement_id, number):
    version = _version_or_404(statement_id, number)
    data = _matter_prefill(version, request.args.get("matter", "")) if request.method == "GET" else None
    form = MatterForm(data=data)
    if form.validate_on_submit():
        try:
            row = scg_services.set_matter(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{row.matter.name} saved", "success")
            return redirect(_show_url(version) + "#matters")
    return render_template("evidence/common_ground/matter.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/matters/<int:row_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_matter(statement_id, number, row_id):
    version = _version_or_404(statement_id, number)
    if ConfirmForm().validate_on_submit():
        try:
            scg_services.remove_matter(version, row_id, user=current_user)
        except ValidationError as error:
            flash(error.errors["status"][0])
        else:
            flash("Matter removed", "success")
    return redirect(_show_url(version) + "#matters")


@bp.route("/<int:statement_id>/versions/<int:number>/parties", methods=["GET", "POST"])
@require_permission(EDIT)
def party(statement_id, number):
    version = _version_or_404(statement_id, number)
    form = PartyForm()
    if form.validate_on_submit():
        try:
            party = scg_services.add_party(version, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{party.name} added as a party", "success")
            return redirect(_show_url(version) + "#parties")
    return render_template("evidence/common_ground/party.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/parties/<int:party_id>/remove", methods=["POST"])
@require_permission(EDIT)
def remove_party(statement_id, number, party_id):
    version = _version_or_404(statement_id, number)
    if ConfirmForm().validate_on_submit():
        try:
            scg_services.remove_party(version, party_id, user=current_user)
        except ValidationError as error:
            flash(error.errors["status"][0])
        else:
            flash("Party removed", "success")
    return redirect(_show_url(version) + "#parties")


@bp.route("/<int:statement_id>/versions/<int:number>/signatures", methods=["GET", "POST"])
@require_permission(EDIT)
def signature(statement_id, number):
    version = _version_or_404(statement_id, number)
    form = SignatureForm()
    if form.validate_on_submit():
        try:
            signature = scg_services.add_signature(version, form.to_data(), _today(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Signature by {signature.name} recorded", "success")
            return redirect(_show_url(version) + "#signatures")
    return render_template("evidence/common_ground/signature.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/status", methods=["GET", "POST"])
@require_permission(EDIT)
def status(statement_id, number):
    version = _version_or_404(statement_id, number)
    form = StatusForm(allowed=scg_services.TRANSITIONS[version.status])
    if form.validate_on_submit():
        try:
            scg_services.change_status(version, form.status.data or "", _today(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Version {version.number} is now {version.status}", "success")
            return redirect(_show_url(version))
    return render_template("evidence/common_ground/status.html", form=form, version=version)


@bp.route("/<int:statement_id>/new-version", methods=["POST"])
@require_permission(EDIT)
def new_version(statement_id):
    statement = db.get_or_404(CommonGround, statement_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("evidence.common_ground.show", statement_id=statement.id))
    try:
        version = scg_services.start_new_version(statement, user=current_user)
    except ValidationError as error:
        flash(error.errors["status"][0])
        return redirect(url_for("evidence.common_ground.show", statement_id=statement.id))
    flash(f"Version {version.number} started from version {version.number - 1}", "success")
    return redirect(_show_url(version))


@bp.route("/<int:statement_id>/versions/<int:number>.docx")
@require_permission(VIEW)
def download(statement_id, number):
    version = _version_or_404(statement_id, number)
    data = scg_docx.docx_bytes(version)
    filename = f"statement-of-common-ground-{statement_id}-v{number}.docx"
    return send_file(io.BytesIO(data), mimetype=DOCX_MIMETYPE, as_attachment=True, download_name=filename)
