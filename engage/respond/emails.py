"""Emails to respondents: the acknowledgement (HTML and plain text, with every reference) and the
save-and-return link. A failure to send is logged by id and never undoes a submission.

The acknowledgement is sent after the response is committed (`send_acknowledgement`): with Redis, by the worker,
which tries again after each of ACKNOWLEDGEMENT_RETRY_AFTER when the mail server is down or refuses it; inline, once.
When the last attempt fails, that is recorded in the audit trail with the reason ("acknowledgement-failed")."""

import logging

from flask import current_app, render_template, url_for

from engage import jobs
from engage.common import audit
from engage.common.validation import EMAIL_MESSAGE, ValidationError, normalise_email
from engage.extensions import db
from engage.mail import NotSent, failure_reason, is_unexpected, send_email
from engage.models import Consultation, Respondent, ResponseDraft
from engage.respond import services

log = logging.getLogger(__name__)
FAILED = "acknowledgement-failed"


def send_acknowledgement(respondent_id: int) -> None:
    """Call after the commit: never raises, off the request when Redis is configured."""
    retry_after = current_app.config["ACKNOWLEDGEMENT_RETRY_AFTER"]
    jobs.enqueue_call(acknowledge, respondent_id, retry_after=retry_after)


def acknowledge(respondent_id: int) -> bool:
    """Send the acknowledgement to the respondent, or to their agent when they have one. If it cannot be sent,
    raise so that the worker tries again, or on the last attempt record the failure and return False."""
    respondent = services.respondent_with_representations(respondent_id)
    if respondent is None:
        return False
    to = (respondent.agent or {}).get("email") or respondent.email
    if not to:
        return False
    context = {"respondent": respondent, "consultation": respondent.consultation}
    try:
        send_email(
            to,
            f"We have received your response: {respondent.reference}",
            render_template("respond/email/acknowledgement.txt", **context),
            render_template("respond/email/acknowledgement.html", **context),
        )
    except Exception as error:
        reason = failure_reason(error)
        if not jobs.last_attempt():
            log.warning(
                "Could not send the acknowledgement for respondent %s (%s): will try again", respondent_id, reason
            )
            raise NotSent(reason) from None  # the worker logs this, and tries again later
        message = "Could not send the acknowledgement for respondent %s (%s): gave up"
        log.warning(message, respondent_id, reason, exc_info=is_unexpected(error))
        _record_failure(respondent, reason)
        return False
    return True


def _record_failure(respondent: Respondent, reason: str) -> None:
    summary = f"{respondent.reference}: the acknowledgement email could not be sent. {reason}."
    audit.record(FAILED, "respondent", respondent.id, summary)
    db.session.commit()


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
