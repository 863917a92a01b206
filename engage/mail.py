"""Sending email over SMTP with a plain-text and an HTML part.

`send_email(to, subject, text, html)` sends one message with the MAIL_* settings. With MAIL_SUPPRESS_SEND (tests,
benchmarks) nothing leaves the process: messages are kept in `outbox` instead, newest last (at most 1,000).
`failure_reason(error)` says why a message could not be sent, in words an officer can act on.
Never log addresses or content; log that a message was sent or failed, and why (failure_reason, never the error's
text: a refused recipient's error holds the address).
"""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)
outbox: list[EmailMessage] = []
OUTBOX_LIMIT = 1000


def build_message(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def send_email(to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    """Send one message (or keep it in `outbox` when sending is suppressed). SMTP errors propagate."""
    message = build_message(to, subject, text, html)
    config = current_app.config
    if config.get("MAIL_SUPPRESS_SEND"):
        outbox.append(message)
        del outbox[:-OUTBOX_LIMIT]
        return message
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(message)
    log.info("Email sent: %s", subject)
    return message


def is_unexpected(error: Exception) -> bool:
    """Not a mail server's answer nor a connection failure, but a mistake (in a template, say): worth a traceback."""
    return not isinstance(error, OSError)


def failure_reason(error: Exception) -> str:
    """Why sending failed, without the address or content: for the officers' pages, the audit trail and the log."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "The mail server refused the email address"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "The mail server did not accept the username and password (MAIL_USERNAME, MAIL_PASSWORD)"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return "The mail server refused the sender’s address (MAIL_DEFAULT_SENDER)"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"The mail server refused the email (SMTP error {error.smtp_code})"
    if isinstance(error, OSError):  # refused or timed out connections, a server that hung up (SMTPServerDisconnected)
        return "The mail server could not be reached"
    return "The email could not be sent"
