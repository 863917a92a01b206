"""Rows of a stakeholder import: build each row's input, find duplicates in bulk, insert valid rows in bulk.

Duplicates follow `services.find_duplicates` (the same email, or the same name and organisation), but the
database is read once for the whole file rather than once per row.
"""

from typing import Any

from sqlalchemy import func, insert, select, text

from engage.extensions import db
from engage.models import Stakeholder, register_membership, stakeholder_category, utcnow
from engage.stakeholders.services import COLUMN_FIELDS

CHUNK = 1000


def row_data(row: list[Any], positions: list[tuple[int, str]]) -> dict[str, str]:
    """The row as the API's input dict. A row naming only an organisation is taken to be an organisation."""
    data = {target: row[index] if index < len(row) else "" for index, target in positions}
    if not data.get("kind") and data.get("organisation") and not (data.get("first_name") or data.get("last_name")):
        data["kind"] = "organisation"
    return data


def _name_key(first_name: str, last_name: str) -> str:
    return " ".join(part for part in (first_name.strip(), last_name.strip()) if part).lower()


def existing_keys() -> dict[str, dict]:
    """Emails, names and organisations of everyone on the registers, from one query."""
    keys: dict[str, dict] = {"email": {}, "full_name": {}, "last_name": {}, "organisation": {}}
    query = select(
        Stakeholder.id,
        Stakeholder.kind,
        Stakeholder.first_name,
        Stakeholder.last_name,
        Stakeholder.organisation_name,
        Stakeholder.email,
    ).where(Stakeholder.erased_at.is_(None))
    for id_, kind, first_name, last_name, organisation, email in db.session.execute(query):
        organisation = organisation.lower()
        if email:
            keys["email"].setdefault(email.lower(), id_)
        keys["full_name"].setdefault((f"{first_name} {last_name}".lower(), organisation), id_)
        keys["last_name"].setdefault((last_name.lower(), organisation), id_)
        if kind == "organisation":
            keys["organisation"].setdefault(organisation, id_)
    return keys


class DuplicateFinder:
    """Flags a row that repeats an earlier row of the file or someone already on the registers."""

    def __init__(self, existing: dict[str, dict]):
        self.existing = existing
        self.seen_emails: dict[str, int] = {}
        self.seen_names: dict[tuple, int] = {}

    def check(self, number: int, values: dict[str, Any]) -> list[str]:
        errors = []
        email = values.get("email", "").lower()
        organisation = values.get("organisation_name", "").lower()
        if values.get("kind") == "organisation":
            name_key, existing_id = ("organisation", organisation), self.existing["organisation"].get(organisation)
        else:
            name = _name_key(values.get("first_name", ""), values.get("last_name", ""))
            by = "full_name" if values.get("first_name") else "last_name"
            name_key, existing_id = ("person", name, organisation), self.existing[by].get((name, organisation))
        if email and email in self.seen_emails:
            errors.append(f"Same email address as row {self.seen_emails[email]}")
        elif email and email in self.existing["email"]:
            errors.append(f"Already on the registers: same email address as record {self.existing['email'][email]}")
        if name_key in self.seen_names:
            errors.append(f"Same name and organisation as row {self.seen_names[name_key]}")
        elif existing_id is not None:
            errors.append(f"Already on the registers: same name and organisation as record {existing_id}")
        if email:
            self.seen_emails.setdefault(email, number)
        self.seen_names.setdefault(name_key, number)
        return errors


def _base_record() -> dict[str, Any]:
    record: dict[str, Any] = {}
    for column in Stakeholder.__table__.columns:
        if column.name == "id":
            continue
        default = column.default
        record[column.name] = default.arg if default is not None and default.is_scalar else None
    return record


def _record(values: dict[str, Any], base: dict[str, Any], now) -> dict[str, Any]:
    record = dict(base)
    record.update({name: values[name] for name in COLUMN_FIELDS if name in values})
    authority = values.get("authority")
    record["authority_id"] = authority.id if authority is not None else None
    record["consent_recorded_at"] = now if record["consent_to_notifications"] else None
    record["created_at"] = record["updated_at"] = now
    probe = _SearchFields(record)
    probe.refresh_search_fields()
    record["sort_name"], record["search_text"] = probe.sort_name, probe.search_text
    return record


class _SearchFields:
    """Just enough of a Stakeholder to run its own refresh_search_fields, without the cost of an ORM object."""

    name = Stakeholder.name
    organisation_label = Stakeholder.organisation_label
    refresh_search_fields = Stakeholder.refresh_search_fields
    organisation = None

    def __init__(self, record: dict[str, Any]):
        self.kind, self.email = record["kind"], record["email"]
        self.first_name, self.last_name = record["first_name"], record["last_name"]
        self.organisation_name = record["organisation_name"]


def insert_stakeholders(rows: list[dict[str, Any]]) -> int:
    """Insert cleaned rows (services.clean output) in bulk in the session's transaction; the caller commits.

    Write something in the transaction first (run_import writes its audit event): on SQLite that takes the
    database's write lock, so the ids counted on from the largest one stay free until the commit.
    """
    base, now = _base_record(), utcnow()
    for start in range(0, len(rows), CHUNK):
        insert_chunk(rows[start : start + CHUNK], base, now)
    return len(rows)


def insert_chunk(rows: list[dict[str, Any]], base: dict[str, Any], now) -> None:
    records = [_record(values, base, now) for values in rows]
    ids = _new_ids(len(records))
    for id_, record in zip(ids, records, strict=True):
        record["id"] = id_
    _bulk_insert(Stakeholder.__table__, records)
    memberships = [
        {"stakeholder_id": id_, "register_id": register.id}
        for id_, values in zip(ids, rows, strict=True)
        for register in dict.fromkeys(values.get("registers", []))
    ]
    categories = [
        {"stakeholder_id": id_, "category_id": category.id}
        for id_, values in zip(ids, rows, strict=True)
        for category in dict.fromkeys(values.get("categories", []))
    ]
    if memberships:
        _bulk_insert(register_membership, memberships)
    if categories:
        _bulk_insert(stakeholder_category, categories)


def _bulk_insert(table, records: list[dict[str, Any]]) -> None:
    """Many rows in the session's transaction: COPY on PostgreSQL (psycopg's executemany sends a statement per
    row), executemany on SQLite. Values must be what the columns store: aware UTC datetimes, booleans, text."""
    if db.session.get_bind().dialect.name != "postgresql":
        db.session.execute(insert(table), records)
        return
    from psycopg import sql

    names = list(records[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    driver_connection = db.session.connection().connection.driver_connection
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for record in records:
            copy.write_row([record[name] for name in names])


def _new_ids(count: int) -> list[int]:
    """Ids for `count` new stakeholders, taken before inserting so rows and links go in as plain batches."""
    table = Stakeholder.__table__
    if db.session.get_bind().dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence('stakeholder', 'id')) FROM generate_series(1, :count)")
        return list(db.session.scalars(query, {"count": count}))
    # SQLite lets one connection write at a time; the caller's transaction has written already, so no one
    # else can take these ids before it commits.
    largest = db.session.scalar(select(func.coalesce(func.max(table.c.id), 0)))
    return list(range(largest + 1, largest + 1 + count))
