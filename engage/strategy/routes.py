"""The communications strategy: entries per audience, scheduling their engagements, coverage gaps."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.engagements import queries
from engage.engagements.lookups import FormLookups
from engage.engagements.rules import current_plan
from engage.extensions import db
from engage.models import Engagement, Register, StrategyEntry
from engage.permissions import EDIT, VIEW, require_permission
from engage.strategy import bp, coverage, schedule, services
from engage.strategy.forms import StrategyEntryForm, initial_data


def _registers() -> list[Register]:
    return list(db.session.scalars(select(Register).order_by(Register.position, Register.id)))


@bp.route("/")
@require_permission(VIEW)
def index():
    entries = db.session.scalars(
        select(StrategyEntry)
        .options(selectinload(StrategyEntry.stages), selectinload(StrategyEntry.stakeholders))
        .order_by(StrategyEntry.title, StrategyEntry.id)
    ).all()
    counts = dict(
        db.session.execute(
            select(Engagement.strategy_entry_id, func.count(Engagement.id))
            .where(Engagement.strategy_entry_id.is_not(None))
            .group_by(Engagement.strategy_entry_id)
        ).all()
    )
    gaps = {gap.entry.id: gap for gap in coverage.coverage_gaps()}
    plan = current_plan()
    return render_template(
        "strategy/index.html",
        plan=plan,
        stage_counts=queries.stage_counts(plan) if plan else {},
        entries=entries,
        counts=counts,
        gaps=gaps,
    )


def _save(form: StrategyEntryForm, entry: StrategyEntry | None):
    data, errors = form.to_data()
    if errors:
        raise ValidationError(errors)
    if entry is None:
        return services.create_entry(data, user=current_user)
    return services.update_entry(entry, data, user=current_user)


@bp.route("/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new():
    form = StrategyEntryForm(data={"lead_authority": getattr(current_user.authority, "code", "")})
    form.setup(FormLookups(), _registers())
    if form.validate_on_submit():
        try:
            entry = _save(form, None)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Strategy entry added: {entry.title}", "success")
            return redirect(url_for("strategy.index"))
    return render_template("strategy/form.html", form=form, entry=None)


@bp.route("/<int:entry_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit(entry_id):
    entry = db.get_or_404(StrategyEntry, entry_id)
    form = StrategyEntryForm(data=initial_data(entry) if request.method == "GET" else None)
    form.setup(FormLookups(), _registers())
    if form.validate_on_submit():
        try:
            _save(form, entry)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Changes saved", "success")
            return redirect(url_for("strategy.index"))
    return render_template("strategy/form.html", form=form, entry=entry)


@bp.route("/schedule", methods=["POST"])
@require_permission(EDIT)
def generate():
    """Plan the engagements the strategy calls for. Safe to repeat: existing ones are kept as they are."""
    entry_id = request.form.get("entry", "").strip()
    if entry_id:
        entry = db.get_or_404(StrategyEntry, parse_id(entry_id)) if parse_id(entry_id) else abort(404)
        count = len(schedule.generate(entry, user=current_user))
    else:
        count = schedule.generate_all(user=current_user)
    flash(f"{count} planned engagements added" if count != 1 else "1 planned engagement added", "success")
    return redirect(url_for("strategy.index"))
