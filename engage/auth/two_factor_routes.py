"""Pages to turn two-factor authentication on (scan a QR code, type the code) and off, from the account page."""

from flask import flash, redirect, render_template, session, url_for
from flask_login import current_user

from engage.auth import bp, two_factor
from engage.auth.forms import CodeForm
from engage.common.validation import ValidationError
from engage.permissions import VIEW, require_permission

PENDING_SECRET = "two_factor_secret"  # the secret being set up, kept until the first code proves the app has it


@bp.route("/account/two-factor", methods=["GET", "POST"])
@require_permission(VIEW)
def two_factor_set_up():
    if current_user.two_factor:
        return redirect(url_for("auth.account"))
    secret = session.get(PENDING_SECRET) or two_factor.new_secret()
    session[PENDING_SECRET] = secret
    form = CodeForm()
    if form.validate_on_submit():
        try:
            two_factor.turn_on(current_user, secret, form.code.data)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            session.pop(PENDING_SECRET, None)
            flash(
                "Two-factor authentication is on. You will need a code from your app each time you sign in", "success"
            )
            return redirect(url_for("auth.account"))
    page = render_template(
        "auth/two_factor_set_up.html",
        form=form,
        qr_code=two_factor.qr_code(current_user, secret),
        secret=two_factor.spaced(secret),
    )
    return page, 200, {"Cache-Control": "no-store"}


@bp.route("/account/two-factor/turn-off", methods=["GET", "POST"])
@require_permission(VIEW)
def two_factor_turn_off():
    if not current_user.two_factor:
        return redirect(url_for("auth.account"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            two_factor.turn_off(current_user, form.code.data)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Two-factor authentication is off", "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/two_factor_turn_off.html", form=form)
