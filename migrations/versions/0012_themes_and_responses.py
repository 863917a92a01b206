"""Themes and tags on representations, an officer's response to one representation, the part of the plan a main
issue's proposed change is to, and the "You said, we did" page's publication.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 18:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _tag_table(name: str, other: str, other_table: str) -> None:
    op.create_table(
        name,
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.Column(other, sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f(f"fk_{name}_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            [other], [f"{other_table}.id"], name=op.f(f"fk_{name}_{other}_{other_table}"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("representation_id", other, name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_{other}"), name, [other], unique=False)


def upgrade():
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_theme_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("consultation_id", "name", name=op.f("uq_theme_consultation_id")),
    )
    op.create_index(op.f("ix_theme_consultation_id"), "theme", ["consultation_id"], unique=False)
    _tag_table("representation_theme", "theme_id", "theme")
    _tag_table("representation_matter", "matter_id", "strategic_matter")
    op.create_table(
        "representation_response",
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("responded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_representation_response_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_representation_response_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["responded_by_id"],
            ["user_account.id"],
            name=op.f("fk_representation_response_responded_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("representation_id", name=op.f("pk_representation_response")),
    )
    op.create_index(op.f("ix_representation_response_consultation_id"), "representation_response", ["consultation_id"])
    op.create_table(
        "feedback_publication",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_feedback_publication_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["user_account.id"],
            name=op.f("fk_feedback_publication_published_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("consultation_id", name=op.f("pk_feedback_publication")),
    )
    with op.batch_alter_table("main_issue", schema=None) as batch_op:
        batch_op.add_column(sa.Column("part_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_main_issue_part_id_consultation_part"),
            "consultation_part",
            ["part_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("main_issue", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_main_issue_part_id_consultation_part"), type_="foreignkey")
        batch_op.drop_column("part_id")
    op.drop_table("feedback_publication")
    op.drop_index(op.f("ix_representation_response_consultation_id"), table_name="representation_response")
    op.drop_table("representation_response")
    for name, other in (("representation_matter", "matter_id"), ("representation_theme", "theme_id")):
        op.drop_index(op.f(f"ix_{name}_{other}"), table_name=name)
        op.drop_table(name)
    op.drop_index(op.f("ix_theme_consultation_id"), table_name="theme")
    op.drop_table("theme")
