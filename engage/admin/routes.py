from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from engage.admin import bp, services
from engage.admin.forms import ConfirmForm, EditUserForm, UserForm
from engage.common.ids import parse_id
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, User
from engage.permissions import ADMIN, require_permission


@bp.route("/audit")
@require_permission(ADMIN)
def audit():
    query = select(AuditEvent).options(selectinload(AuditEvent.user)).order_by(AuditEvent.id.desc())
    entity_type = request.args.get("entity_type", "").strip()
    action = request.args.get("action", "").strip()
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    if action:
        query = query.where(AuditEvent.action == action)
    entity_id = parse_id(request.args.get("entity_id"))
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    page = paginate(query, parse_int(request.args.get("page"), 1), 50)
    return render_template("admin/audit.html", page=page, entity_type=entity_type, action=action)


@bp.route("/users")
@require_permission(ADMIN)
def users():
    users = db.session.scalars(select(User).options(selectinload(User.authority)).order_by(User.email))
    return render_template("admin/users.html", users=list(users))


def _authority_choices(form) -> None:
    form.authority.choices = [SelectChoice("", "Select an authority")] + [
        SelectChoice(a.code, a.name) for a in services.assignable_authorities()
    ]


@bp.route("/users/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new_user():
    form = UserForm()
    _authority_choices(form)
    if form.validate_on_submit():
        try:
            user, password = services.add_user(
                current_user, form.email.data, form.name.data, form.role.data, form.authority.data
            )
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"User {user.email} added. Their temporary password is {password}", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/new_user.html", form=form)


def _user_or_404(user_id: int) -> User:
    return services.find_user(user_id) or abort(404)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@require_permission(ADMIN)
def edit_user(user_id: int):
    user = _user_or_404(user_id)
    form = EditUserForm(data=services.details(user))
    _authority_choices(form)
    if form.validate_on_submit():
        try:
            services.update_user(current_user, user, form.name.data, form.role.data, form.authority.data)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Changes to {user.email} saved", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/edit_user.html", form=form, user=user)


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@require_permission(ADMIN)
def deactivate_user(user_id: int):
    user = _user_or_404(user_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.deactivate_user(current_user, user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{user.email} is deactivated: they are signed out and their API tokens are revoked", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/deactivate_user.html", form=form, user=user)


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@require_permission(ADMIN)
def reactivate_user(user_id: int):
    user = _user_or_404(user_id)
    if ConfirmForm().validate_on_submit():
        services.reactivate_user(current_user, user)
        flash(f"{user.email} is active again and can sign in", "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.route("/users/<int:user_id>/two-factor/turn-off", methods=["POST"])
@require_permission(ADMIN)
def turn_off_two_factor(user_id: int):
    user = _user_or_404(user_id)
    if ConfirmForm().validate_on_submit() and user.two_factor:
        services.turn_off_two_factor(current_user, user)
        flash(f"Two-factor authentication is off for {user.email}", "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))
