import io
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Attachment, Representation, utcnow
from tests.factories import create_consultation, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form
from tests.respond.helpers import fill_about_you, fill_item, submit

KEYED = {
    "channel": "email",
    "received_on": ["20", "11", "2026"],
    "received_time": "10:30",
    "is_agent": "no",
    "first_name": "Jo",
    "last_name": "Emailer",
    "email": "jo@example.com",
    "part": "Policy SP1",
    "nature": "object",
    "legally_compliant": "not-specified",
    "sound": "no",
    "dtc_compliant": "not-specified",
    "comment": "Sent by email.",
    "wishes_to_be_heard": "no",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _online(client, consultation, **changes):
    fill_about_you(client, consultation)
    fill_item(client, consultation, **changes)
    submit(client, consultation)
    return db.session.scalar(select(Representation).order_by(Representation.id.desc()))


def test_an_officer_keys_in_an_email_representation_under_the_same_reference_scheme(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    get_page(officer_client, "consultations.new_representation", consultation_id=consultation.id)

    response = post_form(
        officer_client, "consultations.new_representation", KEYED, {"consultation_id": consultation.id}
    )

    assert response.status_code == 302
    representation = db.session.scalar(select(Representation))
    assert representation.channel == "email" and representation.entered_by_id == officer_client.user.id
    assert representation.reference.startswith("R-") and representation.reference.endswith("-1")
    assert representation.received_at.isoformat() == "2026-11-20T10:30:00+00:00"
    assert not representation.late


def test_a_representation_received_after_the_deadline_is_kept_and_flagged_late(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60), closes_at=utcnow() - timedelta(days=30))
    received = utcnow() - timedelta(days=1)
    data = {**KEYED, "received_on": [str(received.day), str(received.month), str(received.year)]}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    assert response.status_code == 302
    assert db.session.scalar(select(Representation.late)) is True


def test_keying_in_without_a_name_or_date_shows_errors_and_keeps_input(officer_client):
    consultation = create_consultation()
    data = {**KEYED, "first_name": "", "received_on": ["", "", ""]}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    page = parse(response)
    assert error_summary(page) == ["Enter a first name", "Enter the date the representation was received"]
    assert page.select_one("#comment").text == "Sent by email."
    assert db.session.scalar(select(Representation)) is None


def test_the_inbox_filters_by_channel_and_nature(officer_client, client):
    consultation = create_consultation()
    online = _online(client, consultation)
    post_form(
        officer_client,
        "consultations.new_representation",
        {**KEYED, "nature": "support"},
        {"consultation_id": consultation.id},
    )

    page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id, channel="online")

    references = [a.text for a in page.select("tbody a")]
    assert references == [online.reference]
    page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id, nature="support")
    assert len(page.select("tbody tr")) == 1 and online.reference not in page.text


def test_an_officer_withdraws_a_representation_before_the_deadline(officer_client, client):
    consultation = create_consultation()
    representation = _online(client, consultation)
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert "Withdraw this representation" in page.text

    post_form(
        officer_client, "consultations.withdraw", {"reason": "Asked by email"}, {"reference": representation.reference}
    )

    db.session.refresh(representation)
    assert representation.status == "withdrawn" and representation.withdrawn_at is not None


def test_a_respondent_is_linked_to_a_stakeholder_with_the_same_email(officer_client, client):
    stakeholder = create_stakeholder(email="alex@example.com")
    consultation = create_consultation()
    representation = _online(client, consultation)
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert stakeholder.name in page.text

    post_form(
        officer_client,
        "consultations.link_stakeholder",
        {"stakeholder_id": stakeholder.id},
        {"reference": representation.reference},
    )

    db.session.refresh(representation.respondent)
    assert representation.respondent.stakeholder_id == stakeholder.id


def test_an_unknown_reference_is_not_found(officer_client):
    get_page(officer_client, "consultations.representation", expected_status=404, reference="R-00001-9")


def _key_in_with_file(officer_client, consultation, content, filename):
    data = {**KEYED, "attachment": (io.BytesIO(content), filename)}
    return officer_client.post(
        f"/consultations/{consultation.id}/representations/new", data=data, content_type="multipart/form-data"
    )


