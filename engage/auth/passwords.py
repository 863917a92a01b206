"""Passwords: changing one (also the temporary password an administrator set, which must be changed first), and
resetting a forgotten one by an emailed link that works once and expires.

A reset link is signed with the secret key and carries the account and the moment it was made. It stops working
after PASSWORD_RESET_LINK_MINUTES, and as soon as the password changes after it was made: so using it once, or
changing the password any other way, uses it up. Changing the password ends the account's other sessions
(engage.auth.sessions).
"""

import logging

from flask import current_app, render_template
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.mail import send_email
from engage.models import User, utcnow

log = logging.getLogger(__name__)

MIN_LENGTH = 12
MAX_LENGTH = 200
LENGTH_MESSAGE = f"Your password must be {MIN_LENGTH} characters or more"
SALT = "password-reset"


class ResetLinkError(ValueError):
    """The link is broken, expired or used; the message says which and what to do."""


def new_password_errors(user: User, new_password: str) -> dict[str, list[str]]:
    """What is wrong with `new_password` for `user`, by field."""
    return password_errors(user.email, new_password)


def password_errors(email: str, new_password: str) -> dict[str, list[str]]:
    """What is wrong with `new_password` for the account with this email, by field."""
    if len(new_password) < MIN_LENGTH:
        return {"new_password": [LENGTH_MESSAGE]}
    if len(new_password) > MAX_LENGTH:
        return {"new_password": [f"Your password must be {MAX_LENGTH} characters or fewer"]}
    if new_password.strip().lower() == email.lower():
        return {"new_password": ["Your password must not be your email address"]}
    return {}


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Set a new password after checking the current one (the temporary one, the first time)."""
    errors = {} if user.check_password(current_password) else {"current_password": ["Your current password is wrong"]}
    errors |= new_password_errors(user, new_password)
    if not errors and user.check_password(new_password):
        errors = {"new_password": ["Your new password must be different from your current one"]}
    if errors:
        raise ValidationError(errors)
    forced = user.must_change_password
    _set(user, new_password)
    audit.record(
        "update", "user", user.id, "Changed the temporary password" if forced else "Changed password", user=user
    )
    db.session.commit()


def _set(user: User, new_password: str) -> None:
    user.set_password(new_password)
    user.must_change_password = False
    user.password_changed_at = utcnow()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def reset_token(user: User) -> str:
    return _serializer().dumps({"user": user.id, "made": utcnow().timestamp()})


def request_reset(email: str) -> User | None:
    """The active account with this email address, to send a reset link to, with the request in its audit trail;
    None when there is none (the page says the same either way, so it does not tell who has an account)."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None or not user.active:
        return None
    audit.record("reset-request", "user", user.id, "Asked for a password reset link", user=user)
    db.session.commit()
    return user


def user_for_reset(token: str) -> User:
    """The account a reset link is for; ResetLinkError when it is broken, expired or already used."""
    max_age = current_app.config["PASSWORD_RESET_LINK_MINUTES"] * 60
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise ResetLinkError("This link has expired") from error
    except BadSignature as error:
        raise ResetLinkError("This link is not valid") from error
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or not user.active:
        raise ResetLinkError("This link is not valid")
    if user.password_changed_at and user.password_changed_at.timestamp() >= data.get("made", 0):
        raise ResetLinkError("This link has already been used")
    return user


def reset_password(token: str, new_password: str) -> User:
    """Set a new password with a reset link, which then stops working."""
    user = user_for_reset(token)
    errors = new_password_errors(user, new_password)
    if errors:
        raise ValidationError(errors)
    _set(user, new_password)
    audit.record("update", "user", user.id, "Reset password with an emailed link", user=user)
    db.session.commit()
    return user


def send_reset_link(user_id: int, link: str) -> None:
    """The email job (engage.jobs.enqueue_call): the reset link to the account's address. Failures are logged by id."""
    user = db.session.get(User, user_id)
    if user is None:
        return
    context = {"user": user, "link": link, "minutes": current_app.config["PASSWORD_RESET_LINK_MINUTES"]}
    try:
        send_email(
            user.email,
            f"Reset your password for {current_app.config['SERVICE_NAME']}",
            render_template("auth/email/reset_password.txt", **context),
            render_template("auth/email/reset_password.html", **context),
        )
    except Exception:
        log.exception("Could not send a password reset link to user %s", user_id)
