"""Redaction and publication: the spans of representations' texts kept out of what is published, redacted copies
of attachments, each representation's redaction review, and whether a consultation's public register is published.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 18:15:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "register_publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_register_publication_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["user_account.id"],
            name=op.f("fk_register_publication_published_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_publication")),
        sa.UniqueConstraint("consultation_id", name=op.f("uq_register_publication_consultation_id")),
    )
    op.create_table(
        "redaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_redaction_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_redaction_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redaction")),
    )
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.create_index("ix_redaction_representation_field", ["representation_id", "field"], unique=False)

    op.create_table(
        "redaction_review",
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_redaction_review_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_redaction_review_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user_account.id"],
            name=op.f("fk_redaction_review_updated_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("representation_id", name=op.f("pk_redaction_review")),
    )
    with op.batch_alter_table("redaction_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_redaction_review_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "redacted_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_redacted_attachment_attachment_id_attachment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_redacted_attachment_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redacted_attachment")),
        sa.UniqueConstraint("attachment_id", name=op.f("uq_redacted_attachment_attachment_id")),
    )


def downgrade():
    op.drop_table("redacted_attachment")
    with op.batch_alter_table("redaction_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_redaction_review_consultation_id"))

    op.drop_table("redaction_review")
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.drop_index("ix_redaction_representation_field")

    op.drop_table("redaction")
    op.drop_table("register_publication")
