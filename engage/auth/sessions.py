"""A browser's signed-in session: who it belongs to, when it began, the two-factor step between the password and
the session, and where to go after signing in. The web layer's side of accounts (services never see the session).

A session ends at once when its account is deactivated, and when the password changes after the session began
(on another browser, or by a reset link): Flask-Login loads the user again on every request through load_user.
"""

import time
from urllib.parse import urlsplit

from flask import session, url_for
from flask_login import login_user

from engage.auth import services
from engage.models import User

SIGNED_IN_AT = "signed_in_at"
AWAITING_CODE = "awaiting_code"
CODE_STEP_SECONDS = 10 * 60  # how long the security code page waits after the right password


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the session's user while the account is active and its password unchanged since."""
    user = services.load_user(user_id)
    if user is None or not user.active:
        return None
    if user.password_changed_at and session.get(SIGNED_IN_AT, 0) < user.password_changed_at.timestamp():
        return None
    return user


def begin(user: User) -> None:
    session.pop(AWAITING_CODE, None)
    login_user(user)
    session[SIGNED_IN_AT] = time.time()


def keep_after_password_change() -> None:
    """The browser that changed the password stays signed in; every other session of the account ends."""
    session[SIGNED_IN_AT] = time.time()


def await_code(user: User, next_target: str | None) -> None:
    """The password was right; the session waits for the security code before it signs in."""
    session[AWAITING_CODE] = {"user": user.id, "since": time.time(), "next": safe_next(next_target)}


def awaiting_code() -> tuple[User | None, str]:
    """The user whose code the security code page asks for (None when none, or when they waited too long), and
    where to go once it is right."""
    waiting = session.get(AWAITING_CODE) or {}
    next_target = safe_next(waiting.get("next"))
    if time.time() - waiting.get("since", 0) > CODE_STEP_SECONDS:
        return None, next_target
    user = services.load_user(str(waiting.get("user", "")))
    return (user if user is not None and user.active and user.two_factor else None), next_target


def safe_next(target: str | None) -> str:
    r"""`target` when it is a path on this site, else the dashboard. Browsers read a backslash as a slash and drop
    tabs and line breaks, so `/\evil` and `/<tab>/evil` would lead to another site: any of those refuses the lot."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not any(ord(character) < 32 or ord(character) == 127 for character in target)
        and not urlsplit(target).netloc
    ):
        return target
    return url_for("main.index")
