"""Log a contact, change an engagement and mark a planned one held: the pages and their bad-input messages."""

from datetime import datetime

from sqlalchemy import func, select

from engage.common.dates import LONDON
from engage.extensions import db
from engage.models import Action, Engagement
from tests.factories import create_engagement, create_plan, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form


def _form(**overrides):
    data = {
        "status": "held",
        "starts_on": ["4", "3", "2026"],
        "start_time": "10:00",
        "end_time": "11:00",
        "kind": "meeting",
        "lead_authority": "WBC",
        "level": "officer",
        "summary": "Asked about school places",
        "outcome": "Agreed to model pupil yield",
        "agreement": "agreed",
        "matters": ["education"],
        "action_description": "",
        "action_owner": "WBC",
    }
    data.update(overrides)
    return data


def _count(model=Engagement) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_log_a_contact_form_is_prefilled_with_today_authority_and_stakeholder(officer_client):
    create_plan()
    person = create_stakeholder(first_name="Priya", last_name="Shah")
    page = get_page(officer_client, "engagements.new", stakeholder=person.id)
    today = datetime.now(LONDON).date()
    assert page.select_one("#starts_on-day")["value"] == str(today.day).zfill(2)
    assert page.select_one("#lead_authority option[selected]")["value"] == "WBC"
    ticked = page.select_one(f"input[name=stakeholders][value='{person.id}']")
    assert ticked is not None and ticked.has_attr("checked")


def test_logging_a_held_contact_saves_it_with_stage_attendees_and_action(officer_client):
    create_plan()
    person = create_stakeholder()
    response = post_form(
        officer_client,
        "engagements.new",
        _form(
            stakeholders=[str(person.id)],
            action_description="Send the pupil yield model",
            action_due_on=["1", "4", "2026"],
        ),
    )
    assert response.status_code == 302
    engagement = db.session.scalar(select(Engagement))
    assert engagement.status == "held"
    assert engagement.plan_stage.slug == "reg-18"
    assert engagement.starts_at == datetime(2026, 3, 4, 10, 0, tzinfo=LONDON)
    assert [s.id for s in engagement.stakeholders] == [person.id]
    assert [m.slug for m in engagement.matters] == ["education"]
    assert engagement.title.startswith("Meeting with ")
    assert [(a.description, a.owner_authority.code) for a in engagement.actions] == [
        ("Send the pupil yield model", "WBC")
    ]


def test_searching_for_attendees_without_javascript_lists_them_as_checkboxes_and_saves_nothing(officer_client):
    create_plan()
    create_stakeholder(first_name="Zebedee", last_name="Quartermain")
    response = post_form(officer_client, "engagements.new", _form(attendee_search="quarterm", find="Find stakeholders"))
    page = parse(response)
    assert response.status_code == 200
    labels = [label.get_text(strip=True) for label in page.select("#stakeholders label, .govuk-checkboxes label")]
    assert any("Zebedee Quartermain" in text for text in labels)
    assert _count() == 0
    assert error_summary(page) == []


def test_end_before_start_is_refused_next_to_the_end_time(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(start_time="14:00", end_time="13:00")))
    assert "The end must be after the start" in error_summary(page)
    assert page.select_one("#end_time")["value"] == "13:00"
    assert _count() == 0


def test_held_engagement_without_outcome_is_refused(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(outcome="", summary="Kept this text")))
    assert any("Enter the outcome" in message for message in error_summary(page))
    assert "Kept this text" in page.select_one("#summary").get_text()
    assert _count() == 0


def test_unknown_stakeholder_is_refused(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(stakeholders=["987654"])))
    assert "There is no stakeholder with record number 987654" in error_summary(page)
    assert _count() == 0


def test_date_outside_the_plan_is_refused(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(starts_on=["4", "3", "2020"])))
    assert any(message.startswith("The date must be during the plan") for message in error_summary(page))
    assert _count() == 0


def test_not_a_real_date_or_time_is_refused(officer_client):
    create_plan()
    page = parse(post_form(officer_client, "engagements.new", _form(starts_on=["31", "2", "2026"], start_time="25:00")))
    assert "Enter a real date, like 27 3 2027" in error_summary(page)
    assert _count() == 0


