"""Which database the suite ran on, so a SQLite-only run shows a visible skip rather than passing silently."""

import pytest

from engage.extensions import db
from tests import database


def test_postgresql_run(app):
    if not database.postgres_url():
        pytest.skip("SQLite only: set TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test to run on PostgreSQL")
    assert db.engine.dialect.name == "postgresql"
