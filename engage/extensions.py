"""Unbound extension singletons, bound to the app in create_app()."""

import sqlite3

from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSession
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


COMMIT_LATER = "commit_later"
AFTER_COMMIT = "after_commit"


class Session(FlaskSession):
    """Flask-SQLAlchemy's session, with two additions.

    While `info[COMMIT_LATER]` is set, commit() only flushes and whoever set it commits once, at the end.
    engage.api.idempotency uses it so that a write and the answer kept for its Idempotency-Key are committed
    together: there is no moment when one is saved and the other is not.

    `after_commit(callback)` runs the callback once the transaction really commits (so a job is queued only for rows
    that are saved, whoever commits them), and forgets it if the transaction is rolled back or the session closed."""

    def commit(self) -> None:
        if self.info.get(COMMIT_LATER):
            self.flush()
            return
        super().commit()
        for callback in self.info.pop(AFTER_COMMIT, ()):
            callback()

    def rollback(self) -> None:
        self.info.pop(AFTER_COMMIT, None)
        super().rollback()

    def close(self) -> None:
        self.info.pop(AFTER_COMMIT, None)
        super().close()


def after_commit(callback) -> None:
    """Call `callback()` once the current transaction commits; never, if it is rolled back."""
    db.session().info.setdefault(AFTER_COMMIT, []).append(callback)


db = SQLAlchemy(model_class=Base, session_options={"class_": Session})
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Limits are declared per route; storage is Redis when REDIS_URL is set, memory otherwise (see setup.py).
limiter = Limiter(key_func=get_remote_address)


@limiter.request_filter
def _reading() -> bool:
    """Every limit is on a write (responses' saves and sends, password reset emails: tests/test_security.py checks
    it), so a request that only reads skips Flask-Limiter's work."""
    return request.method in ("GET", "HEAD", "OPTIONS")


@event.listens_for(Engine, "connect")
def _sqlite_write_ahead_log(dbapi_connection, _record) -> None:
    """On a SQLite file, pages keep reading while a long transaction (a 30,000-row import) writes."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA journal_mode=WAL")  # an in-memory database stays "memory"
