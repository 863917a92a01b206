"""Accounts, sign-in with throttling, and API tokens."""

import secrets
from datetime import timedelta

from flask import current_app, request
from sqlalchemy import func, or_, select

from engage.common import audit
from engage.extensions import db
from engage.models import ApiToken, Authority, SignInAttempt, User, utcnow
from engage.models.user import hash_token


class AccountError(ValueError):
    pass


def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def load_user_from_request(req) -> User | None:
    header = req.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(header[7:].strip())))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now
        db.session.commit()
    return token.user


def is_throttled(email: str, address: str) -> bool:
    """Too many failed sign-ins for this account or from this address in the window."""
    window = timedelta(minutes=current_app.config["SIGN_IN_WINDOW_MINUTES"])
    limit = current_app.config["SIGN_IN_MAX_FAILURES"]
    since = utcnow() - window
    failures = select(func.count()).where(SignInAttempt.succeeded.is_(False), SignInAttempt.at >= since)
    by_account = db.session.scalar(failures.where(SignInAttempt.email == email))
    by_address = db.session.scalar(failures.where(SignInAttempt.address == address))
    return by_account >= limit or by_address >= limit


def authenticate(email: str, password: str, address: str) -> User | None:
    """The user if the password is right; records the attempt. Raises AccountError when throttled."""
    email = email.strip().lower()
    if is_throttled(email, address):
        raise AccountError("Too many failed attempts to sign in. Wait 15 minutes, then try again.")
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    ok = user is not None and user.active and user.check_password(password)
    db.session.add(SignInAttempt(email=email, address=address, succeeded=ok))
    if ok:
        user.last_signed_in_at = utcnow()
        audit.record("sign-in", "user", user.id, "Signed in", user=user)
    db.session.commit()
    return user if ok else None


def client_address() -> str:
    return request.remote_addr or "unknown"


def create_user(email: str, role: str, authority_code: str | None, password: str | None = None, name: str = ""):
    """Create an officer account; returns (user, password) with a generated password when none is given."""
    email = email.strip().lower()
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise AccountError(f"A user with the email {email} already exists")
    authority = None
    if authority_code:
        authority = db.session.scalar(select(Authority).where(Authority.code == authority_code.upper()))
        if authority is None:
            raise AccountError(f"No authority with the code {authority_code}")
    password = password or secrets.token_urlsafe(12)
    user = User(email=email, role=role, authority=authority, name=name or email.split("@")[0])
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("create", "user", user.id, f"Created user with role {role}")
    db.session.commit()
    return user, password


def create_token(user: User, name: str = "") -> str:
    """A new API token for the user; only its hash is stored, so the value is shown once."""
    value = "eng_" + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user=user, name=name or "API token", token_hash=hash_token(value), prefix=value[:8]))
    audit.record("create", "api-token", user.id, "Created an API token", user=user)
    db.session.commit()
    return value


def revoke_token(user: User, token_id: int) -> bool:
    token = db.session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id))
    if token is None or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    audit.record("delete", "api-token", user.id, "Revoked an API token", user=user)
    db.session.commit()
    return True


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(or_(User.email == email, func.lower(User.email) == email.lower())))
