"""Which database the suite runs on, one per xdist worker, and wiping it between tests."""

import os

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from engage.config import _database_url


def postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    return _database_url_from(url) if url else None


def _database_url_from(url: str) -> str:
    """The URL as config.py would normalise it, leaving DATABASE_URL as it was (xdist workers inherit it)."""
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        return _database_url("")
    finally:
        if previous is None:
            del os.environ["DATABASE_URL"]
        else:
            os.environ["DATABASE_URL"] = previous


def postgres_problem() -> str | None:
    """Why the PostgreSQL run cannot happen, or None when the server answers."""
    base = postgres_url()
    if not base:
        return "TEST_DATABASE_URL is not set (for example postgresql://postgres@127.0.0.1:5432/test)"
    url = make_url(base)
    engine = create_engine(url.set(database="postgres"), connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            return None
    except SQLAlchemyError as error:
        return f"PostgreSQL at {url.host}:{url.port or 5432} is unreachable: {str(error.orig or error).strip()}"
    finally:
        engine.dispose()


def url_for_worker(worker_id: str) -> str:
    """SQLite in memory, or a PostgreSQL database of this worker's own (created if missing)."""
    base = postgres_url()
    if not base:
        return "sqlite://"
    url = make_url(base)
    if worker_id == "master":
        ensure_database(base, url.database)
        return base
    name = f"{url.database}_{worker_id}"
    ensure_database(base, name)
    return url.set(database=name).render_as_string(hide_password=False)


def ensure_database(base_url: str, name: str) -> None:
    engine = create_engine(make_url(base_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name})
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def wipe(db) -> None:
    """Delete every row, children first, leaving the schema in place."""
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())


def lose_connection(db) -> None:
    """End the connection of this app context's session as a database restart would, so that its next statement
    fails with a real OperationalError. On SQLite (one in-memory connection) the next statement fails with the
    error SQLite gives when another process holds the database: "database is locked"."""
    if db.engine.dialect.name != "postgresql":
        import sqlite3

        def locked_once(*_args):
            event.remove(db.engine, "before_cursor_execute", locked_once)
            raise sqlite3.OperationalError("database is locked")

        event.listen(db.engine, "before_cursor_execute", locked_once)
        return
    pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = create_engine(db.engine.url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    with killer.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    killer.dispose()
