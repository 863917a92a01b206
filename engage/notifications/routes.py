"""Notification pages: the plan's events and who asked to hear of them, recording an event, one event's notices,
and the letter list and who-asked files."""

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.common.office import XLSX_MIMETYPE
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import NotificationEvent, Plan
from engage.notifications import bp, exports, queries, services
from engage.notifications.forms import EventForm, SendAgainForm
from engage.permissions import EDIT, VIEW, require_permission
from engage.vocab import NotifyEvent

PER_PAGE = 200


def _plan_or_404(plan_id: int) -> Plan:
    return db.session.get(Plan, plan_id) or abort(404)


def _event_or_404(event_id: int) -> NotificationEvent:
    return db.session.get(NotificationEvent, event_id) or abort(404)


@bp.route("/plans/<int:plan_id>")
@require_permission(VIEW)
def index(plan_id):
    plan = _plan_or_404(plan_id)
    askers = queries.askers(plan)
    asked = {event.value: sum(event.value in a.events for a in askers) for event in NotifyEvent}
    events = [(event, queries.counts(event)) for event in queries.events_of(plan)]
    return render_template("notifications/index.html", plan=plan, asked=asked, events=events)


@bp.route("/plans/<int:plan_id>/new", methods=["GET", "POST"])
@require_permission(EDIT)
def new(plan_id):
    plan = _plan_or_404(plan_id)
    form = EventForm()
    if form.validate_on_submit():
        try:
            event = services.record_event(plan, form.to_data(), user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"{NotifyEvent.label_of(event.event)} recorded: those who asked are being notified", "success")
            return redirect(url_for("notifications.show", event_id=event.id))
    return render_template("notifications/new.html", form=form, plan=plan)


@bp.route("/<int:event_id>")
@require_permission(VIEW)
def show(event_id):
    event = _event_or_404(event_id)
    notices = db.session.scalars(queries.notifications(event).limit(PER_PAGE)).all()
    return render_template(
        "notifications/show.html",
        event=event,
        counts=queries.counts(event),
        notices=notices,
        shown=PER_PAGE,
        what=services.what_happened(event),
        form=SendAgainForm(),
    )


@bp.route("/<int:event_id>/send-again", methods=["POST"])
@require_permission(EDIT)
def send_again(event_id):
    event = _event_or_404(event_id)
    form = SendAgainForm()
    if form.validate_on_submit():
        try:
            count = services.send_failed_again(event, user=current_user)
        except ValidationError as error:
            flash(error.errors["event"][0])
        else:
            flash(f"Sending {count} failed {'email' if count == 1 else 'emails'} again", "success")
    return redirect(url_for("notifications.show", event_id=event.id))


@bp.route("/<int:event_id>/letters.<any(csv, xlsx):file_format>")
@require_permission(EDIT)
def letters(event_id, file_format):
    event = _event_or_404(event_id)
    name = f"letters-{event.plan.slug}-{event.event}.{file_format}"
    return _download(exports.letters_file(event, file_format), file_format, name)


@bp.route("/plans/<int:plan_id>/who-asked.<any(csv, xlsx):file_format>")
@require_permission(EDIT)
def who_asked(plan_id, file_format):
    plan = _plan_or_404(plan_id)
    return _download(exports.who_asked_file(plan, file_format), file_format, f"who-asked-{plan.slug}.{file_format}")


def _download(content: bytes, file_format: str, filename: str) -> Response:
    mimetype = "text/csv" if file_format == "csv" else XLSX_MIMETYPE
    response = Response(content, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response
