"""Shared helpers for benchmark modules: the report, timing, an app over the scratch database and bulk data."""

import gc
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC

from sqlalchemy import select

PARTNER_CODES = ("DBC", "HBC", "SADC", "TRDC", "WBC", "HCC")


@dataclass
class Row:
    module: str
    database: str
    name: str
    measured: str
    target: str = ""
    ok: bool | None = None
    detail: str = ""

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "MISSED", None: ""}[self.ok]


@dataclass
class Report:
    """Collects rows for one module on one database; printing them as they arrive so long runs show progress."""

    module: str
    database: str
    rows: list[Row] = field(default_factory=list)

    def __call__(self, name: str, seconds: float, detail: str = "", target_seconds: float | None = None) -> None:
        ok = None
        if target_seconds is not None:
            ok = seconds <= target_seconds
        elif "OVER" in detail:
            ok = False
        elif "within" in detail:
            ok = True
        target = f"≤ {target_seconds:g} s" if target_seconds is not None else ""
        self._add(Row(self.module, self.database, name, f"{seconds:.2f} s", target, ok, detail))

    def latency(self, name: str, samples_ms: list[float], target_ms: float, detail: str = "") -> None:
        p50, p95 = percentile(samples_ms, 50), percentile(samples_ms, 95)
        measured = f"p50 {p50:.0f} ms, p95 {p95:.0f} ms"
        self._add(Row(self.module, self.database, name, measured, f"p95 ≤ {target_ms:g} ms", p95 <= target_ms, detail))

    def skip(self, name: str, reason: str) -> None:
        self._add(Row(self.module, self.database, name, "skipped", "", None, reason))

    def _add(self, row: Row) -> None:
        self.rows.append(row)
        print(f"  {row.name:<52} {row.measured:<26} {row.verdict:<6} {row.detail}", flush=True)


def percentile(values: list[float], pct: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def time_ms(call: Callable[[], object], repeat: int, warmup: int = 2, budget_seconds: float = 10.0) -> list[float]:
    """Milliseconds per call, `repeat` times, stopping early (after at least 5) once the budget is spent."""
    for _ in range(warmup):
        call()
    # As gunicorn.conf.py does in the master before forking: the loaded app's objects are frozen, so full garbage
    # collections do not rescan them (a ~100 ms pause each time they run otherwise).
    gc.collect()
    gc.freeze()
    samples: list[float] = []
    deadline = time.perf_counter() + budget_seconds
    while len(samples) < repeat and (len(samples) < 5 or time.perf_counter() < deadline):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"


def make_app():
    """An app over the scratch database with the schema and reference data in place."""
    from engage import create_app
    from engage.extensions import db
    from engage.seeds.demo import NEIGHBOURS, PARTNERS
    from engage.seeds.reference import load_reference, upsert_authorities

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url(), REDIS_URL=None)
    with app.app_context():
        db.create_all()
        load_reference()
        upsert_authorities(PARTNERS + NEIGHBOURS)
        db.session.commit()
    return app


def dispose(app) -> None:
    from engage.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def signed_in_client(app, role: str = "officer"):
    """A test client with a session for a new user of that role, and the user's API token."""
    from engage.auth.services import create_token
    from engage.extensions import db
    from engage.models import Authority, User

    with app.app_context():
        email = f"bench-{role}@example.gov.uk"
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, role=role, name=f"Bench {role}")
            user.authority = db.session.scalar(select(Authority).where(Authority.code == "WBC"))
            user.set_password("bench-password-not-secret")
            db.session.add(user)
            db.session.commit()
        user_id, token = user.id, create_token(user, "benchmark")
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
    return client, token


SYLLABLES = ("Ash", "Brook", "Fair", "Hal", "Mar", "Pen", "Whit", "Cold", "Hart", "Lang", "Red", "Stan")
ENDINGS = ("ley", "ton", "worth", "field", "ford", "by", "well", "more", "wood", "ham", "stead", "gate")


