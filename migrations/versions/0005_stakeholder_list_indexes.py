"""Indexes for the stakeholder register list over 100,000 rows: sort by last update, an organisation's people by
name, and (PostgreSQL only) a pg_trgm GIN index that answers `search_text LIKE '%word%'`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 21:05:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_organisation_id"))
        batch_op.create_index("ix_stakeholder_organisation_members", ["organisation_id", "sort_name", "id"])
        batch_op.create_index("ix_stakeholder_updated_at", ["updated_at", "id"])
        batch_op.create_index(
            "ix_stakeholder_search_text_trgm",
            ["search_text"],
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )


def downgrade():
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index("ix_stakeholder_search_text_trgm")
        batch_op.drop_index("ix_stakeholder_updated_at")
        batch_op.drop_index("ix_stakeholder_organisation_members")
        batch_op.create_index(batch_op.f("ix_stakeholder_organisation_id"), ["organisation_id"], unique=False)
