"""Statement of Common Ground pages for signing: record a party's signature, change a version's status (dated as
on the document), and start the next version with its change log."""

from flask import flash, redirect, render_template
from flask_login import current_user

from engage.common.validation import ValidationError
from engage.evidence.common_ground import bp, signing, versions
from engage.evidence.common_ground.forms import NewVersionForm, SignatureForm, StatusForm
from engage.evidence.common_ground.lookups import show_url, today, version_or_404
from engage.extensions import db
from engage.models import CommonGround
from engage.permissions import EDIT, require_permission


@bp.route("/<int:statement_id>/versions/<int:number>/signatures", methods=["GET", "POST"])
@require_permission(EDIT)
def signature(statement_id, number):
    version = version_or_404(statement_id, number)
    form = SignatureForm(parties=signing.unsigned(version))
    if form.validate_on_submit():
        try:
            signature = signing.add_signature(version, form.to_data(), today(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Signature for {signature.organisation} recorded", "success")
            return redirect(show_url(version, "signatures"))
    return render_template("evidence/common_ground/signature.html", form=form, version=version)


@bp.route("/<int:statement_id>/versions/<int:number>/status", methods=["GET", "POST"])
@require_permission(EDIT)
def status(statement_id, number):
    version = version_or_404(statement_id, number)
    form = StatusForm(allowed=signing.TRANSITIONS[version.status])
    if form.validate_on_submit():
        try:
            signing.change_status(version, form.status.data or "", form.on.data, today(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Version {version.number} is now {version.status}", "success")
            return redirect(show_url(version))
    return render_template("evidence/common_ground/status.html", form=form, version=version)


@bp.route("/<int:statement_id>/new-version", methods=["GET", "POST"])
@require_permission(EDIT)
def new_version(statement_id):
    statement = db.get_or_404(CommonGround, statement_id)
    latest = statement.latest
    if latest is not None and latest.status == "draft":
        flash(f"Version {latest.number} is still a draft: change that one instead")
        return redirect(show_url(latest))
    form = NewVersionForm()
    if form.validate_on_submit():
        try:
            version = versions.start_new_version(statement, {"change_log": form.change_log.data}, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Version {version.number} started from version {version.number - 1}", "success")
            return redirect(show_url(version))
    return render_template("evidence/common_ground/new_version.html", form=form, statement=statement, latest=latest)
