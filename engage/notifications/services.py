"""Recording an event of the plan that respondents asked to hear of, and telling them.

`record_event` writes the event and one notice per person who asked (engage.notifications.queries.askers): those
with an email address get an email from a background job, the rest are put on the letter list, which officers
download and post. Each email's outcome is kept on its notice (sent, or failed with the reason, which never holds
the address); `send_failed_again` queues the failed ones once more. An event is recorded once per plan.
"""

import logging
from datetime import date
from typing import Any

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.common import audit
from engage.common.dates import LONDON
from engage.common.validation import EARLIEST_YEAR, LATEST_YEAR, ValidationError
from engage.extensions import db
from engage.jobs import enqueue_after_commit, send_each
from engage.mail import failure_reason, is_unexpected, send_email
from engage.models import Job, Notification, NotificationEvent, Plan, Respondent, utcnow
from engage.notifications import queries
from engage.vocab import NotificationChannel, NotificationStatus, NotifyEvent

log = logging.getLogger(__name__)
JOB_KIND = "notification-emails"
JOB_FUNCTION = "engage.notifications.services.send_notification_emails"
NOTE_LIMIT = 2000


def clean_event(plan: Plan, data: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Which event, the date it happened (not in the future) and an optional note for the message."""
    errors: dict[str, list[str]] = {}
    event = str(data.get("event") or "").strip().lower()
    if event not in NotifyEvent.values():
        errors["event"] = ["Select what happened"]
    elif existing := _recorded(plan, event):
        errors["event"] = [
            f"{NotifyEvent.label_of(event)} was already recorded on {existing.recorded_at:%d %B %Y}, and those who "
            "asked were told then"
        ]
    occurred_on = data.get("occurred_on")
    today = today or utcnow().astimezone(LONDON).date()  # the UK date: an hour ahead of UTC's in summer
    if not isinstance(occurred_on, date):
        errors["occurred_on"] = ["Enter the date it happened, like 27 3 2027"]
    elif not EARLIEST_YEAR <= occurred_on.year <= LATEST_YEAR:
        errors["occurred_on"] = [f"Enter a real date between {EARLIEST_YEAR} and {LATEST_YEAR}"]
    elif occurred_on > today:
        errors["occurred_on"] = ["The date it happened must be today or in the past"]
    note = str(data.get("note") or "").strip()
    if len(note) > NOTE_LIMIT:
        errors["note"] = [f"Enter {NOTE_LIMIT:,} characters or fewer"]
    if errors:
        raise ValidationError(errors)
    return {"event": event, "occurred_on": occurred_on, "note": note}


def _recorded(plan: Plan, event: str) -> NotificationEvent | None:
    query = select(NotificationEvent).where(NotificationEvent.plan_id == plan.id, NotificationEvent.event == event)
    return db.session.scalar(query)


def record_event(plan: Plan, data: dict[str, Any], user=None) -> NotificationEvent:
    """Record that the event happened and notify everyone who asked: emails queued after the commit, the others
    on the letter list."""
    values = clean_event(plan, data)
    event = NotificationEvent(plan_id=plan.id, recorded_by_id=getattr(user, "id", None), **values)
    db.session.add(event)
    askers = queries.askers(plan, values["event"])
    emails = 0
    for asker in askers:
        by_email = asker.channel == NotificationChannel.EMAIL
        emails += by_email
        event.notifications.append(
            Notification(
                respondent_id=asker.respondent.id,
                channel=asker.channel,
                status=NotificationStatus.PENDING if by_email else NotificationStatus.LISTED,
            )
        )
    if emails:
        event.job_id = _new_job(emails, user).id
        enqueue_after_commit(JOB_FUNCTION, event.job_id)
    db.session.flush()
    summary = f"Recorded {NotifyEvent.label_of(values['event'])}: {emails} emails, {len(askers) - emails} letters"
    audit.record("notify", "notification_event", event.id, summary, user=user, changes={"plan_id": plan.id})
    db.session.commit()
    return event


def _new_job(total: int, user) -> Job:
    job = Job(kind=JOB_KIND, user_id=getattr(user, "id", None), total_rows=total)
    db.session.add(job)
    db.session.flush()
    return job


def send_failed_again(event: NotificationEvent, user=None) -> int:
    """Queue the emails that could not be sent for another try; how many."""
    failed = list(db.session.scalars(queries.notifications(event, NotificationChannel.EMAIL)))
    failed = [notice for notice in failed if notice.status == NotificationStatus.FAILED]
    if not failed:
        raise ValidationError({"event": ["There are no failed emails to send again"]})
    event.job_id = _new_job(len(failed), user).id
    for notice in failed:
        notice.status, notice.error = NotificationStatus.PENDING, ""
    enqueue_after_commit(JOB_FUNCTION, event.job_id)
    audit.record("notify", "notification_event", event.id, f"Sending {len(failed)} failed emails again", user=user)
    db.session.commit()
    return len(failed)


def send_notification_emails(job_id: int) -> dict:
    """The background job: send the event's pending emails, recording how each went. Safe to run twice: only
    pending notices are sent."""
    event = db.session.scalar(select(NotificationEvent).where(NotificationEvent.job_id == job_id))
    if event is None:
        return {"sent": 0, "failed": 0}
    pending = db.session.scalars(
        select(Notification)
        .where(
            Notification.event_id == event.id,
            Notification.channel == NotificationChannel.EMAIL,
            Notification.status == NotificationStatus.PENDING,
        )
        .options(selectinload(Notification.respondent).selectinload(Respondent.consultation))
        .order_by(Notification.id)
    ).all()
    return send_each(job_id, pending, lambda notice: _send(event, notice))


def _send(event: NotificationEvent, notice: Notification) -> bool:
    respondent = notice.respondent
    contact, on_behalf_of = queries.contact_of(respondent)
    if respondent.erased_at is not None or not contact["email"]:
        notice.status, notice.error = NotificationStatus.FAILED, "The respondent’s email address has been erased"
        return False
    context = message_context(event, contact, on_behalf_of, respondent.reference)
    try:
        send_email(
            contact["email"],
            f"{event.plan.name}: {NotifyEvent.label_of(event.event)}",
            render_template("notifications/email/event.txt", **context),
            render_template("notifications/email/event.html", **context),
        )
    except Exception as error:
        reason = failure_reason(error)
        log.warning("Could not send notification %s: %s", notice.id, reason, exc_info=is_unexpected(error))
        notice.status, notice.error = NotificationStatus.FAILED, reason
        return False
    notice.status, notice.sent_at, notice.error = NotificationStatus.SENT, utcnow(), ""
    return True


def message_context(event: NotificationEvent, contact: dict[str, str], on_behalf_of: str, reference: str) -> dict:
    name = " ".join(p for p in (contact["title"], contact["first_name"], contact["last_name"]) if p)
    return {
        "event": event,
        "plan": event.plan,
        "name": name or contact["organisation"],
        "on_behalf_of": on_behalf_of,
        "reference": reference,
        "what": what_happened(event),
    }


def what_happened(event: NotificationEvent) -> str:
    """The sentence the email and the letter list give."""
    day = f"{event.occurred_on.day} {event.occurred_on:%B %Y}"
    plan = event.plan.name
    if event.event == NotifyEvent.SUBMISSION:
        return f"{plan} was submitted for independent examination on {day}."
    if event.event == NotifyEvent.INSPECTOR_REPORT:
        return f"The Inspector’s report on {plan} was published on {day}."
    return f"{plan} was adopted on {day}."
