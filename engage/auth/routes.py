from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from engage.auth import bp, services
from engage.auth.forms import SignInForm, TokenForm
from engage.permissions import VIEW, public, require_permission


def _safe_next(target: str | None) -> str:
    r"""`target` when it is a path on this site, else the dashboard. Browsers read a backslash as a slash and drop
    tabs and line breaks, so `/\evil` and `/<tab>/evil` would lead to another site: any of those refuses the lot."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not any(ord(character) < 32 or ord(character) == 127 for character in target)
        and not urlsplit(target).netloc
    ):
        return target
    return url_for("main.index")


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data, services.client_address())
        except services.AccountError as error:
            form.email.errors.append(str(error))
        else:
            if user is not None:
                login_user(user)
                return redirect(_safe_next(request.args.get("next")))
            form.email.errors.append("Enter a correct email address and password")
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out():
    logout_user()
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
