"""Consultation publicity: each way a consultation was made known (public notice, press, website, social media,
newsletter, exhibition or event with its attendance, deposit point…) and when, for the statement of consultation.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consultation_publicity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_publicity_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_publicity")),
    )
    with op.batch_alter_table("consultation_publicity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_publicity_consultation_id"), ["consultation_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("consultation_publicity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_publicity_consultation_id"))
    op.drop_table("consultation_publicity")
