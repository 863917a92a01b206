"""Sign-in throttling: failed attempts (a wrong password or a wrong security code) counted over a sliding window,
per account and per address.

The account limit (SIGN_IN_MAX_FAILURES) stops anyone guessing one officer's password. The address limit
(SIGN_IN_MAX_FAILURES_PER_ADDRESS) is higher: a council office signs in from one address, so one person's mistyping
must lock out only their own account, not everyone in the office, while one address trying many accounts is still
stopped."""

import math
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from engage.extensions import db
from engage.models import SignInAttempt, utcnow


class Throttled(Exception):
    """Too many failures; `retry_after` is the number of seconds until the next attempt is counted again."""

    def __init__(self, retry_after: int):
        minutes = math.ceil(retry_after / 60)
        super().__init__(
            f"Too many failed attempts to sign in. Wait {minutes} minute{'' if minutes == 1 else 's'}, then try again."
        )
        self.retry_after = retry_after


def check(email: str, address: str) -> None:
    """Raise Throttled when the account or the address has reached its limit of failures in the window."""
    config = current_app.config
    now = utcnow()
    waits = [
        _wait(SignInAttempt.email == email, config["SIGN_IN_MAX_FAILURES"], now),
        _wait(SignInAttempt.address == address, config["SIGN_IN_MAX_FAILURES_PER_ADDRESS"], now),
    ]
    longest = max((wait for wait in waits if wait is not None), default=None)
    if longest is not None:
        raise Throttled(longest)


def record(email: str, address: str, succeeded: bool) -> None:
    """Add the attempt to the session; the caller commits it with the rest of the sign-in."""
    db.session.add(SignInAttempt(email=email, address=address, succeeded=succeeded, at=utcnow()))


def _wait(condition, limit: int, now: datetime) -> int | None:
    """Seconds until fewer than `limit` failures matching `condition` fall in the window, or None when already so."""
    window = timedelta(minutes=current_app.config["SIGN_IN_WINDOW_MINUTES"])
    newest = db.session.scalars(
        select(SignInAttempt.at)
        .where(condition, SignInAttempt.succeeded.is_(False), SignInAttempt.at >= now - window)
        .order_by(SignInAttempt.at.desc())
        .limit(limit)
    ).all()
    if len(newest) < limit:
        return None
    return max(1, math.ceil((newest[-1] + window - now).total_seconds()))