def test_a_letter_keyed_in_keeps_its_scanned_file_for_officers_to_open(officer_client):
    consultation = create_consultation()
    form = get_page(officer_client, "consultations.new_representation", consultation_id=consultation.id)
    assert form.select_one("form[enctype='multipart/form-data'] input[type=file][name=attachment]")

    response = _key_in_with_file(officer_client, consultation, PDF, "letter.pdf")

    assert response.status_code == 302
    representation = db.session.scalar(select(Representation))
    [attachment] = representation.attachments
    assert attachment.filename == "letter.pdf" and attachment.content_type == "application/pdf"
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert officer_client.get(page.select_one("a[href*='/attachments/']")["href"]).data == PDF


def test_a_keyed_in_file_that_is_not_allowed_saves_nothing_and_keeps_the_input(officer_client):
    consultation = create_consultation()

    response = _key_in_with_file(officer_client, consultation, b"MZ\x90\x00" + b"\x00" * 100, "letter.pdf")

    page = parse(response)
    assert error_summary(page) == ["The selected file must be a PDF, Word document (.docx), JPEG or PNG"]
    assert page.select_one("#comment").text == "Sent by email."
    assert db.session.scalar(select(Representation)) is None
    assert db.session.scalar(select(Attachment)) is None


def test_an_agents_missing_details_are_named_as_the_agents(client):
    consultation = create_consultation()

    response = fill_about_you(client, consultation, is_agent="yes", email="", agent_first_name="Al")

    page = parse(response)
    assert error_summary(page) == [
        "Enter the agent’s last name",
        "Enter the agent’s email address or postal address, so we can contact them",
    ]
    assert page.select_one("#agent_first_name")["value"] == "Al"


def test_withdrawing_after_the_deadline_is_refused_with_a_message(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=60), closes_at=utcnow() - timedelta(days=30))
    post_form(officer_client, "consultations.new_representation", KEYED, {"consultation_id": consultation.id})
    representation = db.session.scalar(select(Representation))
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    assert "Withdraw this representation" not in page.text

    response = post_form(
        officer_client, "consultations.withdraw", {}, {"reference": representation.reference}, follow_redirects=True
    )

    assert "Representations can only be withdrawn before the consultation closes" in response.get_data(as_text=True)
    db.session.refresh(representation)
    assert representation.status == "submitted" and representation.withdrawn_at is None


def test_a_respondent_without_an_email_is_matched_to_a_stakeholder_by_name(officer_client):
    stakeholder = create_stakeholder(first_name="Jo", last_name="Emailer", email="someone.else@example.com")
    create_stakeholder(first_name="Jo", last_name="Other", email="jo.other@example.com")
    consultation = create_consultation()
    post_form(
        officer_client, "consultations.new_representation", {**KEYED, "email": ""}, {"consultation_id": consultation.id}
    )
    representation = db.session.scalar(select(Representation))

    page = get_page(officer_client, "consultations.representation", reference=representation.reference)

    offered = [int(field["value"]) for field in page.select("input[name=stakeholder_id]")]
    assert offered == [stakeholder.id]


def test_the_inbox_filters_by_part_lateness_and_legal_answers(officer_client, client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30), closes_at=utcnow() - timedelta(days=3))
    before, after = utcnow() - timedelta(days=5), utcnow() - timedelta(days=1)
    on_time = {**KEYED, "received_on": [str(before.day), str(before.month), str(before.year)], "sound": "yes"}
    late = {**KEYED, "received_on": [str(after.day), str(after.month), str(after.year)], "part": "Chapter 3"}
    for data in (on_time, {**late, "legally_compliant": "no", "respondent_reference": "new"}):
        post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    def references(**filters):
        page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id, **filters)
        return [link.text for link in page.select("tbody a")]

    on_time_ref, late_ref = [
        r.reference for r in db.session.scalars(select(Representation).order_by(Representation.id))
    ]
    assert references(late="yes") == [late_ref] and references(late="no") == [on_time_ref]
    assert references(part="Chapter 3") == [late_ref]
    assert references(sound="yes") == [on_time_ref] and references(legally_compliant="no") == [late_ref]


