"""Optional two-factor authentication with an authenticator app (TOTP, RFC 6238: 6 digits every 30 seconds).

An officer turns it on from their account page by scanning a QR code and typing the code their app then shows; from
then on, signing in asks for a code after the password. A code is accepted for the 30 seconds before and after its
own (clocks drift), and never twice. Wrong codes count as failed sign-ins (throttling). An administrator can turn
it off for an officer who has lost their phone.
"""

import hmac
import re

import pyotp
import segno
from flask import current_app

from engage.auth import throttling
from engage.auth.services import record_sign_in
from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import User, utcnow

CODE_PATTERN = re.compile(r"^[0-9]{6}$")
DRIFT_STEPS = 1
EMPTY_MESSAGE = "Enter the security code from your authenticator app"
FORMAT_MESSAGE = "The security code must be 6 numbers"
WRONG_MESSAGE = "The security code is not correct. Enter the code your authenticator app shows now"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=current_app.config["SERVICE_NAME"])


def qr_code(user: User, secret: str) -> str:
    """The set-up QR code as an SVG data URI, for an <img> (the page's Content Security Policy allows data: images)."""
    return segno.make(provisioning_uri(user, secret), error="m").svg_data_uri(scale=5, border=4)


def spaced(secret: str) -> str:
    """The secret in groups of four, easier to type into an app that cannot scan."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def accepted_step(secret: str, code: str, last_step: int | None) -> int | None:
    """The time step whose code `code` is, within the drift allowed and later than `last_step`; None if none."""
    totp = pyotp.TOTP(secret)
    now = totp.timecode(utcnow())
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if (last_step is None or step > last_step) and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _clean(code: str | None) -> str:
    """The code without the spaces and dashes people type between its digits; ValidationError if not 6 digits."""
    code = re.sub(r"[\s-]", "", code or "")
    if not code:
        raise ValidationError({"code": [EMPTY_MESSAGE]})
    if not CODE_PATTERN.match(code):
        raise ValidationError({"code": [FORMAT_MESSAGE]})
    return code


def turn_on(user: User, secret: str, code: str | None) -> None:
    """Start asking `user` for codes from the app set up with `secret`, once `code` shows the app has it."""
    step = accepted_step(secret, _clean(code), None)
    if step is None:
        raise ValidationError({"code": [WRONG_MESSAGE]})
    user.totp_secret = secret
    user.totp_last_step = step
    audit.record("update", "user", user.id, "Turned on two-factor authentication", user=user)
    db.session.commit()


def turn_off(user: User, code: str | None, by: User | None = None) -> None:
    """Stop asking for codes: by the user, with a current code; by an administrator (`by`), without one."""
    if by is None:
        step = accepted_step(user.totp_secret or "", _clean(code), user.totp_last_step)
        if step is None:
            raise ValidationError({"code": [WRONG_MESSAGE]})
    user.totp_secret = None
    user.totp_last_step = None
    audit.record("update", "user", user.id, "Turned off two-factor authentication", user=by or user)
    db.session.commit()


def sign_in_with_code(user: User, code: str | None, address: str) -> None:
    """Sign `user` in with a code; ValidationError when it is wrong (counted as a failed sign-in), and
    throttling.Throttled after too many failures."""
    throttling.check(user.email, address)
    code = _clean(code)
    step = accepted_step(user.totp_secret or "", code, user.totp_last_step)
    throttling.record(user.email, address, step is not None)
    if step is None:
        db.session.commit()
        raise ValidationError({"code": [WRONG_MESSAGE]})
    user.totp_last_step = step
    record_sign_in(user, "Signed in with a security code")
    db.session.commit()
