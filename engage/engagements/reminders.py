"""Reminder emails: engagements coming up in the next day and overdue actions, one message per officer.

`flask --app wsgi send-reminders` (for cron, e.g. every morning) queues `run_reminders` through engage.jobs: on
RQ when REDIS_URL is set, inline otherwise. Each engagement is reminded about once; each overdue action at most
once a day. Emails go through engage.mail (SMTP configured by MAIL_*), with plain-text and HTML parts.
"""

import os
from collections import defaultdict
from contextlib import nullcontext
from datetime import datetime, timedelta

from flask import current_app, has_request_context, render_template
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from engage import jobs, mail
from engage.common.dates import LONDON
from engage.extensions import db
from engage.models import Action, Engagement, Job, User, utcnow

UPCOMING = timedelta(hours=24)


def _recipients() -> dict[int, list[User]]:
    """Active officers and admins by authority id."""
    users = db.session.scalars(
        select(User).where(User.active.is_(True), User.role.in_(("officer", "admin")), User.authority_id.is_not(None))
    )
    by_authority: dict[int, list[User]] = defaultdict(list)
    for user in users:
        by_authority[user.authority_id].append(user)
    return by_authority


def _due(now: datetime) -> tuple[list[Engagement], list[Action]]:
    today = now.astimezone(LONDON).date()
    start_of_day = datetime.combine(today, datetime.min.time(), LONDON)
    engagements = db.session.scalars(
        select(Engagement)
        .where(
            Engagement.status == "planned",
            Engagement.starts_at >= now,
            Engagement.starts_at < now + UPCOMING,
            Engagement.reminded_at.is_(None),
        )
        .options(joinedload(Engagement.lead_authority))
        .order_by(Engagement.starts_at)
    ).all()
    actions = db.session.scalars(
        select(Action)
        .where(
            Action.status == "open",
            Action.due_on < today,
            or_(Action.reminded_at.is_(None), Action.reminded_at < start_of_day),
        )
        .options(joinedload(Action.owner_authority), joinedload(Action.engagement))
        .order_by(Action.due_on)
    ).all()
    return list(engagements), list(actions)


def run_reminders(job_id: int) -> dict:
    now = utcnow()
    engagements, actions = _due(now)
    recipients = _recipients()
    messages: dict[int, tuple[User, list, list]] = {}
    for engagement in engagements:
        for user in recipients.get(engagement.lead_authority_id, []):
            messages.setdefault(user.id, (user, [], []))[1].append(engagement)
    for action in actions:
        for user in recipients.get(action.owner_authority_id, []):
            messages.setdefault(user.id, (user, [], []))[2].append(action)
    today = now.astimezone(LONDON).date()
    with _url_context():
        for user, upcoming, overdue in messages.values():
            context = {"user": user, "upcoming": upcoming, "overdue": overdue, "today": today}
            mail.send_email(
                user.email,
                _subject(upcoming, overdue),
                render_template("engagements/email/reminders.txt", **context),
                render_template("engagements/email/reminders.html", **context),
            )
    for item in [*engagements, *actions]:
        item.reminded_at = now
    db.session.commit()
    return {"emails": len(messages), "engagements": len(engagements), "actions": len(actions)}


def _url_context():
    """Links in emails need the site's address; from cron or a worker there is no request to take it from."""
    if has_request_context():
        return nullcontext()
    base_url = current_app.config.get("BASE_URL") or os.environ.get("BASE_URL") or "http://localhost:5000"
    return current_app.test_request_context(base_url=base_url)


def _subject(upcoming: list, overdue: list) -> str:
    parts = []
    if upcoming:
        parts.append(f"{len(upcoming)} engagement{'s' if len(upcoming) != 1 else ''} coming up")
    if overdue:
        parts.append(f"{len(overdue)} overdue action{'s' if len(overdue) != 1 else ''}")
    return "Engage: " + " and ".join(parts)


def send_reminders() -> Job:
    job = Job(kind="reminders")
    db.session.add(job)
    db.session.commit()
    jobs.enqueue(run_reminders, job.id)
    return job
