"""Rules that depend on a stage read its role, so they hold on the 2026 route, which has no stage called
`submission`: the after-submission flags, the stage an engagement falls in, and the demo plan's set-up."""

from datetime import datetime

from sqlalchemy import select

from engage.common.dates import LONDON
from engage.evidence.dtc import matrix
from engage.evidence.dtc.rows import DtcFilters
from engage.extensions import db
from engage.models import Plan
from engage.seeds.demo import load_demo
from tests.factories import create_engagement, create_stakeholder
from tests.plans.helpers import set_up_plan


def test_on_the_2026_route_an_engagement_after_the_examination_submission_is_flagged():
    set_up_plan("2026")

    before = create_engagement(starts_at=datetime(2028, 2, 1, 10, tzinfo=LONDON))
    after = create_engagement(starts_at=datetime(2028, 4, 3, 10, tzinfo=LONDON))

    assert before.plan_stage.slug == "proposed-content" and not before.after_submission
    assert after.plan_stage.slug == "examination" and after.after_submission


def test_an_engagement_falls_in_the_2026_stage_in_force_on_its_day():
    set_up_plan("2026")

    engagement = create_engagement(starts_at=datetime(2026, 5, 20, 10, tzinfo=LONDON))

    assert engagement.plan_stage.slug == "scoping"


def test_the_matrix_flags_engagement_only_after_a_2026_submission():
    set_up_plan("2026")
    body = create_stakeholder(
        kind="organisation", organisation="Environment Agency", categories=["dtc-prescribed-body"], registers=[]
    )
    create_engagement(
        starts_at=datetime(2028, 4, 3, 10, tzinfo=LONDON), stakeholders=[body.id], matters=["housing-need"]
    )

    built = matrix.build(DtcFilters.from_args({}))

    [row] = [b for b in built.bodies if b.name == "Environment Agency"]
    [cell] = [c for c in row.cells.values() if c.engagements]
    assert cell.only_after_submission


def test_the_demo_plan_is_set_up_like_any_other():
    load_demo()

    plan = db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp"))
    assert plan.lead_authority.code == "DBC" and plan.partners_lead_first[0].code == "DBC"
    assert [s.role for s in plan.stages][:3] == ["consultation", "publication", "submission"]
    assert plan.submission_date.isoformat() == "2027-06-01"
    assert plan.stages[0].actual_starts_on is not None  # from the demo's Regulation 18 consultation
