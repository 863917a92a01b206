"""Calendar subscription feeds: a secret URL per officer, revocable. Only a hash of the secret is stored."""

import hashlib
import secrets

from sqlalchemy import select

from engage.common import audit
from engage.extensions import db
from engage.models import CalendarFeed, utcnow


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_feed(user, authority_code: str = "") -> tuple[CalendarFeed, str]:
    """A new feed and its secret (shown once; only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user_id=user.id, token_hash=_hash(token), prefix=token[:8], authority_code=authority_code)
    db.session.add(feed)
    db.session.flush()
    audit.record("create", "calendar_feed", feed.id, f"Calendar feed {feed.prefix}…", user=user)
    db.session.commit()
    return feed, token


def revoke_feed(feed: CalendarFeed, user) -> None:
    feed.revoked_at = utcnow()
    audit.record("revoke", "calendar_feed", feed.id, f"Calendar feed {feed.prefix}…", user=user)
    db.session.commit()


def feed_for_token(token: str) -> CalendarFeed | None:
    if not token or len(token) > 100:
        return None
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    if feed is None or feed.revoked_at is not None or not feed.user.active:
        return None
    feed.last_used_at = utcnow()
    db.session.commit()
    return feed


def feeds_of(user) -> list[CalendarFeed]:
    query = select(CalendarFeed).where(CalendarFeed.user_id == user.id).order_by(CalendarFeed.created_at.desc())
    return list(db.session.scalars(query))
