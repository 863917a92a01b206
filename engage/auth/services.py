"""Accounts, sign-in with throttling, and API tokens."""

import secrets
from datetime import timedelta

from flask import request
from sqlalchemy import func, or_, select

from engage.auth import throttling
from engage.common import audit
from engage.common.ids import parse_id
from engage.extensions import db
from engage.models import ApiToken, Authority, User, utcnow
from engage.models.user import hash_token


class AccountError(ValueError):
    pass


def load_user(user_id: str) -> User | None:
    return db.session.get(User, parse_id(user_id)) if parse_id(user_id) else None


def load_user_from_request(req) -> User | None:
    """The owner of the request's `Authorization: Bearer` token (the scheme in any case), if it is live."""
    credentials = req.authorization
    if credentials is None or credentials.type != "bearer" or not credentials.token:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(credentials.token)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now
        db.session.commit()
    return token.user


def authenticate(email: str, password: str, address: str) -> User | None:
    """The user if the password is right, else None; records the attempt. A user without two-factor authentication
    is signed in; one with it still owes a security code (two_factor.sign_in_with_code). Raises
    throttling.Throttled when the account or the address has failed too often."""
    email = email.strip().lower()
    throttling.check(email, address)
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    ok = user is not None and user.active and user.check_password(password)
    throttling.record(email, address, ok)
    if ok and not user.two_factor:
        record_sign_in(user)
    db.session.commit()
    return user if ok else None


def record_sign_in(user: User, how: str = "Signed in") -> None:
    user.last_signed_in_at = utcnow()
    audit.record("sign-in", "user", user.id, how, user=user)


def client_address() -> str:
    return request.remote_addr or "unknown"


def create_user(
    email: str, role: str, authority_code: str | None, password: str | None = None, name: str = "", *, by=None
):
    """Create an officer account (`by` is the administrator who adds it, for the audit trail); returns (user,
    password). Without a password one is generated: a temporary password, which the user must change when they
    first sign in."""
    email = email.strip().lower()
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise AccountError(f"A user with the email {email} already exists")
    authority = None
    if authority_code:
        authority = db.session.scalar(select(Authority).where(Authority.code == authority_code.upper()))
        if authority is None:
            raise AccountError(f"No authority with the code {authority_code}")
    temporary = not password
    password = password or secrets.token_urlsafe(12)
    user = User(
        email=email,
        role=role,
        authority=authority,
        name=name or email.split("@")[0],
        must_change_password=temporary,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("create", "user", user.id, f"Created user with role {role}", user=by)
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
