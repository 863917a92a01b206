from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from engage.engagements.history import engagement_dashboard
from engage.extensions import db
from engage.main import bp
from engage.models import Plan, Stakeholder
from engage.permissions import VIEW, public, require_permission
from engage.plans.queries import owner
from engage.stakeholders.queries import register_counts


@bp.route("/")
@require_permission(VIEW)
def index():
    registers = register_counts()
    total = db.session.scalar(select(func.count(Stakeholder.id))) or 0
    plan = db.session.scalar(select(Plan).order_by(Plan.id))
    return render_template(
        "main/index.html", registers=registers, total=total, plan=plan, work=engagement_dashboard(current_user)
    )


@bp.route("/healthz")
@public
def healthz():
    try:
        db.session.execute(select(1))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")


@bp.route("/accessibility")
@public
def accessibility():
    return render_template("main/accessibility.html", owner=owner())


@bp.route("/privacy")
@public
def privacy():
    return render_template("main/privacy.html")


@bp.route("/cookies")
@public
def cookies():
    return render_template("main/cookies.html")
