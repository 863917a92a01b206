"""The outbox of acknowledgement emails: one row per online response until its acknowledgement is sent or given up
on, written in the transaction that records the response.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 21:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "acknowledgement_due",
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_acknowledgement_due_respondent_id_respondent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("respondent_id", name=op.f("pk_acknowledgement_due")),
    )
    with op.batch_alter_table("acknowledgement_due", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acknowledgement_due_due_at"), ["due_at"], unique=False)


def downgrade():
    with op.batch_alter_table("acknowledgement_due", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acknowledgement_due_due_at"))
    op.drop_table("acknowledgement_due")
