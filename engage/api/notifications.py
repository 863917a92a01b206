"""Notifying respondents: a plan's events that respondents asked to hear of (submission, the Inspector's report,
adoption), recording one (which notifies everyone who asked), and each event's notices. Over
engage.notifications, as the officer pages."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.notifications import queries, services
from engage.notifications.schemas import Notification, NotificationEvent, NotificationEventInput
from engage.permissions import EDIT, VIEW, require_permission


@bp.get("/plans/<int:plan_id>/notification-events")
@require_permission(VIEW)
def list_notification_events(plan_id: int):
    plan = find_or_404(models.Plan, plan_id)
    query = select(models.NotificationEvent).where(models.NotificationEvent.plan_id == plan.id)
    return paginated_response(query.order_by(models.NotificationEvent.id), NotificationEvent)


@bp.post("/plans/<int:plan_id>/notification-events")
@require_permission(EDIT)
@idempotent
def record_notification_event(plan_id: int):
    plan = find_or_404(models.Plan, plan_id)
    event = services.record_event(plan, parse_json_body(NotificationEventInput), user=current_user)
    return jsonify(NotificationEvent.serialise(event)), 201


@bp.get("/notification-events/<int:event_id>")
@require_permission(VIEW)
def show_notification_event(event_id: int):
    return jsonify(NotificationEvent.serialise(find_or_404(models.NotificationEvent, event_id, "notification event")))


@bp.get("/notification-events/<int:event_id>/notifications")
@require_permission(VIEW)
def list_notifications(event_id: int):
    event = find_or_404(models.NotificationEvent, event_id, "notification event")
    return paginated_response(queries.notifications(event), Notification)


@bp.post("/notification-events/<int:event_id>/send-again")
@require_permission(EDIT)
@idempotent
def send_notifications_again(event_id: int):
    event = find_or_404(models.NotificationEvent, event_id, "notification event")
    services.send_failed_again(event, user=current_user)
    return jsonify(NotificationEvent.serialise(event))


spec.document(
    tag=("Notifications", "Telling respondents who asked when the plan is submitted, reported on and adopted"),
    paths={
        "/plans/{plan_id}/notification-events": {
            "get": {
                "summary": "List the events recorded for a plan",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(NotificationEvent),
            },
            "post": {
                "summary": "Record an event and notify those who asked",
                "description": "Everyone in the plan's consultations who asked to hear of the event is notified once "
                "(by email address, or name and postal address; through their agent when they have one). Emails "
                "are sent by a background job after the answer (`counts.pending` until then); the others are put "
                "on the letter list. Each event can be recorded once per plan.",
                "requestBody": spec.json_body(NotificationEventInput),
                "responses": spec.responds(NotificationEvent, 201, "Recorded"),
            },
        },
        "/notification-events/{event_id}": {
            "get": {"summary": "Get an event and how its notices went", "responses": spec.responds(NotificationEvent)}
        },
        "/notification-events/{event_id}/notifications": {
            "get": {
                "summary": "List an event's notices",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Notification),
            }
        },
        "/notification-events/{event_id}/send-again": {
            "post": {
                "summary": "Send the emails that failed again",
                "description": "A 422 when none failed.",
                "responses": spec.responds(NotificationEvent),
            }
        },
    },
)
