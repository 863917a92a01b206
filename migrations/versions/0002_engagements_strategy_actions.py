"""Engagements, the communications strategy, follow-up actions and calendar feeds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:33:13.847921

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "calendar_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("authority_code", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_calendar_feed_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feed")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feed_token_hash")),
    )
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_feed_user_id"), ["user_id"], unique=False)

    op.create_table(
        "strategy_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("register_id", sa.Integer(), nullable=True),
        sa.Column("mechanism", sa.String(length=50), nullable=False),
        sa.Column("cadence", sa.String(length=20), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("time_of_day", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("lead_authority_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("key_messages", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_strategy_entry_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_authority_id"],
            ["authority.id"],
            name=op.f("fk_strategy_entry_lead_authority_id_authority"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_strategy_entry_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["register_id"], ["register.id"], name=op.f("fk_strategy_entry_register_id_register"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_entry")),
    )
    with op.batch_alter_table("strategy_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strategy_entry_lead_authority_id"), ["lead_authority_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_strategy_entry_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_strategy_entry_register_id"), ["register_id"], unique=False)

    op.create_table(
        "engagement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lead_authority_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("plan_stage_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("agreement", sa.String(length=20), nullable=False),
        sa.Column("influence_on_plan", sa.Text(), nullable=False),
        sa.Column("evidence_url", sa.String(length=1000), nullable=False),
        sa.Column("strategy_entry_id", sa.Integer(), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_engagement_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_authority_id"],
            ["authority.id"],
            name=op.f("fk_engagement_lead_authority_id_authority"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_engagement_plan_id_plan"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["plan_stage_id"],
            ["plan_stage.id"],
            name=op.f("fk_engagement_plan_stage_id_plan_stage"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_entry_id"],
            ["strategy_entry.id"],
            name=op.f("fk_engagement_strategy_entry_id_strategy_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement")),
        sa.UniqueConstraint("strategy_entry_id", "scheduled_on", name="uq_engagement_strategy_occurrence"),
    )
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.create_index("ix_engagement_authority_starts", ["lead_authority_id", "starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_engagement_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_engagement_plan_stage_id"), ["plan_stage_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_engagement_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index("ix_engagement_status_starts", ["status", "starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_engagement_strategy_entry_id"), ["strategy_entry_id"], unique=False)

    op.create_table(
        "strategy_entry_matter",
        sa.Column("strategy_entry_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["strategic_matter.id"],
            name=op.f("fk_strategy_entry_matter_matter_id_strategic_matter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_entry_id"],
            ["strategy_entry.id"],
            name=op.f("fk_strategy_entry_matter_strategy_entry_id_strategy_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("strategy_entry_id", "matter_id", name=op.f("pk_strategy_entry_matter")),
    )
    op.create_table(
        "strategy_entry_stage",
        sa.Column("strategy_entry_id", sa.Integer(), nullable=False),
        sa.Column("plan_stage_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_stage_id"],
            ["plan_stage.id"],
            name=op.f("fk_strategy_entry_stage_plan_stage_id_plan_stage"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_entry_id"],
            ["strategy_entry.id"],
            name=op.f("fk_strategy_entry_stage_strategy_entry_id_strategy_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("strategy_entry_id", "plan_stage_id", name=op.f("pk_strategy_entry_stage")),
    )
    op.create_table(
        "strategy_entry_stakeholder",
        sa.Column("strategy_entry_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_strategy_entry_stakeholder_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_entry_id"],
            ["strategy_entry.id"],
            name=op.f("fk_strategy_entry_stakeholder_strategy_entry_id_strategy_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("strategy_entry_id", "stakeholder_id", name=op.f("pk_strategy_entry_stakeholder")),
    )
    with op.batch_alter_table("strategy_entry_stakeholder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_strategy_entry_stakeholder_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    op.create_table(
        "engagement_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_authority_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_engagement_action_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_engagement_action_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_authority_id"],
            ["authority.id"],
            name=op.f("fk_engagement_action_owner_authority_id_authority"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_action")),
    )
    with op.batch_alter_table("engagement_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagement_action_engagement_id"), ["engagement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_engagement_action_owner_authority_id"), ["owner_authority_id"], unique=False
        )
        batch_op.create_index("ix_engagement_action_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "engagement_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_engagement_document_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["user_account.id"],
            name=op.f("fk_engagement_document_uploaded_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement_document")),
    )
    with op.batch_alter_table("engagement_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagement_document_engagement_id"), ["engagement_id"], unique=False)

    op.create_table(
        "engagement_matter",
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_engagement_matter_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["strategic_matter.id"],
            name=op.f("fk_engagement_matter_matter_id_strategic_matter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("engagement_id", "matter_id", name=op.f("pk_engagement_matter")),
    )
    with op.batch_alter_table("engagement_matter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_engagement_matter_matter_id"), ["matter_id"], unique=False)

    op.create_table(
        "engagement_stakeholder",
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_engagement_stakeholder_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_engagement_stakeholder_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("engagement_id", "stakeholder_id", name=op.f("pk_engagement_stakeholder")),
    )
    with op.batch_alter_table("engagement_stakeholder", schema=None) as batch_op:
        batch_op.create_index(
            "ix_engagement_stakeholder_stakeholder", ["stakeholder_id", "engagement_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("engagement_stakeholder", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_stakeholder_stakeholder")

    op.drop_table("engagement_stakeholder")
    with op.batch_alter_table("engagement_matter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_matter_matter_id"))

    op.drop_table("engagement_matter")
    with op.batch_alter_table("engagement_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_document_engagement_id"))

    op.drop_table("engagement_document")
    with op.batch_alter_table("engagement_action", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_action_status_due")
        batch_op.drop_index(batch_op.f("ix_engagement_action_owner_authority_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_action_engagement_id"))

    op.drop_table("engagement_action")
    with op.batch_alter_table("strategy_entry_stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_entry_stakeholder_stakeholder_id"))

    op.drop_table("strategy_entry_stakeholder")
    op.drop_table("strategy_entry_stage")
    op.drop_table("strategy_entry_matter")
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_strategy_entry_id"))
        batch_op.drop_index("ix_engagement_status_starts")
        batch_op.drop_index(batch_op.f("ix_engagement_starts_at"))
        batch_op.drop_index(batch_op.f("ix_engagement_plan_stage_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_plan_id"))
        batch_op.drop_index("ix_engagement_authority_starts")

    op.drop_table("engagement")
    with op.batch_alter_table("strategy_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_entry_register_id"))
        batch_op.drop_index(batch_op.f("ix_strategy_entry_plan_id"))
        batch_op.drop_index(batch_op.f("ix_strategy_entry_lead_authority_id"))

    op.drop_table("strategy_entry")
    with op.batch_alter_table("calendar_feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_feed_user_id"))

    op.drop_table("calendar_feed")
