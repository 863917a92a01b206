"""Pages to change a password (first of all a temporary one), and to reset a forgotten one by email."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from engage import jobs
from engage.auth import bp, passwords, sessions
from engage.auth.forms import ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm
from engage.common.validation import ValidationError
from engage.extensions import limiter
from engage.permissions import VIEW, public, require_permission


@bp.route("/account/password", methods=["GET", "POST"])
@require_permission(VIEW)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            passwords.change_password(current_user, form.current_password.data, form.new_password.data)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            sessions.keep_after_password_change()
            flash("Your password has been changed", "success")
            return redirect(url_for("auth.account"))
    return render_template("auth/change_password.html", form=form, temporary=current_user.must_change_password)


def _reset_limit() -> str:
    return current_app.config["PASSWORD_RESET_RATE_LIMIT"]


@bp.route("/forgot-password", methods=["GET", "POST"])
@public
@limiter.limit(_reset_limit, methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = passwords.request_reset(form.email.data)
        if user is not None:
            link = url_for("auth.reset_password", token=passwords.reset_token(user), _external=True)
            jobs.enqueue_call(passwords.send_reset_link, user.id, link)  # after the commit; off the request with Redis
        return render_template("auth/forgot_password_sent.html", email=form.email.data.strip())
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    try:
        passwords.user_for_reset(token)
    except passwords.ResetLinkError as error:
        return _no_referrer(render_template("auth/reset_link_error.html", problem=str(error)), 410)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            passwords.reset_password(token, form.new_password.data)
        except passwords.ResetLinkError as error:  # expired since the page was asked for
            return _no_referrer(render_template("auth/reset_link_error.html", problem=str(error)), 410)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Your password has been reset. Sign in with your new password", "success")
            return redirect(url_for("auth.sign_in"))
    return _no_referrer(render_template("auth/reset_password.html", form=form))


def _no_referrer(page: str, status: int = 200):
    """The reset link is in the page's address: never send it on, not even to this site's own files."""
    return page, status, {"Referrer-Policy": "no-referrer"}
