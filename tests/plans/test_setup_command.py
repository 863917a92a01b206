"""`flask --app wsgi setup-plan`: the first run without the demo, asked or told."""

from datetime import date

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Authority, Plan


def test_setup_plan_without_questions_creates_the_plan_partners_and_dates(app):
    result = app.test_cli_runner().invoke(
        args=[
            "setup-plan", "--no-input", "--name", "Watford Local Plan", "--route", "2026",
            "--partner", "WBC=Watford Borough Council", "--partner", "HCC=Hertfordshire County Council",
            "--stage", "notice=2026-05-01", "--stage", "scoping=2026-06-01..2026-07-15",
        ]
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "Partners: WBC, HCC (lead WBC)" in result.output
    plan = db.session.scalar(select(Plan))
    assert plan.route == "2026" and plan.lead_authority.code == "WBC"
    scoping = plan.stages[1]
    assert (scoping.slug, scoping.starts_on, scoping.ends_on) == ("scoping", date(2026, 6, 1), date(2026, 7, 15))


def test_setup_plan_asks_for_what_it_was_not_told(app):
    answers = "Three Rivers Plan\nlegacy\nTRDC=Three Rivers District Council\n2026-01-12..2026-02-23\n\n\n\n\n\n"

    result = app.test_cli_runner().invoke(args=["setup-plan"], input=answers)

    assert result.exit_code == 0, result.output
    assert "Predicted dates of the Regulation 19 publication" in result.output
    plan = db.session.scalar(select(Plan))
    assert (plan.name, plan.route, plan.stages[0].ends_on) == ("Three Rivers Plan", "legacy", date(2026, 2, 23))


def test_setup_plan_with_stages_out_of_order_sets_up_nothing(app):
    result = app.test_cli_runner().invoke(
        args=[
            "setup-plan", "--no-input", "--name", "Plan", "--route", "legacy", "--partner", "NEW=New Council",
            "--stage", "reg-18=2027-01-01", "--stage", "reg-19=2026-01-01",
        ]
    )  # fmt: skip

    assert result.exit_code != 0
    assert "must be on or after the start of the Regulation 18 consultation" in result.output
    assert db.session.scalar(select(func.count(Plan.id))) == 0
    assert db.session.scalar(select(Authority.id).where(Authority.code == "NEW")) is None


def test_setup_plan_explains_an_unknown_authority_without_a_name(app):
    result = app.test_cli_runner().invoke(args=["setup-plan", "--no-input", "--name", "P", "--route", "2026",
                                                "--partner", "ZZZ"])  # fmt: skip

    assert result.exit_code != 0
    assert "ZZZ is not a known authority: give its name too" in result.output