def seed_stakeholders(count: int, seed: int = 2018, batch: int = 20_000) -> float:
    """Bulk-insert `count` realistic stakeholders with registers and categories; returns seconds taken.

    Rows go straight to the driver (executemany on SQLite, COPY on PostgreSQL): the ORM would take minutes.
    """
    from engage.extensions import db
    from engage.models import (
        Authority,
        Category,
        Register,
        Stakeholder,
        register_membership,
        stakeholder_category,
        utcnow,
    )

    started = time.perf_counter()
    registers = {r.slug: r.id for r in db.session.scalars(select(Register))}
    categories = {c.slug: c.id for c in db.session.scalars(select(Category))}
    authorities = [a.id for a in db.session.scalars(select(Authority).where(Authority.code.in_(PARTNER_CODES)))]
    first_id = (db.session.scalar(select(db.func.max(Stakeholder.id))) or 0) + 1
    writer = _Writer(db.session.connection())
    now = utcnow()
    rng = random.Random(seed)
    for start in range(0, count, batch):
        people, memberships, tags = [], [], []
        for number in range(start, min(start + batch, count)):
            row, register_slugs, category_slugs = _fake_stakeholder(rng, number, authorities, now)
            row["id"] = first_id + number
            people.append(row)
            memberships += [(row["id"], registers[slug]) for slug in register_slugs]
            tags += [(row["id"], categories[slug]) for slug in category_slugs]
        writer.write(Stakeholder.__table__, people)
        writer.write_pairs(register_membership, ("stakeholder_id", "register_id"), memberships)
        writer.write_pairs(stakeholder_category, ("stakeholder_id", "category_id"), tags)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(db.text("SELECT setval('stakeholder_id_seq', (SELECT max(id) FROM stakeholder))"))
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(db.text("VACUUM ANALYZE"))
    else:
        db.session.execute(db.text("ANALYZE"))
        db.session.commit()
    return time.perf_counter() - started


class _Writer:
    """Writes rows of plain values through the DB-API connection under a SQLAlchemy connection."""

    def __init__(self, connection):
        self.postgres = connection.dialect.name == "postgresql"
        self.cursor = connection.connection.dbapi_connection.cursor()

    def write(self, table, rows: list[dict]) -> None:
        names = [column.name for column in table.columns]
        now = rows[0]["created_at"]
        defaults = {column.name: self._value(_default(column, now)) for column in table.columns}
        stored_now = self._value(now)

        def value(item):
            if item is now:
                return stored_now
            return int(item) if item.__class__ is bool and not self.postgres else item

        values = [tuple(value(row[name]) if name in row else defaults[name] for name in names) for row in rows]
        self._insert(table.name, names, values)

    def write_pairs(self, table, names: tuple[str, str], pairs: list[tuple]) -> None:
        self._insert(table.name, list(names), pairs)

    def _insert(self, table: str, names: list[str], values: list[tuple]) -> None:
        quoted = ", ".join(f'"{name}"' for name in names)
        if self.postgres:
            with self.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(names))
            self.cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', values)

    def _value(self, value):
        if self.postgres:
            return value
        if isinstance(value, bool):
            return int(value)
        if hasattr(value, "astimezone"):
            return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return value


def _default(column, now):
    default = column.default
    if default is None:
        return None
    if default.is_callable:  # every callable default on a stakeholder is a timestamp (utcnow)
        return now
    return default.arg


def _fake_stakeholder(rng: random.Random, number: int, authorities: list[int], now) -> tuple[dict, list, list]:
    from engage.seeds.demo_stakeholders import FIRST_NAMES, LAST_NAMES

    roll = rng.random()
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES) if rng.random() < 0.5 else rng.choice(SYLLABLES) + rng.choice(ENDINGS)
    registers, categories = ["general-consultees"], ["resident"]
    kind, organisation = "person", ""
    if roll < 0.03:
        kind, organisation, first, last = "organisation", f"{last} {rng.choice(('Ltd', 'Society', 'Group'))}", "", ""
        categories = [rng.choice(["business", "community-group", "developer-landowner"])]
    elif roll < 0.05:
        registers = [rng.choice(["statutory-consultees", "strategic-stakeholders", "neighbouring-authorities"])]
        categories = ["specific-consultation-body"]
        organisation = f"{rng.choice(SYLLABLES)} Council"
    elif roll < 0.055:
        registers, categories = ["members-forum"], ["elected-member"]
    name = organisation if kind == "organisation" else f"{first} {last}"
    email = f"{(first or 'info').lower()}.{(last or organisation.split()[0]).lower()}.{number}@example.com"
    sort_name = organisation.lower() if kind == "organisation" else f"{last} {first}".lower()
    row = {
        "kind": kind,
        "first_name": first,
        "last_name": last,
        "organisation_name": organisation,
        "email": email,
        "postcode": "",
        "authority_id": rng.choice(authorities) if rng.random() < 0.9 else None,
        "preferred_channel": "post" if rng.random() < 0.1 else "email",
        "do_not_contact": rng.random() < 0.03,
        "consent_to_notifications": rng.random() < 0.7,
        "sort_name": sort_name,
        "search_text": " ".join(p for p in (name, organisation if kind == "person" else "", email) if p).lower(),
        "created_at": now,
        "updated_at": now,
    }
    return row, registers, categories
