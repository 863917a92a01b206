"""Engagements carry the examination library reference of their evidence ("EL-12", "SD/4.2"), so the co-operation
table can cite the document as the programme officer lists it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 06:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("examination_library_reference", sa.String(length=50), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_column("examination_library_reference")
