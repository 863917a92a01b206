"""Erased respondents keep a random id shared by the records of one person, so counting distinct people does not
change when their email address and stakeholder link are erased.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 19:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_person", sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.drop_column("erased_person")
