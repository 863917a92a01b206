"""The demo shows the statement of consultation filled in: publicity with dates and attendance, main issues with
the councils' responses, and first representations to the Regulation 19 publication."""

from sqlalchemy import func, select

from engage.evidence.consultation_statement import queries
from engage.extensions import db
from engage.models import Consultation, MainIssue, Plan, Publicity, Representation
from engage.seeds.demo import load_demo


def _count(model, slug: str) -> int:
    return db.session.scalar(
        select(func.count(model.id)).join(Consultation, Consultation.id == model.consultation_id)
        .where(Consultation.slug == slug)
    )  # fmt: skip


def test_the_demo_statement_shows_methods_attendance_issues_and_representations():
    load_demo()
    counts = {(m, s): _count(m, s) for m in (Publicity, MainIssue, Representation)
              for s in ("issues-and-options", "publication-plan")}  # fmt: skip
    assert all(count for (model, slug), count in counts.items() if (model, slug) != (MainIssue, "publication-plan"))
    plan = db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp"))
    statement = queries.build(queries.scope_from_args({"plan": plan.slug}))
    first, second = statement.stages
    assert first.consultation.slug == "issues-and-options" and not first.provisional and second.provisional
    assert any(method.number.endswith("attended") for method in first.methods)
    assert second.figures.duly_made and second.figures.withdrawn and second.figures.tests

    load_demo()
    assert {(m, s): _count(m, s) for m, s in counts} == counts
