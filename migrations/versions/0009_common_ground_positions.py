"""Statements of Common Ground: each party's position on each matter, the change log of a version, which party a
signature is for; and why a held engagement has no attendees or no strategic matter.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 05:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "common_ground_position",
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["strategic_matter.id"],
            name=op.f("fk_common_ground_position_matter_id_strategic_matter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["common_ground_party.id"],
            name=op.f("fk_common_ground_position_party_id_common_ground_party"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("party_id", "matter_id", name=op.f("pk_common_ground_position")),
    )
    with op.batch_alter_table("common_ground_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_log", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("common_ground_signature", schema=None) as batch_op:
        batch_op.add_column(sa.Column("party_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_common_ground_signature_party_id"), ["party_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_common_ground_signature_party_id_common_ground_party"),
            "common_ground_party",
            ["party_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("incomplete_reason", sa.Text(), nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_column("incomplete_reason")
    with op.batch_alter_table("common_ground_signature", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_common_ground_signature_party_id_common_ground_party"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_common_ground_signature_party_id"))
        batch_op.drop_column("party_id")
    with op.batch_alter_table("common_ground_version", schema=None) as batch_op:
        batch_op.drop_column("change_log")
    op.drop_table("common_ground_position")
