from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from engage.admin import bp
from engage.admin.forms import UserForm
from engage.auth import services as accounts
from engage.common.pagination import paginate, parse_int
from engage.extensions import db
from engage.models import AuditEvent, Authority, User
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
    entity_id = request.args.get("entity_id", "").strip()
    if entity_id.isdigit():
        query = query.where(AuditEvent.entity_id == int(entity_id))
    page = paginate(query, parse_int(request.args.get("page"), 1), 50)
    return render_template("admin/audit.html", page=page, entity_type=entity_type, action=action)


@bp.route("/users")
@require_permission(ADMIN)
def users():
    users = db.session.scalars(select(User).options(selectinload(User.authority)).order_by(User.email))
    return render_template("admin/users.html", users=list(users))


@bp.route("/users/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new_user():
    form = UserForm()
    authorities = db.session.scalars(
        select(Authority).where(Authority.kind.in_(("partner", "county"))).order_by(Authority.name)
    )
    form.authority.choices = [SelectChoice("", "Select an authority")] + [
        SelectChoice(a.code, a.name) for a in authorities
    ]
    if form.validate_on_submit():
        try:
            user, password = accounts.create_user(
                form.email.data, form.role.data, form.authority.data, name=form.name.data
            )
        except accounts.AccountError as error:
            form.email.errors.append(str(error))
        else:
            flash(f"User {user.email} added. Their temporary password is {password}", "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/new_user.html", form=form)
