"""The numbered migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from engage import create_app
from engage.extensions import db
from tests import database


def _empty_database_url(tmp_path, worker_id) -> str:
    base = database.postgres_url()
    if not base:
        return f"sqlite:///{tmp_path / 'migrations.sqlite'}"
    name = f"{make_url(base).database}_migrations_{worker_id}"
    # Through the server's own database: the one TEST_DATABASE_URL names exists only once a test run has made it.
    engine = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def test_upgrade_on_empty_database_matches_models(tmp_path, worker_id):
    url = _empty_database_url(tmp_path, worker_id)
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        db.session.remove()
        db.engine.dispose()
    assert differences == []
