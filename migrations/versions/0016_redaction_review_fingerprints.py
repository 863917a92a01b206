"""A redaction review keeps the fingerprint of each text it covered, so a text corrected after it was reviewed is
reviewed again before its suggestions of personal data are published. Reviews from before have none (null).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 19:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("redaction_review", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprints", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("redaction_review", schema=None) as batch_op:
        batch_op.drop_column("fingerprints")
