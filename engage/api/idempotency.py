"""Idempotency-Key on writes: a retried request gets the first answer again and creates nothing new.

Every write view commits last, with or without a key: while it runs, the service's commit only flushes
(engage.extensions.Session), and the one commit comes after the answer is built, so a failure while building it (a
lost connection while a related row loads) writes nothing. With a key, the key is reserved in the same transaction
as the write it guards, and the answer is stored beside it in that transaction too. So a connection lost between
the two (a database restart) cannot leave a write whose key says "still in progress" for ever: either both are
saved, and a retry gets the first answer, or neither is, and a retry makes the write. Only successful answers are
kept: after a 4xx (or a 503) nothing is written and the key can be used again. Keys belong to the user who sent
them and last 24 hours.
"""

import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import wraps

from flask import jsonify, make_response, request
from flask_login import current_user
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from engage.api.http import Problem
from engage.extensions import COMMIT_LATER, db
from engage.models import IdempotencyRecord, utcnow

HEADER = "Idempotency-Key"
WINDOW = timedelta(hours=24)
IN_PROGRESS = 0
KEY_PATTERN = re.compile(r"[!-~]{1,200}")  # visible ASCII, as a UUID or any token


def fingerprint() -> str:
    """A hash of the method, path and body: JSON compared by value, so key order and spacing do not matter, and a
    multipart upload by its fields and files, so a retry sent with a new boundary is the same request."""
    if request.mimetype == "multipart/form-data":
        body = _multipart_body()
    else:
        raw = request.get_data()
        try:
            body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
        except (ValueError, RecursionError):
            body = raw
    return hashlib.sha256(b"\0".join((request.method.encode(), request.path.encode(), body))).hexdigest()


def _multipart_body() -> bytes:
    fields = sorted(request.form.items(multi=True))
    files = []
    for name, upload in request.files.items(multi=True):
        files.append((name, upload.filename or "", hashlib.sha256(upload.stream.read()).hexdigest()))
        upload.stream.seek(0)  # the view reads it
    return json.dumps([fields, sorted(files)]).encode()


def idempotent(view=None, *, not_kept: tuple[str, ...] = ()):
    """Honour an Idempotency-Key header on a write view, and commit its write last, once the answer is built (with
    or without a key), so that a failure while building the answer writes nothing. Put it under @require_permission.
    `not_kept` names fields of the answer that are not stored with the key (a password shown once): a replayed
    answer has them null."""
    if view is None:
        return lambda view: idempotent(view, not_kept=not_kept)

    @wraps(view)
    def wrapped(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None or not current_user.is_authenticated:  # keys belong to users; public writes go without
            return _committed_last(view, *args, **kwargs)
        if not KEY_PATTERN.fullmatch(key):
            raise Problem(422, "The Idempotency-Key must be 1 to 200 visible ASCII characters", {HEADER: ["Not valid"]})
        request_hash = fingerprint()
        previous = _previous(key)
        if previous is not None:
            return _replay(previous, request_hash)
        reservation = IdempotencyRecord(
            user_id=current_user.id, key=key, request_hash=request_hash, status=IN_PROGRESS, body={}
        )
        db.session.add(reservation)
        try:
            db.session.flush()
        except IntegrityError:  # another request with this key got there first
            db.session.rollback()
            return _replay(_previous(key), request_hash)
        with _one_commit():
            try:
                response = make_response(view(*args, **kwargs))
            except Exception:
                db.session.rollback()  # the write and the reservation: the key can be used again
                raise
        return _settle(reservation, response, not_kept)

    wrapped.idempotent = True
    return wrapped


def _committed_last(view, *args, **kwargs):
    """The view's answer, with its write committed only after the answer is built and only for a success."""
    with _one_commit():
        try:
            response = make_response(view(*args, **kwargs))
        except Exception:
            db.session.rollback()
            raise
    if 200 <= response.status_code < 300:
        db.session.commit()
    else:
        db.session.rollback()
    return response


def _previous(key: str) -> IdempotencyRecord | None:
    record = db.session.scalar(
        select(IdempotencyRecord).where(IdempotencyRecord.user_id == current_user.id, IdempotencyRecord.key == key)
    )
    if record is not None and record.created_at < utcnow() - WINDOW:
        db.session.delete(record)
        db.session.commit()
        return None
    return record


def _replay(record: IdempotencyRecord | None, request_hash: str):
    if record is None or record.status == IN_PROGRESS:
        raise Problem(409, "A request with this Idempotency-Key is still being processed. Try again shortly.")
    if record.request_hash != request_hash:
        raise Problem(
            422,
            "This Idempotency-Key was used for a different request. Use a new key for a new request.",
            {HEADER: ["Already used for a different request"]},
        )
    response = jsonify(record.body)
    response.status_code = record.status
    response.headers["Idempotent-Replayed"] = "true"
    return response


@contextmanager
def _one_commit() -> Iterator[None]:
    """While the view runs, its service's commit only flushes; `_settle` commits."""
    session = db.session()
    session.info[COMMIT_LATER] = True
    try:
        yield
    finally:
        session.info.pop(COMMIT_LATER, None)


def _settle(reservation: IdempotencyRecord, response, not_kept: tuple[str, ...] = ()):
    """Commit the request's write with the answer kept for its key, as the last thing the request does. A success
    that is not JSON keeps its write but not the key; anything else writes nothing, so the key can be used again."""
    if not 200 <= response.status_code < 300:
        db.session.rollback()
        return response
    if response.is_json:
        reservation.status = response.status_code
        body = response.get_json()
        if isinstance(body, dict):
            body = {name: None if name in not_kept else value for name, value in body.items()}
        reservation.body = body
    elif inspect(reservation).persistent:
        db.session.delete(reservation)
    db.session.commit()
    return response