def test_marking_a_planned_engagement_held_records_outcome_in_one_step(officer_client):
    create_plan()
    engagement = create_engagement(status="planned", outcome="", agreement="n-a")
    get_page(officer_client, "engagements.held", engagement_id=engagement.id)
    response = post_form(
        officer_client,
        "engagements.held",
        {
            "outcome": "Agreed the housing numbers",
            "agreement": "agreed",
            "action_description": "Draft the SoCG",
            "action_owner": "WBC",
        },
        {"engagement_id": engagement.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    engagement = db.session.get(Engagement, engagement.id)
    assert (engagement.status, engagement.outcome, engagement.agreement) == (
        "held",
        "Agreed the housing numbers",
        "agreed",
    )
    assert _count(Action) == 1


def test_marking_held_without_outcome_changes_nothing(officer_client):
    create_plan()
    engagement = create_engagement(status="planned", outcome="")
    page = parse(
        post_form(
            officer_client, "engagements.held", {"outcome": "", "agreement": "agreed"}, {"engagement_id": engagement.id}
        )
    )
    assert any("Enter the outcome" in message for message in error_summary(page))
    db.session.expire_all()
    assert db.session.get(Engagement, engagement.id).status == "planned"


def test_engagement_page_shows_details_and_links_to_log_a_contact(viewer_client):
    create_plan()
    engagement = create_engagement()
    page = get_page(viewer_client, "engagements.show", engagement_id=engagement.id)
    assert page.h1.get_text(strip=True) == engagement.title
    assert "Regulation 18" in page.get_text()


def test_engagement_after_submission_is_flagged(viewer_client):
    plan = create_plan()
    from datetime import date

    from engage.models import PlanStage

    plan.stages.append(
        PlanStage(slug="examination", name="Examination", role="examination", starts_on=date(2027, 9, 1), position=3)
    )
    db.session.commit()
    engagement = create_engagement(starts_at=datetime(2027, 7, 1, 10, tzinfo=LONDON))
    assert engagement.after_submission
    page = get_page(viewer_client, "engagements.show", engagement_id=engagement.id)
    assert "After submission" in page.get_text()


def test_edit_changes_the_engagement(officer_client):
    create_plan()
    engagement = create_engagement()
    get_page(officer_client, "engagements.edit", engagement_id=engagement.id)
    data = _form(title="Renamed", incomplete_reason=engagement.incomplete_reason)
    response = post_form(officer_client, "engagements.edit", data, {"engagement_id": engagement.id})
    assert response.status_code == 302, error_summary(parse(response))
    db.session.expire_all()
    assert db.session.get(Engagement, engagement.id).title == "Renamed"


def test_held_contact_without_attendees_or_matters_is_refused_and_keeps_input(officer_client):
    create_plan()
    response = post_form(officer_client, "engagements.new", _form(title="Call with the county", matters=[]))
    page = parse(response)
    assert error_summary(page) == [
        "Select who attended, or say why no attendees are recorded",
        "Select at least one strategic matter, or say why none applies",
    ]
    assert page.select_one("input[name=title]")["value"] == "Call with the county"
    assert _count() == 0


def test_held_contact_with_a_reason_instead_of_attendees_is_saved(officer_client):
    create_plan()
    reason = "Press release sent to all local media"
    response = post_form(officer_client, "engagements.new", _form(title="Press release", incomplete_reason=reason))
    assert response.status_code == 302, error_summary(parse(response))
    engagement = db.session.scalar(select(Engagement))
    assert (engagement.stakeholders, engagement.incomplete_reason) == ([], reason)
    page = get_page(officer_client, "engagements.show", engagement_id=engagement.id)
    assert reason in page.get_text(" ")


def test_marking_held_asks_why_when_there_are_no_attendees(officer_client):
    create_plan()
    engagement = create_engagement(status="planned", outcome="", incomplete_reason="")
    page = get_page(officer_client, "engagements.held", engagement_id=engagement.id)
    assert page.select_one("textarea[name=incomplete_reason]") is not None
    response = post_form(
        officer_client, "engagements.held", {"outcome": "Done", "agreement": "agreed"}, {"engagement_id": engagement.id}
    )
    assert "Select who attended, or say why no attendees are recorded" in error_summary(parse(response))
    assert db.session.get(Engagement, engagement.id).status == "planned"
    response = post_form(
        officer_client,
        "engagements.held",
        {"outcome": "Done", "agreement": "agreed", "incomplete_reason": "A letter to every parish"},
        {"engagement_id": engagement.id},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Engagement, engagement.id).status == "held"


def test_a_planned_engagement_whose_time_has_passed_is_flagged_to_close(viewer_client):
    create_plan()
    engagement = create_engagement(status="planned", outcome="", incomplete_reason="")
    assert engagement.awaiting_close
    page = get_page(viewer_client, "engagements.show", engagement_id=engagement.id)
    assert "which has passed. Mark it held" in page.get_text(" ")
    assert "Passed: to close" in page.get_text(" ")
