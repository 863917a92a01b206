"""Emails to respondents: the acknowledgement (HTML and plain text, with every reference) and the
save-and-return link. A failure to send is logged by id and never undoes a submission."""

import logging

from flask import render_template, url_for

from engage.common.validation import EMAIL_MESSAGE, ValidationError, normalise_email
from engage.extensions import db
from engage.mail import send_email
from engage.models import Consultation, ResponseDraft
from engage.respond import services

log = logging.getLogger(__name__)


def acknowledge(respondent_id: int) -> bool:
    """Send the acknowledgement to the respondent, or to their agent when they have one."""
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
    except Exception:
        log.exception("Could not send the acknowledgement for respondent %s", respondent_id)
        return False
    return True


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
        log.exception("Could not send a save-and-return link for draft %s", draft.id)
        raise ValidationError({"email": ["We could not send the email. Try again later."]}) from error
    return address