def test_the_representation_page_shows_line_breaks_and_escapes_html(officer_client):
    consultation = create_consultation()
    comment = "First paragraph.\n<script>alert(1)</script>"
    post_form(
        officer_client,
        "consultations.new_representation",
        {
            **KEYED,
            "comment": comment,
            "is_agent": "yes",
            "agent_first_name": "Ada",
            "agent_last_name": "Agent",
            "agent_email": "ada@agents.example",
        },
        {"consultation_id": consultation.id},
    )
    representation = db.session.scalar(select(Representation))

    page = get_page(officer_client, "consultations.representation", reference=representation.reference)

    rows = {row.dt.get_text(strip=True): row.dd for row in page.select(".govuk-summary-list__row")}
    assert rows["Comments"].find("script") is None and rows["Comments"].find("br") is not None
    assert rows["Comments"].get_text(strip=True) == "First paragraph.<script>alert(1)</script>"
    assert "ada@agents.example" in rows["Agent"].text


def test_the_representation_page_names_the_soundness_tests_and_notifications(officer_client):
    consultation = create_consultation()
    data = {**KEYED, "unsound_tests": ["justified", "consistent-with-national-policy"], "notify": ["inspector-report"]}
    post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})
    representation = db.session.scalar(select(Representation))

    page = get_page(officer_client, "consultations.representation", reference=representation.reference)

    rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in page.select(".govuk-summary-list__row")}
    assert rows["Tests it fails"] == "Justified, Consistent with national policy"
    assert rows["Notify"] == "Inspector’s report"
    assert "Sound" in rows and "What do you think of the vision?" not in rows


def test_a_questionnaire_answer_is_shown_without_the_model_form_questions(officer_client):
    from engage.consultations.services import add_question

    consultation = create_consultation(form_type="questionnaire")
    question = add_question(consultation, {"text": "What do you think of the vision?", "kind": "free-text"})
    data = {**KEYED, "part": "", f"question_{question.id}": "It is fine."}
    post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})
    representation = db.session.scalar(select(Representation))

    page = get_page(officer_client, "consultations.representation", reference=representation.reference)

    rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in page.select(".govuk-summary-list__row")}
    assert rows["What do you think of the vision?"] == "It is fine."
    assert "Sound" not in rows and "Legally compliant" not in rows


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("2026-12-07T08:15:00+00:00", "2026-12-07T08:15:00+00:00"),  # opened this morning: received by now
        ("2026-12-07T15:40:00+00:00", "2026-12-07T12:00:00+00:00"),  # this afternoon: noon, as any other day
        ("2026-07-07T07:00:00+00:00", "2026-07-07T07:00:00+00:00"),  # 08:00 BST: still today in UK time
    ],
)
def test_a_letter_received_today_without_a_time_is_accepted_at_any_hour(officer_client, monkeypatch, clock, expected):
    now = datetime.fromisoformat(clock)
    monkeypatch.setattr("engage.consultations.forms.utcnow", lambda: now)
    monkeypatch.setattr("engage.representations.services.utcnow", lambda: now)
    consultation = create_consultation(opens_at=now - timedelta(days=30), closes_at=now + timedelta(days=30))
    data = {**KEYED, "received_on": [str(now.day), str(now.month), str(now.year)], "received_time": ""}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    assert response.status_code == 302, error_summary(parse(response))
    assert db.session.scalar(select(Representation)).received_at.isoformat() == expected


def test_a_letter_dated_tomorrow_is_still_refused(officer_client):
    consultation = create_consultation(opens_at=utcnow() - timedelta(days=30))
    tomorrow = utcnow() + timedelta(days=1)
    data = {**KEYED, "received_on": [str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)], "received_time": ""}

    response = post_form(officer_client, "consultations.new_representation", data, {"consultation_id": consultation.id})

    assert "The date received must be today or in the past" in error_summary(parse(response))
    assert db.session.scalar(select(Representation)) is None
