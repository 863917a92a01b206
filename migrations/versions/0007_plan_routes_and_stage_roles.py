"""Plan routes and stage roles: the 2012 and 2026 routes' stages as data (each with its role and planning data event
codes); a plan's lead authority, open-data reference, plan period and links; each stage's role, event codes and
actual dates beside the predicted ones; an authority's planning data organisation code.

Existing stages take the role and event codes of the stage with the same slug on their plan's route; an existing
plan's reference is its slug and its lead is its first partner by name (the order its pages showed them in); a
consultation stage's actual dates are those of its published consultations.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 05:40:00

"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The routes as they stood when this revision was written (engage/seeds/routes.py keeps them from now on).
ROUTES = [
    ("legacy", "2012 regulations", "the duty to co-operate"),
    ("2026", "2026 regulations", "maintaining effective co-operation"),
]
STAGES = {
    "legacy": [
        (
            "reg-18",
            "Regulation 18 consultation",
            "consultation",
            "additional-consultation-start",
            "additional-consultation-end",
        ),
        (
            "reg-19",
            "Regulation 19 publication",
            "publication",
            "additional-consultation-start",
            "additional-consultation-end",
        ),
        ("submission", "Submission (Regulation 22)", "submission", "examination-submitted", ""),
        ("examination", "Examination", "examination", "", "examination-recommendations-published"),
        (
            "main-modifications",
            "Main modifications consultation",
            "consultation",
            "main-modification-consultation-start",
            "main-modification-consultation-end",
        ),
        ("adoption", "Adoption", "adoption", "adopted", ""),
    ],
    "2026": [
        ("notice", "Notice of intention to commence", "commencement", "publish-notice-intention-commence", ""),
        ("scoping", "Scoping consultation", "consultation", "scoping-consultation-start", "scoping-consultation-end"),
        ("gateway-1", "Gateway 1", "gateway", "gateway-1-self-assessment", ""),
        (
            "proposed-content",
            "Consultation on proposed content",
            "consultation",
            "plan-content-evidence-consultation-start",
            "plan-content-evidence-consultation-end",
        ),
        ("gateway-2", "Gateway 2", "gateway", "gateway-2-advice-sought", "gateway-2-advice-published"),
        (
            "proposed-plan",
            "Proposed plan consultation",
            "publication",
            "proposed-plan-consultation-start",
            "proposed-plan-consultation-end",
        ),
        ("gateway-3", "Gateway 3", "gateway", "gateway-3-advice-sought", "gateway-3-advice-published"),
        (
            "examination",
            "Submission and examination",
            "submission",
            "examination-submitted",
            "examination-recommendations-published",
        ),
        ("adoption", "Adoption", "adoption", "adopted", ""),
    ],
}


def upgrade():
    _create_routes()
    with op.batch_alter_table("authority", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organisation", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reference", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("lead_authority_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("period_end", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("documentation_url", sa.String(length=1000), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("document_url", sa.String(length=1000), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_plan_lead_authority_id_authority"), "authority", ["lead_authority_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
    with op.batch_alter_table("plan_stage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("actual_starts_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("actual_ends_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("start_event", sa.String(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("end_event", sa.String(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    _migrate_plans()
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)
    with op.batch_alter_table("plan_stage", schema=None) as batch_op:
        batch_op.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)


def _create_routes():
    route = op.create_table(
        "plan_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("co_operation", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_route")),
        sa.UniqueConstraint("slug", name=op.f("uq_plan_route_slug")),
    )
    stage = op.create_table(
        "plan_route_stage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_event", sa.String(length=60), nullable=False),
        sa.Column("end_event", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["route_id"], ["plan_route.id"], name=op.f("fk_plan_route_stage_route_id_plan_route"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_route_stage")),
        sa.UniqueConstraint("route_id", "slug", name=op.f("uq_plan_route_stage_route_id")),
    )
    with op.batch_alter_table("plan_route_stage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_route_stage_route_id"), ["route_id"], unique=False)
    op.bulk_insert(route, [{"id": i, "slug": s, "name": n, "co_operation": c} for i, (s, n, c) in enumerate(ROUTES, 1)])
    rows, number = [], 0
    for route_id, (slug, _, _) in enumerate(ROUTES, 1):
        for position, (stage_slug, name, role, start, end) in enumerate(STAGES[slug]):
            number += 1
            rows.append(
                {"id": number, "route_id": route_id, "slug": stage_slug, "name": name, "role": role,
                 "position": position, "start_event": start, "end_event": end}
            )  # fmt: skip
    op.bulk_insert(stage, rows)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval('plan_route_id_seq', (SELECT MAX(id) FROM plan_route))")
        op.execute("SELECT setval('plan_route_stage_id_seq', (SELECT MAX(id) FROM plan_route_stage))")


def _migrate_plans():
    bind = op.get_bind()
    op.execute("UPDATE plan SET reference = slug WHERE reference = ''")
    op.execute("UPDATE plan SET updated_at = CURRENT_TIMESTAMP")
    op.execute("UPDATE plan_stage SET updated_at = CURRENT_TIMESTAMP")
    template = sa.text(
        "SELECT s.slug, s.role, s.start_event, s.end_event FROM plan_route_stage s"
        " JOIN plan_route r ON r.id = s.route_id WHERE r.slug = :route"
    )
    plans = bind.execute(sa.text("SELECT id, route FROM plan")).all()
    for plan_id, route in plans:
        for slug, role, start, end in bind.execute(template, {"route": route or "legacy"}).all():
            bind.execute(
                sa.text(
                    "UPDATE plan_stage SET role = :role, start_event = :start, end_event = :end"
                    " WHERE plan_id = :plan AND slug = :slug"
                ),
                {"role": role, "start": start, "end": end, "plan": plan_id, "slug": slug},
            )
        lead = bind.execute(
            sa.text(
                "SELECT a.id FROM authority a JOIN plan_partner p ON p.authority_id = a.id"
                " WHERE p.plan_id = :plan ORDER BY a.name LIMIT 1"
            ),
            {"plan": plan_id},
        ).scalar()
        bind.execute(
            sa.text("UPDATE plan SET lead_authority_id = :lead WHERE id = :plan"), {"lead": lead, "plan": plan_id}
        )
    _date_consultation_stages(bind)


def _date_consultation_stages(bind):
    """A consultation stage's actual dates: the first opening and last closing of its published consultations, as
    days in Europe/London (times are stored in UTC; SQLite returns them as text without an offset)."""
    spans: dict[tuple[int, str], tuple] = {}
    rows = bind.execute(
        sa.text(
            "SELECT c.plan_id, c.stage, c.opens_at, c.closes_at FROM consultation c"
            " JOIN plan_stage s ON s.plan_id = c.plan_id AND s.slug = c.stage"
            " WHERE c.published = :yes AND s.role IN ('consultation', 'publication')"
        ),
        {"yes": True},
    ).all()
    for plan_id, stage, opens, closes in rows:
        opens, closes = _london_day(opens), _london_day(closes)
        first, last = spans.get((plan_id, stage), (opens, closes))
        spans[(plan_id, stage)] = (min(first, opens), max(last, closes))
    for (plan_id, stage), (first, last) in spans.items():
        bind.execute(
            sa.text(
                "UPDATE plan_stage SET actual_starts_on = :first, actual_ends_on = :last"
                " WHERE plan_id = :plan AND slug = :slug"
            ),
            {"first": first, "last": last, "plan": plan_id, "slug": stage},
        )


def _london_day(value) -> date:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo("Europe/London")).date()


def downgrade():
    with op.batch_alter_table("plan_stage", schema=None) as batch_op:
        for column in ("updated_at", "end_event", "start_event", "actual_ends_on", "actual_starts_on", "role"):
            batch_op.drop_column(column)
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_plan_lead_authority_id_authority"), type_="foreignkey")
        for column in ("updated_at", "document_url", "documentation_url", "period_end", "period_start"):
            batch_op.drop_column(column)
        batch_op.drop_column("lead_authority_id")
        batch_op.drop_column("reference")
    with op.batch_alter_table("authority", schema=None) as batch_op:
        batch_op.drop_column("organisation")
    with op.batch_alter_table("plan_route_stage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_route_stage_route_id"))
    op.drop_table("plan_route_stage")
    op.drop_table("plan_route")
