"""Answers a process keeps for a few seconds: for what every public page asks and officers rarely change.

`Kept(config_key, models)` holds values by key for `app.config[config_key]` seconds (0: not kept at all, as in
the tests that do not turn it on). A commit in this process that adds, changes or deletes an instance of one of
`models` forgets every value at once, so an officer sees their own change on the next page; other processes see it
when their copy runs out. A value can also be kept only until a given moment (a consultation opening or closing).
"""

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import event

from engage.extensions import Session
from engage.models import utcnow

_CHANGED = "kept_changed"  # session.info: the Kept stores a flush in the open transaction touched


class Kept:
    def __init__(self, config_key: str, models: tuple[type, ...]):
        self.config_key, self.models = config_key, models
        self.values: dict[Any, tuple[float, datetime | None, Any]] = {}
        _stores.append(self)

    def get(self, key: Any, make: Callable[[], Any], *, until: Callable[[Any], datetime | None] | None = None) -> Any:
        """The kept value for `key`, or `make()`'s, kept from now on; `until(value)`, when given, is a moment after
        which the value is made again however recently it was kept."""
        seconds = current_app.config[self.config_key]
        if not seconds:
            return make()
        key = (current_app.config["SQLALCHEMY_DATABASE_URI"], key)
        kept = self.values.get(key)
        if kept is not None and kept[0] > time.monotonic() and (kept[1] is None or utcnow() < kept[1]):
            return kept[2]
        value = make()
        self.values[key] = (time.monotonic() + seconds, until(value) if until else None, value)
        return value

    def forget(self) -> None:
        self.values.clear()


_stores: list[Kept] = []


@event.listens_for(Session, "before_flush")
def _note_changes(session, _context, _instances) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    for store in _stores:
        if any(isinstance(item, store.models) for item in changed):
            session.info.setdefault(_CHANGED, set()).add(id(store))


@event.listens_for(Session, "after_commit")
def _forget_changed(session) -> None:
    changed = session.info.pop(_CHANGED, ())
    for store in _stores:
        if id(store) in changed:
            store.forget()


@event.listens_for(Session, "after_rollback")
def _keep_after_rollback(session) -> None:
    session.info.pop(_CHANGED, None)
