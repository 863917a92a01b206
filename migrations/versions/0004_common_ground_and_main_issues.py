"""Statements of Common Ground (versions, parties and the matters they sign, matters with positions, signature
records) and the main issues of a consultation with the representations raising them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 19:52:40.959979

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "common_ground",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("lead_authority_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_common_ground_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_authority_id"],
            ["authority.id"],
            name=op.f("fk_common_ground_lead_authority_id_authority"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_common_ground_plan_id_plan"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_ground")),
    )
    with op.batch_alter_table("common_ground", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_ground_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "main_issue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("council_response", sa.Text(), nullable=False),
        sa.Column("proposed_change", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_main_issue_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_main_issue")),
    )
    with op.batch_alter_table("main_issue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_main_issue_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "common_ground_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("area_description", sa.Text(), nullable=False),
        sa.Column("strategic_context", sa.Text(), nullable=False),
        sa.Column("housing_requirement", sa.Text(), nullable=False),
        sa.Column("housing_distribution", sa.Text(), nullable=False),
        sa.Column("evidence_base", sa.Text(), nullable=False),
        sa.Column("governance", sa.Text(), nullable=False),
        sa.Column("timetable", sa.Text(), nullable=False),
        sa.Column("risks", sa.Text(), nullable=False),
        sa.Column("monitoring_indicators", sa.Text(), nullable=False),
        sa.Column("review_arrangements", sa.Text(), nullable=False),
        sa.Column("other_agreements", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_common_ground_version_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["common_ground.id"],
            name=op.f("fk_common_ground_version_statement_id_common_ground"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_ground_version")),
        sa.UniqueConstraint("statement_id", "number", name=op.f("uq_common_ground_version_statement_id")),
    )
    with op.batch_alter_table("common_ground_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_ground_version_statement_id"), ["statement_id"], unique=False)

    op.create_table(
        "common_ground_matter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.Column("position_status", sa.String(length=20), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["strategic_matter.id"],
            name=op.f("fk_common_ground_matter_matter_id_strategic_matter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["common_ground_version.id"],
            name=op.f("fk_common_ground_matter_version_id_common_ground_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_ground_matter")),
        sa.UniqueConstraint("version_id", "matter_id", name=op.f("uq_common_ground_matter_version_id")),
    )
    with op.batch_alter_table("common_ground_matter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_ground_matter_version_id"), ["version_id"], unique=False)

    op.create_table(
        "common_ground_party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("authority_id", sa.Integer(), nullable=True),
        sa.Column("stakeholder_id", sa.Integer(), nullable=True),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_role", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["authority_id"],
            ["authority.id"],
            name=op.f("fk_common_ground_party_authority_id_authority"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_common_ground_party_stakeholder_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["common_ground_version.id"],
            name=op.f("fk_common_ground_party_version_id_common_ground_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_ground_party")),
    )
    with op.batch_alter_table("common_ground_party", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_ground_party_version_id"), ["version_id"], unique=False)

    op.create_table(
        "common_ground_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user_account.id"],
            name=op.f("fk_common_ground_signature_recorded_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["common_ground_version.id"],
            name=op.f("fk_common_ground_signature_version_id_common_ground_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_ground_signature")),
    )
    with op.batch_alter_table("common_ground_signature", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_common_ground_signature_version_id"), ["version_id"], unique=False)

    op.create_table(
        "main_issue_representation",
        sa.Column("main_issue_id", sa.Integer(), nullable=False),
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["main_issue_id"],
            ["main_issue.id"],
            name=op.f("fk_main_issue_representation_main_issue_id_main_issue"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_main_issue_representation_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("main_issue_id", "representation_id", name=op.f("pk_main_issue_representation")),
    )
    op.create_table(
        "common_ground_party_matter",
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["strategic_matter.id"],
            name=op.f("fk_common_ground_party_matter_matter_id_strategic_matter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["common_ground_party.id"],
            name=op.f("fk_common_ground_party_matter_party_id_common_ground_party"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("party_id", "matter_id", name=op.f("pk_common_ground_party_matter")),
    )


def downgrade():
    op.drop_table("common_ground_party_matter")
    op.drop_table("main_issue_representation")
    with op.batch_alter_table("common_ground_signature", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_ground_signature_version_id"))

    op.drop_table("common_ground_signature")
    with op.batch_alter_table("common_ground_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_ground_party_version_id"))

    op.drop_table("common_ground_party")
    with op.batch_alter_table("common_ground_matter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_ground_matter_version_id"))

    op.drop_table("common_ground_matter")
    with op.batch_alter_table("common_ground_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_ground_version_statement_id"))

    op.drop_table("common_ground_version")
    with op.batch_alter_table("main_issue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_main_issue_consultation_id"))

    op.drop_table("main_issue")
    with op.batch_alter_table("common_ground", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_common_ground_plan_id"))

    op.drop_table("common_ground")
