import csv
import io
import socket
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.mail import outbox
from engage.models import AuditEvent, Job, Notification, NotificationEvent, utcnow
from engage.notifications import services
from engage.notifications.queries import askers
from engage.representations.withdrawals import withdraw_representation
from tests import office_checks
from tests.factories import create_consultation, create_plan
from tests.notifications.helpers import respond
from tests.pages import error_summary, get_page, parse, post_form

SUBMITTED = {"event": "submission", "occurred_on": ["1", "6", "2026"]}


@pytest.fixture
def plan_with_respondents(app):
    plan = create_plan()
    first, second = create_consultation(plan_id=plan.id, stage="reg-18"), create_consultation(plan_id=plan.id)
    other_plan = create_consultation(plan_id=create_plan("another-plan").id)  # not this plan's respondents
    people = {
        "emailed": respond(first, email="Sam@Example.com"),
        "again": respond(second, email="sam@example.com", notify=("submission", "adoption")),  # the same person
        "by_post": respond(first, email="", address="1 High Street, Watford", postcode="WD17 1AB", first_name="Pat"),
        "agent": respond(
            first,
            email="resident@example.com",
            first_name="Ann",
            agent={"first_name": "Alex", "last_name": "Agent", "email": "agent@example.com"},
        ),
        "not_asking": respond(first, email="quiet@example.com", notify=()),
        "other_event": respond(first, email="later@example.com", notify=("adoption",)),
        "elsewhere": respond(other_plan, email="elsewhere@example.com"),
    }
    return plan, people


def test_those_who_asked_are_found_once_per_person_and_reached_through_their_agent(plan_with_respondents):
    plan, people = plan_with_respondents

    found = askers(plan, "submission")

    assert [a.respondent.id for a in found] == [people[k].id for k in ("emailed", "by_post", "agent")]
    assert found[0].references == [
        people["emailed"].representations[0].reference,
        people["again"].representations[0].reference,
    ]
    assert [a.channel for a in found] == ["email", "letter", "email"]
    assert found[2].contact["email"] == "agent@example.com" and found[2].on_behalf_of == "Ann Example"
    assert {a.respondent.id for a in askers(plan, "adoption")} == {people["again"].id, people["other_event"].id}


def test_recording_an_event_emails_those_with_an_address_and_lists_the_others_for_letters(
    officer_client, plan_with_respondents
):
    plan, people = plan_with_respondents
    outbox.clear()
    get_page(officer_client, "notifications.new", plan_id=plan.id)

    response = post_form(
        officer_client, "notifications.new", {**SUBMITTED, "note": "Read it at the library."}, {"plan_id": plan.id}
    )

    event = db.session.scalar(select(NotificationEvent))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/notifications/{event.id}")
    notices = {n.respondent_id: n for n in db.session.scalars(select(Notification))}
    assert set(notices) == {people["emailed"].id, people["by_post"].id, people["agent"].id}
    assert notices[people["emailed"].id].status == "sent" and notices[people["emailed"].id].sent_at
    assert notices[people["by_post"].id].channel == "letter" and notices[people["by_post"].id].status == "listed"
    assert sorted(m["To"] for m in outbox) == ["Sam@example.com", "agent@example.com"]
    text = outbox[-1].get_body(("plain",)).get_content()
    assert "was submitted for independent examination on 1 June 2026" in text and "on behalf of Ann Example" in text
    assert "Read it at the library." in text
    assert db.session.scalar(select(Job.status).where(Job.id == event.job_id)) == "done"
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "notification_event"))
    assert audit.summary == "Recorded Submission for examination: 2 emails, 1 letters"
    page = get_page(officer_client, "notifications.show", event_id=event.id)
    assert "Pat Example" in page.get_text() and "On the letter list" in page.get_text()


def test_an_event_is_recorded_once_and_bad_dates_are_refused_with_what_was_typed_kept(
    officer_client, plan_with_respondents
):
    plan, _ = plan_with_respondents
    post_form(officer_client, "notifications.new", SUBMITTED, {"plan_id": plan.id})
    outbox.clear()

    again = parse(post_form(officer_client, "notifications.new", SUBMITTED, {"plan_id": plan.id}))
    tomorrow = utcnow().date() + timedelta(days=1)
    future = {
        "event": "adoption",
        "occurred_on": [str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)],
        "note": "Kept",
    }
    later = parse(post_form(officer_client, "notifications.new", future, {"plan_id": plan.id}))
    nothing = parse(post_form(officer_client, "notifications.new", {}, {"plan_id": plan.id}))

    assert error_summary(again)[0].startswith("Submission for examination was already recorded on")
    assert error_summary(later) == ["The date it happened must be today or in the past"]
    assert later.select_one("textarea[name=note]").get_text() == "Kept"
    assert error_summary(nothing) == ["Select what happened", "Enter the date it happened, like 27 3 2027"]
    assert nothing.title.get_text().startswith("Error: ")
    assert db.session.query(NotificationEvent).count() == 1 and outbox == []


