from datetime import timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import AuditEvent, Plan, PlanStage, Representation, Respondent, utcnow
from engage.personal_data.retention import apply_retention
from tests.factories import create_consultation, create_plan
from tests.pages import error_summary, get_page, parse, post_form
from tests.personal_data.test_erasure import _respond


def _closed(plan, years_ago: int, stage="reg-18"):
    closes = utcnow().replace(second=0, microsecond=0) - relativedelta(years=years_ago)
    return create_consultation(plan_id=plan.id, stage=stage, opens_at=closes - timedelta(days=42), closes_at=closes)


def _state():
    respondents = db.session.execute(select(Respondent.id, Respondent.last_name, Respondent.erased_at)).all()
    texts = db.session.execute(select(Representation.id, Representation.comment, Representation.nature)).all()
    return (
        sorted(map(tuple, respondents)),
        sorted(map(tuple, texts)),
        db.session.scalar(select(func.count(AuditEvent.id))),
    )


def test_the_command_erases_respondents_whose_period_has_ended_and_a_dry_run_changes_nothing(app):
    plan = create_plan()
    old, recent = _closed(plan, 16), _closed(plan, 3, stage="reg-19")
    expired, kept = _respond(old), _respond(recent)
    before = _state()

    dry = app.test_cli_runner().invoke(args=["apply-retention", "--dry-run"])

    assert dry.exit_code == 0, dry.output
    assert dry.output.splitlines() == [
        f"swh-jsp: would erase 1 respondent (15 years) of {old.slug}",
        f"  {expired.reference}",
    ]
    db.session.expire_all()
    assert _state() == before

    run = app.test_cli_runner().invoke(args=["apply-retention"])
    again = app.test_cli_runner().invoke(args=["apply-retention"])

    assert run.output.splitlines() == [f"swh-jsp: erased 1 respondent (15 years) of {old.slug}"]
    assert again.output.splitlines() == [f"swh-jsp: erased 0 respondents (15 years) of {old.slug}"]
    db.session.expire_all()
    erased = db.session.get(Respondent, expired.id)
    assert erased.erased_at and erased.email == "" and erased.representations[0].comment == ""
    assert erased.representations[0].nature == "object"
    assert db.session.get(Respondent, kept.id).erased_at is None
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "erase"))
    assert audit.summary.endswith("Retention period of 15 years ended") and audit.user_id is None


def test_the_period_runs_from_adoption_when_that_was_later_and_follows_the_plan(app):
    plan = create_plan()
    consultation = _closed(plan, 16)
    respondent = _respond(consultation)
    plan.stages.append(
        PlanStage(
            slug="adoption",
            name="Adoption",
            role="adoption",
            position=5,
            actual_starts_on=utcnow().date() - relativedelta(years=10),
        )
    )
    db.session.commit()

    assert apply_retention(dry_run=True)[0].references == []
    plan.retention_years = 9
    db.session.commit()
    assert apply_retention(dry_run=True)[0].references == [respondent.reference]
    assert apply_retention(dry_run=True, moment=utcnow() - relativedelta(years=2))[0].references == []


def test_officers_change_the_period_and_see_who_is_due(officer_client):
    plan = create_plan()
    _respond(_closed(plan, 12))
    page = get_page(officer_client, "personal_data.retention", plan_id=plan.id)
    assert page.select_one("input[name=retention_years]")["value"] == "15"
    assert "due to be erased" not in page.get_text()

    refused = parse(
        post_form(officer_client, "personal_data.retention", {"retention_years": "0.5"}, {"plan_id": plan.id})
    )
    response = post_form(officer_client, "personal_data.retention", {"retention_years": "10"}, {"plan_id": plan.id})

    assert error_summary(refused) == ["Enter a whole number of years from 1 to 100"]
    assert refused.select_one("input[name=retention_years]")["value"] == "0.5"
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).retention_years == 10
    page = get_page(officer_client, "personal_data.retention", plan_id=plan.id)
    assert "1 respondent’s personal data is due to be erased" in page.get_text()
    assert "Retention period: 10 years" in get_page(officer_client, "plans.show", plan_id=plan.id).get_text()
