"""Consultations (parts, documents, questions, invitations) and representations (respondents, attachments,
server-side drafts of online responses).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 19:47:20.985433

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("stage", sa.String(length=50), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("form_type", sa.String(length=30), nullable=False),
        sa.Column("privacy_notice", sa.Text(), nullable=False),
        sa.Column("procedure_statement", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_consultation_plan_id_plan"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
        sa.UniqueConstraint("slug", name=op.f("uq_consultation_slug")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_closes_at"), ["closes_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultation_opens_at"), ["opens_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultation_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "consultation_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_document_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_document")),
    )
    with op.batch_alter_table("consultation_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_document_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "consultation_part",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("ref", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_part_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["consultation_part.id"],
            name=op.f("fk_consultation_part_parent_id_consultation_part"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_part")),
        sa.UniqueConstraint("consultation_id", "ref", name=op.f("uq_consultation_part_consultation_id")),
    )
    with op.batch_alter_table("consultation_part", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_part_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "consultation_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("hint", sa.Text(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_consultation_question_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_question")),
    )
    with op.batch_alter_table("consultation_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_question_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=50), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("agent", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_respondent_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_respondent_stakeholder_id_stakeholder"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
    )
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_respondent_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_respondent_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_respondent_stakeholder_id"), ["stakeholder_id"], unique=False)

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_invitation_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user_account.id"],
            name=op.f("fk_invitation_created_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"], name=op.f("fk_invitation_job_id_job"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
            name=op.f("fk_invitation_stakeholder_id_stakeholder"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("consultation_id", "stakeholder_id", "method", name=op.f("uq_invitation_consultation_id")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invitation_stakeholder_id"), ["stakeholder_id"], unique=False)

    op.create_table(
        "representation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        sa.Column("nature", sa.String(length=20), nullable=False),
        sa.Column("legally_compliant", sa.String(length=20), nullable=False),
        sa.Column("sound", sa.String(length=20), nullable=False),
        sa.Column("dtc_compliant", sa.String(length=20), nullable=False),
        sa.Column("unsound_tests", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("modification", sa.Text(), nullable=False),
        sa.Column("wishes_to_be_heard", sa.Boolean(), nullable=False),
        sa.Column("heard_reason", sa.Text(), nullable=False),
        sa.Column("notify", sa.JSON(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_representation_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entered_by_id"],
            ["user_account.id"],
            name=op.f("fk_representation_entered_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["part_id"],
            ["consultation_part.id"],
            name=op.f("fk_representation_part_id_consultation_part"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_representation_respondent_id_respondent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_representation")),
        sa.UniqueConstraint("respondent_id", "number", name=op.f("uq_representation_respondent_id")),
    )
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_representation_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(
            "ix_representation_consultation_received", ["consultation_id", "received_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_representation_part_id"), ["part_id"], unique=False)

    op.create_table(
        "response_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("respondent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_response_draft_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_response_draft_respondent_id_respondent"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_response_draft")),
        sa.UniqueConstraint("token", name=op.f("uq_response_draft_token")),
    )
    with op.batch_alter_table("response_draft", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_response_draft_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("representation_id", sa.Integer(), nullable=True),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("draft_item", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id"], ["response_draft.id"], name=op.f("fk_attachment_draft_id_response_draft"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_attachment_representation_id_representation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_draft_id"), ["draft_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_representation_id"), ["representation_id"], unique=False)


def downgrade():
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_representation_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_draft_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("response_draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_response_draft_consultation_id"))

    op.drop_table("response_draft")
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_representation_part_id"))
        batch_op.drop_index("ix_representation_consultation_received")
        batch_op.drop_index(batch_op.f("ix_representation_campaign_id"))

    op.drop_table("representation")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_consultation_id"))

    op.drop_table("invitation")
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_respondent_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_respondent_email"))
        batch_op.drop_index(batch_op.f("ix_respondent_consultation_id"))

    op.drop_table("respondent")
    with op.batch_alter_table("consultation_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_question_consultation_id"))

    op.drop_table("consultation_question")
    with op.batch_alter_table("consultation_part", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_part_consultation_id"))

    op.drop_table("consultation_part")
    with op.batch_alter_table("consultation_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_document_consultation_id"))

    op.drop_table("consultation_document")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_plan_id"))
        batch_op.drop_index(batch_op.f("ix_consultation_opens_at"))
        batch_op.drop_index(batch_op.f("ix_consultation_closes_at"))

    op.drop_table("consultation")