def test_withdrawn_representations_and_erased_respondents_are_not_notified(app, plan_with_respondents):
    plan, people = plan_with_respondents
    withdraw_representation(people["by_post"].representations[0], "Changed my mind")
    people["agent"].erased_at = utcnow()
    db.session.commit()

    assert [a.respondent.id for a in askers(plan, "submission")] == [people["emailed"].id]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_email_that_cannot_be_sent_is_recorded_failed_and_can_be_sent_again(
    app, officer_client, monkeypatch, plan_with_respondents
):
    plan, people = plan_with_respondents
    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", False)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", _free_port())

    post_form(officer_client, "notifications.new", SUBMITTED, {"plan_id": plan.id})

    event = db.session.scalar(select(NotificationEvent))
    failed = db.session.scalars(select(Notification).where(Notification.status == "failed")).all()
    assert len(failed) == 2 and {n.error for n in failed} == {"The mail server could not be reached"}
    page = get_page(officer_client, "notifications.show", event_id=event.id)
    assert "Failed: The mail server could not be reached" in page.get_text()
    assert "sam@example.com" not in page.get_text().lower()

    monkeypatch.setitem(app.config, "MAIL_SUPPRESS_SEND", True)
    outbox.clear()
    response = post_form(officer_client, "notifications.send_again", {}, {"event_id": event.id})

    assert response.status_code == 302
    assert db.session.scalar(select(Notification.status).where(Notification.id == failed[0].id)) == "sent"
    assert len(outbox) == 2
    db.session.expire_all()
    with pytest.raises(ValidationError):
        services.send_failed_again(db.session.get(NotificationEvent, event.id))


def test_the_letter_list_has_names_and_postal_addresses(officer_client, plan_with_respondents):
    plan, people = plan_with_respondents
    post_form(officer_client, "notifications.new", SUBMITTED, {"plan_id": plan.id})
    event = db.session.scalar(select(NotificationEvent))

    response = officer_client.get(f"/notifications/{event.id}/letters.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    workbook = load_workbook(io.BytesIO(officer_client.get(f"/notifications/{event.id}/letters.xlsx").data))

    assert response.headers["Content-Disposition"] == "attachment; filename=letters-swh-jsp-submission.csv"
    assert rows == [
        {
            "Reference": people["by_post"].reference,
            "Title": "",
            "First name": "Pat",
            "Last name": "Example",
            "Organisation": "",
            "Address": "1 High Street, Watford",
            "Postcode": "WD17 1AB",
            "On behalf of": "",
        }
    ]
    office_checks.assert_printable(officer_client.get(f"/notifications/{event.id}/letters.xlsx").data)
    letters = workbook["Letters"]
    assert [c.value for c in letters[2]][:3] == [people["by_post"].reference, None, "Pat"]


def test_who_asked_is_exported_with_a_column_per_event(officer_client, plan_with_respondents):
    plan, people = plan_with_respondents

    rows = list(
        csv.DictReader(
            io.StringIO(officer_client.get(f"/notifications/plans/{plan.id}/who-asked.csv").get_data(as_text=True))
        )
    )
    workbook = load_workbook(io.BytesIO(officer_client.get(f"/notifications/plans/{plan.id}/who-asked.xlsx").data))

    assert [r["Reference"] for r in rows] == [
        people[k].reference for k in ("emailed", "by_post", "agent", "other_event")
    ]
    assert rows[0]["Submission for examination"] == "Yes" and rows[0]["Adoption"] == "Yes"
    assert rows[0]["Representations"].count("R-") == 2
    assert rows[2]["On behalf of"] == "Ann Example" and rows[2]["Email"] == "agent@example.com"
    assert workbook["Who asked"].max_row == 5
    office_checks.assert_printable(officer_client.get(f"/notifications/plans/{plan.id}/who-asked.xlsx").data)


def test_the_plan_page_counts_who_asked(viewer_client, plan_with_respondents):
    plan, _ = plan_with_respondents

    page = get_page(viewer_client, "notifications.index", plan_id=plan.id)

    cells = [td.get_text(strip=True) for td in page.select("table td")]
    assert cells[:6] == ["Submission for examination", "3", "Inspector’s report", "0", "Adoption", "2"]
    assert "Record an event" not in page.get_text()
    assert get_page(viewer_client, "plans.show", plan_id=plan.id).find("a", string=lambda s: s and "Notifying" in s)


def test_the_job_sends_only_what_is_pending_so_running_it_twice_sends_nothing_twice(
    officer_client, plan_with_respondents
):
    plan, _ = plan_with_respondents
    post_form(officer_client, "notifications.new", SUBMITTED, {"plan_id": plan.id})
    event = db.session.scalar(select(NotificationEvent))
    outbox.clear()

    assert services.send_notification_emails(event.job_id) == {"sent": 0, "failed": 0}
    assert outbox == []
    assert date(2026, 6, 1) == event.occurred_on


def test_an_event_of_today_in_uk_time_is_not_in_the_future_in_the_hour_after_midnight_bst(monkeypatch):
    plan = create_plan()
    now = datetime.fromisoformat("2026-07-07T23:30:00+00:00")  # 00:30 BST on 8 July
    monkeypatch.setattr(services, "utcnow", lambda: now)

    cleaned = services.clean_event(plan, {"event": "adoption", "occurred_on": date(2026, 7, 8)})

    assert cleaned["occurred_on"] == date(2026, 7, 8)
