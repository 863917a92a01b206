from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user

from engage.auth import bp, services, sessions, two_factor
from engage.auth.forms import CodeForm, SignInForm, TokenForm
from engage.auth.throttling import Throttled
from engage.common.validation import ValidationError
from engage.permissions import VIEW, public, require_permission

# Where an officer with a temporary password may still go: the page to change it, and out.
TEMPORARY_PASSWORD_ALLOWS = {"auth.change_password", "auth.sign_out", "static"}


@bp.before_app_request
def change_temporary_password_first():
    """An officer signed in with a temporary password sees only the page to change it (API tokens are not held up)."""
    if request.endpoint in TEMPORARY_PASSWORD_ALLOWS or "_user_id" not in session:
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        return redirect(url_for("auth.change_password"))
    return None


def throttled_page(template: str, throttled: Throttled, **context):
    """The page again with the wait in its error message, as 429 Too Many Requests with Retry-After."""
    return render_template(template, **context), 429, {"Retry-After": str(throttled.retry_after)}


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        return redirect(sessions.safe_next(request.args.get("next")))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data, services.client_address())
        except Throttled as throttled:
            form.email.errors.append(str(throttled))
            return throttled_page("auth/sign_in.html", throttled, form=form)
        if user is None:
            form.email.errors.append("Enter a correct email address and password")
        elif user.two_factor:
            sessions.await_code(user, request.args.get("next"))
            return redirect(url_for("auth.sign_in_code"))
        else:
            sessions.begin(user)
            return redirect(sessions.safe_next(request.args.get("next")))
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@public
def sign_in_code():
    user, next_target = sessions.awaiting_code()
    if user is None:
        if sessions.AWAITING_CODE in session:
            flash("Sign in again: the page asking for your security code was open for more than 10 minutes", "info")
        return redirect(url_for("auth.sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            two_factor.sign_in_with_code(user, form.code.data, services.client_address())
        except Throttled as throttled:
            form.code.errors.append(str(throttled))
            return throttled_page("auth/sign_in_code.html", throttled, form=form)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            sessions.begin(user)
            return redirect(next_target)
    return render_template("auth/sign_in_code.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out():
    logout_user()
    session.clear()
    flash("You have signed out", "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account", methods=["GET", "POST"])
@require_permission(VIEW)
def account():
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        new_token = services.create_token(current_user, form.name.data)
        form = TokenForm(formdata=None)
    return render_template("auth/account.html", form=form, new_token=new_token)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@require_permission(VIEW)
def revoke_token(token_id: int):
    if services.revoke_token(current_user, token_id):
        flash("Token revoked", "success")
    return redirect(url_for("auth.account"))
