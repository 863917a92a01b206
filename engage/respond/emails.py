"""Emails to respondents: the acknowledgement (HTML and plain text, with every reference) and the
save-and-return link. A failure to send is logged by id and never undoes a submission.

The acknowledgement goes through an outbox: `services.submit_draft` writes an `AcknowledgementDue` row in the
transaction that records the response, so it is kept even if the queue is lost. After the commit,
`send_acknowledgement` wakes the worker (engage.jobs.wake), whose run of `acknowledge_due` sends every
acknowledgement that is due, in batches: the run starts ACKNOWLEDGEMENT_BATCH_SECONDS after the first response that
woke it, so on deadline day one run sends the acknowledgements of many responses. A send that fails is tried
again after each of ACKNOWLEDGEMENT_RETRY_AFTER in turn (the run schedules itself for the next one due); when the
last attempt fails, that is recorded in the audit trail with the reason ("acknowledgement-failed"). Without Redis,
or when it cannot be reached, the acknowledgement is sent in the request, once."""

import logging
from datetime import timedelta

from flask import current_app, render_template, url_for
from sqlalchemy import delete, func, select
from sqlalchemy.orm import joinedload, selectinload

from engage import jobs
from engage.common import audit
from engage.common.validation import EMAIL_MESSAGE, ValidationError, normalise_email
from engage.extensions import db
from engage.mail import failure_reason, is_unexpected, send_email
from engage.models import AcknowledgementDue, Consultation, Representation, Respondent, ResponseDraft, utcnow
from engage.respond import services

log = logging.getLogger(__name__)
FAILED = "acknowledgement-failed"
BATCH = 100  # acknowledgements read, sent and committed together by a run of acknowledge_due


def send_acknowledgement(respondent_id: int) -> None:
    """Call after the commit: never raises. With Redis the worker sends it; without, it is sent now, once."""
    if jobs.wake(acknowledge_due, after=current_app.config["ACKNOWLEDGEMENT_BATCH_SECONDS"]):
        return
    try:
        acknowledge_due(respondent_id=respondent_id)
    except Exception:  # the response is committed already: log it, as the worker would
        db.session.rollback()
        log.exception("Could not send the acknowledgement for respondent %s", respondent_id)


def acknowledge_due(respondent_id: int | None = None) -> int:
    """Send the acknowledgements that are due, in batches until none is due (one tried again at once comes round
    again), and return how many were sent. With `respondent_id`, only that one's, in a single attempt: the inline
    send. On the worker, schedules the next run when some wait to be tried again. Rows another run holds are
    skipped (PostgreSQL), so two workers never send one twice."""
    jobs.woken(acknowledge_due)
    if respondent_id is not None:
        return _acknowledge_now(respondent_id)
    final = not current_app.config.get("REDIS_URL")
    sent = 0
    while True:
        query = (
            select(AcknowledgementDue)
            .where(AcknowledgementDue.due_at <= utcnow())
            .order_by(AcknowledgementDue.due_at)
            .limit(BATCH)
            .options(
                joinedload(AcknowledgementDue.respondent).options(
                    joinedload(Respondent.consultation),
                    selectinload(Respondent.representations).joinedload(Representation.part),
                )
            )
            .with_for_update(skip_locked=True, of=AcknowledgementDue)
        )
        rows = db.session.scalars(query).unique().all()
        if not rows:
            break
        for row in rows:
            sent += _acknowledge(row, final)
        db.session.commit()
    if not final:
        _wake_for_retries()
    return sent


def _acknowledge_now(respondent_id: int) -> int:
    """The inline send, in the request that has just recorded the response (whose respondent is still in the
    session): the row is claimed by deleting it, so a worker that might be sending too (Redis set but not reachable
    from here) cannot send it twice, then one attempt is made."""
    claimed = db.session.execute(delete(AcknowledgementDue).where(AcknowledgementDue.respondent_id == respondent_id))
    respondent = db.session.get(Respondent, respondent_id) if claimed.rowcount else None
    sent = False
    if respondent is not None and _address(respondent):
        reason = _send(respondent)
        if reason is not None:
            _give_up(respondent, reason)
        sent = reason is None
    services.commit_keeping()
    return int(sent)


def _acknowledge(row: AcknowledgementDue, final: bool) -> bool:
    """Send one of a batch; delete its row when sent or given up on, or set when to try again."""
    respondent = row.respondent
    if respondent is None or not _address(respondent):  # gone (where foreign keys are not kept), or no address
        db.session.delete(row)
        return False
    reason = _send(respondent)
    retry_after = current_app.config["ACKNOWLEDGEMENT_RETRY_AFTER"]
    if reason is None or final or row.attempts >= len(retry_after):
        if reason is not None:
            _give_up(respondent, reason)
        db.session.delete(row)
    else:
        message = "Could not send the acknowledgement for respondent %s (%s): will try again"
        log.warning(message, respondent.id, reason)
        row.due_at = utcnow() + timedelta(seconds=retry_after[row.attempts])
        row.attempts += 1
    return reason is None


def _address(respondent: Respondent) -> str:
    """Where the acknowledgement goes: to the agent when there is one."""
    return (respondent.agent or {}).get("email") or respondent.email or ""


def _send(respondent: Respondent) -> str | None:
    """Send the acknowledgement; None when sent, otherwise why it could not be (logged when unexpected)."""
    context = {"respondent": respondent, "consultation": respondent.consultation}
    try:
        send_email(
            _address(respondent),
            f"We have received your response: {respondent.reference}",
            render_template("respond/email/acknowledgement.txt", **context),
            render_template("respond/email/acknowledgement.html", **context),
        )
    except Exception as error:
        if is_unexpected(error):
            log.exception("Unexpected error sending the acknowledgement for respondent %s", respondent.id)
        return failure_reason(error)
    return None


def _give_up(respondent: Respondent, reason: str) -> None:
    log.warning("Could not send the acknowledgement for respondent %s (%s): gave up", respondent.id, reason)
    summary = f"{respondent.reference}: the acknowledgement email could not be sent. {reason}."
    audit.record(FAILED, "respondent", respondent.id, summary)


def _wake_for_retries() -> None:
    """Schedule a run for when the next acknowledgement waiting to be tried again is due."""
    due = db.session.scalar(select(func.min(AcknowledgementDue.due_at)))
    if due is not None:
        jobs.wake_at(due, acknowledge_due)


def send_return_link(consultation: Consultation, draft: ResponseDraft, email: str) -> str:
    """Email a link to come back to the draft until the deadline; returns the normalised address."""
    address = normalise_email(email or "")
    if address is None:
        raise ValidationError({"email": [EMAIL_MESSAGE]})
    draft.email = address
    db.session.commit()
    link = url_for("respond.resume", slug=consultation.slug, token=draft.token, _external=True)
    context = {"consultation": consultation, "link": link}
    try:
        send_email(
            address,
            f"Finish your response: {consultation.title}",
            render_template("respond/email/return_link.txt", **context),
            render_template("respond/email/return_link.html", **context),
        )
    except Exception as error:
        reason = failure_reason(error)
        log.warning(
            "Could not send a save-and-return link for draft %s: %s", draft.id, reason, exc_info=is_unexpected(error)
        )
        raise ValidationError({"email": ["We could not send the email. Try again later."]}) from error
    return address
