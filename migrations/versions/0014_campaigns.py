"""Campaigns: groups of near-identical representations, suggested by the grouping job and confirmed by officers;
representation.campaign_id becomes a foreign key to them (a deleted campaign leaves its members ungrouped).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 18:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("template_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_campaign_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
    )
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_consultation_id"), ["consultation_id"], unique=False)
    # Any campaign_id written before campaigns existed points at nothing: clear it so the foreign key holds.
    op.execute("UPDATE representation SET campaign_id = NULL")
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_representation_campaign_id_campaign"),
            "campaign",
            ["campaign_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_representation_campaign_id_campaign"), type_="foreignkey")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_consultation_id"))
    op.drop_table("campaign")
