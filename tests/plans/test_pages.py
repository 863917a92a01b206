"""The plan pages: set up a plan, edit it and its partners, and give its stages dates; bad input is said next to the
field, keeps what was typed and changes nothing."""

from datetime import date

from sqlalchemy import select

from engage.extensions import db
from engage.models import Authority, Plan
from tests.factories import create_authority, create_consultation
from tests.pages import error_summary, get_page, parse, post_form
from tests.plans.helpers import set_up_plan


def test_the_plans_page_lists_plans_and_both_routes(viewer_client):
    set_up_plan("2026")

    page = get_page(viewer_client, "plans.index")

    text = page.get_text(" ", strip=True)
    assert "Watford Local Plan" in text and "Gateway 3" in text and "Regulation 19 publication" in text
    assert page.select_one("a[href='/plans/new']") is None  # setting up is for admins


def test_an_admin_sets_up_a_plan_and_goes_on_to_its_stages(admin_client):
    create_authority("TRDC", "Three Rivers District Council")
    page = get_page(admin_client, "plans.new")
    assert page.select_one("input[name=route][value='2026']") is not None

    response = post_form(
        admin_client,
        "plans.new",
        {"name": "Three Rivers Local Plan", "route": "2026", "lead_authority": "TRDC", "partners": ["WBC", "TRDC"]},
    )

    plan = db.session.scalar(select(Plan))
    assert response.status_code == 302 and response.location.endswith(f"/plans/{plan.id}/stages")
    assert [a.code for a in plan.partners_lead_first] == ["TRDC", "WBC"]
    assert len(plan.stages) == 9


def test_setting_up_without_a_name_or_route_shows_the_errors_and_keeps_the_input(admin_client):
    response = post_form(admin_client, "plans.new", {"name": "", "description": "Kept", "partners": ["WBC"]})

    page = parse(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    assert error_summary(page) == ["Enter the name of the plan", "Select the regulations the plan is prepared under"]
    assert page.select_one("textarea[name=description]").get_text() == "Kept"
    assert db.session.scalar(select(Plan)) is None


def test_a_route_change_after_consultations_is_refused_next_to_the_route(officer_client):
    plan = set_up_plan("legacy")
    create_consultation(stage="reg-19")

    response = post_form(
        officer_client,
        "plans.edit",
        {"name": "Renamed", "route": "2026", "lead_authority": "WBC", "partners": ["WBC", "TRDC"]},
        {"plan_id": plan.id},
    )

    page = parse(response)
    message = page.select_one("#route-error").get_text()
    assert "cannot change the route once the plan has consultations" in message
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).name == "Watford Local Plan"


def _stage_fields(plan, **dates) -> dict:
    data = {}
    for number, stage in enumerate(plan.stages):
        data[f"s{number}_name"] = stage.name
        for field in ("starts_on", "ends_on", "actual_starts_on", "actual_ends_on"):
            day = dates.get(f"{stage.slug}.{field}", getattr(stage, field))
            data |= {f"s{number}_{field}": [str(day.day), str(day.month), str(day.year)] if day else ["", "", ""]}
    return data


def test_stage_dates_are_saved(officer_client):
    plan = set_up_plan("legacy")
    page = get_page(officer_client, "plans.stages", plan_id=plan.id)
    assert page.select_one("input[name=s0_actual_starts_on]") is None  # a consultation stage's come from consultations

    response = post_form(
        officer_client,
        "plans.stages",
        _stage_fields(
            plan, **{"adoption.starts_on": date(2028, 9, 1), "submission.actual_starts_on": date(2027, 6, 3)}
        ),
        {"plan_id": plan.id},
    )

    assert response.status_code == 302
    db.session.expire_all()
    stages = {s.slug: s for s in db.session.get(Plan, plan.id).stages}
    assert stages["adoption"].starts_on == date(2028, 9, 1)
    assert stages["submission"].actual_starts_on == date(2027, 6, 3)


def test_stages_out_of_order_are_said_next_to_the_date_and_nothing_is_saved(officer_client):
    plan = set_up_plan("legacy")

    response = post_form(
        officer_client,
        "plans.stages",
        _stage_fields(plan, **{"reg-19.starts_on": date(2025, 1, 1), "adoption.starts_on": date(2029, 1, 1)}),
        {"plan_id": plan.id},
    )

    page = parse(response)
    assert response.status_code == 200
    assert (
        "must be on or after the start of the Regulation 18 consultation" in page.select_one("#s1_starts_on-error").text
    )
    assert page.select_one("input[name=s1_starts_on]")["value"] == "1"
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).stages[5].starts_on is None


def test_an_admin_adds_an_authority_to_partner_with(admin_client):
    response = post_form(
        admin_client,
        "plans.new_authority",
        {"code": "hdc", "name": "Hertsmere", "kind": "partner", "organisation": "local-authority:HER"},
    )

    assert response.status_code == 302
    assert db.session.scalar(select(Authority.organisation).where(Authority.code == "HDC")) == "local-authority:HER"
    page = parse(post_form(admin_client, "plans.new_authority", {"code": "HDC", "name": "Again", "kind": "partner"}))
    assert error_summary(page) == ["There is already an authority with the code HDC"]
