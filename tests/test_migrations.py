"""The numbered migrations build exactly the schema the models describe."""

from datetime import UTC, datetime

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


def test_plan_routes_migration_gives_an_existing_plan_roles_a_lead_and_a_reference(tmp_path, worker_id):
    url = _empty_database_url(tmp_path, worker_id)
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade(revision="0006")
        with db.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO authority (id, code, name, kind) VALUES (1, 'WBC', 'Watford', 'partner'),"
                     " (2, 'DBC', 'Dacorum', 'partner')")
            )  # fmt: skip
            connection.execute(
                text("INSERT INTO plan (id, slug, name, route, description, retention_years)"
                     " VALUES (1, 'swh-jsp', 'Joint plan', 'legacy', '', 15)")
            )  # fmt: skip
            connection.execute(text("INSERT INTO plan_partner (plan_id, authority_id) VALUES (1, 1), (1, 2)"))
            connection.execute(
                text(
                    "INSERT INTO consultation (plan_id, slug, title, stage, summary, opens_at, closes_at, published,"
                    " form_type, privacy_notice, procedure_statement, created_at, updated_at) VALUES"
                    " (1, 'reg-19', 'Publication', 'reg-19', '', :opens, :closes, :yes, 'model-representation-form',"
                    " '', '', :opens, :opens)"
                ),
                {
                    "opens": datetime(2026, 6, 30, 23, 30, tzinfo=UTC),  # 1 July in London (BST)
                    "closes": datetime(2026, 8, 11, 22, 0, tzinfo=UTC),
                    "yes": True,
                },
            )
            connection.execute(
                text("INSERT INTO plan_stage (plan_id, slug, name, position, starts_on) VALUES"
                     " (1, 'reg-19', 'Regulation 19', 0, '2027-01-11'),"
                     " (1, 'submission', 'Submission', 1, '2027-06-01')")
            )  # fmt: skip
        upgrade()
        with db.engine.connect() as connection:
            stages = connection.execute(
                text("SELECT slug, role, start_event, end_event FROM plan_stage ORDER BY position")
            ).all()
            dated = connection.execute(
                text("SELECT actual_starts_on, actual_ends_on FROM plan_stage WHERE slug = 'reg-19'")
            ).all()
            plan = connection.execute(text("SELECT reference, lead_authority_id FROM plan")).one()
            routes = connection.execute(text("SELECT COUNT(*) FROM plan_route_stage")).scalar()
        db.session.remove()
        db.engine.dispose()
    assert [tuple(row) for row in stages] == [
        ("reg-19", "publication", "additional-consultation-start", "additional-consultation-end"),
        ("submission", "submission", "examination-submitted", ""),
    ]
    assert tuple(plan) == ("swh-jsp", 2)  # Dacorum comes first by name
    assert routes == 15
    assert [str(day) for day in dated[0]] == ["2026-07-01", "2026-08-11"]
