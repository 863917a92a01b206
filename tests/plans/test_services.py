"""Setting up plans on either route: stages from the route's template with roles and event codes, partners with a
lead, dates in order, and a route that cannot change under consultations."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from engage.common.dates import LONDON
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, Authority, Plan
from engage.plans import services
from tests.factories import create_consultation, create_engagement
from tests.plans.helpers import set_up_plan


def test_a_2026_plan_gets_the_2026_stages_with_their_roles_and_event_codes():
    plan = set_up_plan("2026")

    assert [s.slug for s in plan.stages] == [
        "notice", "scoping", "gateway-1", "proposed-content", "gateway-2", "proposed-plan", "gateway-3",
        "examination", "adoption",
    ]  # fmt: skip
    roles = {s.slug: s.role for s in plan.stages}
    assert roles["notice"] == "commencement" and roles["gateway-2"] == "gateway"
    assert roles["proposed-plan"] == "publication" and roles["examination"] == "submission"
    scoping = plan.stages[1]
    assert (scoping.start_event, scoping.end_event) == ("scoping-consultation-start", "scoping-consultation-end")
    assert plan.submission_date == date(2028, 3, 1)


def test_a_legacy_plan_gets_the_regulation_18_and_19_stages():
    plan = set_up_plan("legacy")

    assert [(s.slug, s.role) for s in plan.stages] == [
        ("reg-18", "consultation"),
        ("reg-19", "publication"),
        ("submission", "submission"),
        ("examination", "examination"),
        ("main-modifications", "consultation"),
        ("adoption", "adoption"),
    ]
    assert plan.submission_date == date(2027, 6, 1)


def test_the_lead_authority_comes_first_among_the_partners():
    plan = set_up_plan(partners=["TRDC", "WBC"], lead_authority="WBC")

    assert [a.code for a in plan.partners_lead_first] == ["WBC", "TRDC"]
    assert plan.reference == "watford-local-plan"
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.entity_type == "plan")) == "create"


def test_a_lead_not_among_the_partners_joins_them():
    plan = set_up_plan(partners=["TRDC"], lead_authority="WBC")

    assert [a.code for a in plan.partners_lead_first] == ["WBC", "TRDC"]


def test_missing_name_route_and_unknown_partner_are_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as raised:
        services.create_plan({"name": "", "route": "2030", "partners": ["NOPE"]})

    assert set(raised.value.errors) == {"name", "route", "partners"}
    assert "NOPE" in raised.value.errors["partners"][0]
    assert db.session.scalar(select(func.count(Plan.id))) == 0


def test_stages_out_of_order_are_refused_with_the_stage_named_and_nothing_changes():
    plan = set_up_plan("legacy")

    with pytest.raises(ValidationError) as raised:
        services.update_stages(plan, [{"slug": "reg-19", "starts_on": date(2025, 12, 1)}])

    assert raised.value.errors == {
        "reg-19.starts_on": [
            "The predicted start of the Regulation 19 publication must be on or after the start of the "
            "Regulation 18 consultation, 12 January 2026"
        ]
    }
    db.session.expire_all()
    assert db.session.get(Plan, plan.id).stages[1].starts_on == date(2027, 1, 11)


def test_moving_an_earlier_stage_past_the_next_is_said_on_the_stage_moved():
    plan = set_up_plan("legacy")

    with pytest.raises(ValidationError) as raised:
        services.update_stages(plan, [{"slug": "reg-18", "starts_on": date(2027, 3, 1)}])

    assert list(raised.value.errors) == ["reg-18.starts_on"]
    assert "on or before the start of the Regulation 19 publication" in raised.value.errors["reg-18.starts_on"][0]


def test_a_stage_ending_before_it_starts_is_refused():
    plan = set_up_plan("legacy")

    with pytest.raises(ValidationError) as raised:
        services.update_stages(plan, [{"slug": "submission", "actual_starts_on": date(2027, 6, 2),
                                       "actual_ends_on": date(2027, 6, 1)}])  # fmt: skip

    assert list(raised.value.errors) == ["submission.actual_ends_on"]


def test_actual_submission_date_moves_the_after_submission_line():
    plan = set_up_plan("legacy")

    services.update_stages(plan, [{"slug": "submission", "actual_starts_on": date(2027, 7, 1)}])

    assert plan.submission_date == date(2027, 7, 1)
    assert plan.stage_on(date(2027, 6, 15)).slug == "reg-19"


def test_a_consultation_stage_takes_its_actual_dates_only_from_its_consultations():
    plan = set_up_plan("legacy")

    with pytest.raises(ValidationError) as raised:
        services.update_stages(plan, [{"slug": "reg-18", "actual_starts_on": date(2026, 1, 12)}])

    assert "come from its consultations" in raised.value.errors["reg-18.actual_starts_on"][0]


def test_publishing_a_consultation_dates_its_stage():
    plan = set_up_plan("legacy")
    opens = datetime(2026, 1, 12, 9, tzinfo=LONDON)
    consultation = create_consultation(stage="reg-18", opens_at=opens, closes_at=opens + timedelta(days=42))

    db.session.refresh(plan)
    stage = plan.stages[0]
    assert (stage.actual_starts_on, stage.actual_ends_on) == (date(2026, 1, 12), date(2026, 2, 23))
    assert consultation.plan_id == plan.id


def test_a_consultation_at_a_stage_that_is_not_a_consultation_is_refused():
    set_up_plan("legacy")

    with pytest.raises(ValidationError) as raised:
        create_consultation(stage="submission")

    assert raised.value.errors["stage"] == [
        "Select a consultation stage of the Watford Local Plan (reg-18, reg-19, main-modifications)"
    ]


def test_overlapping_published_consultations_on_one_stage_are_refused():
    set_up_plan("legacy")
    first = create_consultation(stage="reg-19")

    with pytest.raises(ValidationError) as raised:
        create_consultation(stage="reg-19", title="Second go", slug="second-go")

    assert f"overlap ‘{first.title}’" in raised.value.errors["opens_at"][0]
    later = first.closes_at + timedelta(days=1)
    create_consultation(stage="reg-19", slug="later", opens_at=later, closes_at=later + timedelta(days=42))


def test_the_route_cannot_change_once_the_plan_has_consultations():
    plan = set_up_plan("legacy")
    create_consultation(stage="reg-18")

    with pytest.raises(ValidationError) as raised:
        services.update_plan(plan, {"route": "2026", "name": "Renamed"})

    assert "cannot change the route" in raised.value.errors["route"][0]
    db.session.expire_all()
    plan = db.session.get(Plan, plan.id)
    assert (plan.route, plan.name, len(plan.stages)) == ("legacy", "Watford Local Plan", 6)


def test_the_route_cannot_change_once_engagements_sit_at_its_stages():
    plan = set_up_plan("legacy")
    create_engagement(plan_stage="reg-18")

    with pytest.raises(ValidationError):
        services.update_plan(plan, {"route": "2026"})


def test_a_new_route_before_any_consultation_brings_its_own_stages():
    plan = set_up_plan("legacy")

    services.update_plan(plan, {"route": "2026"})

    assert plan.stages[0].slug == "notice" and len(plan.stages) == 9


def test_set_up_plan_adds_new_authorities_with_the_plan_or_neither():
    with pytest.raises(ValidationError) as raised:
        services.set_up_plan(
            {"name": "", "route": "2026", "partners": ["NEW"]}, [{"code": "NEW", "name": "New Council"}]
        )

    assert "name" in raised.value.errors
    assert db.session.scalar(select(Authority.id).where(Authority.code == "NEW")) is None

    plan = services.set_up_plan(
        {"name": "New plan", "route": "2026", "partners": ["NEW"]}, [{"code": "NEW", "name": "New Council"}]
    )
    assert plan.lead_authority.code == "NEW"


def test_the_route_cannot_change_once_strategy_entries_name_its_stages():
    from engage.strategy.services import create_entry

    plan = set_up_plan("legacy")
    entry = create_entry(
        {
            "title": "Members' forum",
            "register": "members-forum",
            "mechanism": "members-forum-meeting",
            "cadence": "per-stage",
            "stages": ["reg-19"],
            "starts_on": date(2026, 1, 12),
            "level": "member",
            "lead_authority": "WBC",
        }
    )
    assert [s.slug for s in entry.stages] == ["reg-19"]

    with pytest.raises(ValidationError) as raised:
        services.update_plan(plan, {"route": "2026"})

    assert "strategy entries" in raised.value.errors["route"][0]
