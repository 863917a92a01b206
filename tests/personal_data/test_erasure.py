import hashlib

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import (
    Attachment,
    AuditEvent,
    RedactedAttachment,
    Redaction,
    Representation,
    Respondent,
    ResponseDraft,
    utcnow,
)
from engage.models.representation import PERSON_FIELDS
from engage.personal_data.services import erase_respondents
from engage.redaction.services import add_redaction, replace_attachment
from engage.representations.corrections import correct_representation
from engage.representations.services import key_in
from engage.respond.services import new_draft
from tests.factories import create_consultation, create_plan, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSON = {
    "title": "Dr",
    "first_name": "Jo",
    "last_name": "Bloggs",
    "organisation": "Oak Road Residents",
    "job_title": "Chair",
    "email": "jo@example.com",
    "phone": "01923 000000",
    "address": "3 Oak Road, Watford",
    "postcode": "WD17 1AB",
}
AGENT = {"first_name": "Alex", "last_name": "Agent", "email": "agent@example.com"}


def _respond(consultation, person=None, **item):
    item = {"part": "Policy SP1", "nature": "object", "comment": "Jo Bloggs objects to the homes.", **item}
    return key_in(
        consultation,
        person or PERSON,
        AGENT,
        item,
        channel="post",
        received_at=utcnow(),
        upload=("jo-bloggs-letter.pdf", PDF),
    )


def _counts() -> dict:
    rows = db.session.execute(
        select(Representation.nature, Representation.sound, Representation.part_id, func.count()).group_by(
            Representation.nature, Representation.sound, Representation.part_id
        )
    ).all()
    return {
        "representations": sorted(map(tuple, rows)),
        "respondents": db.session.scalar(select(func.count(Respondent.id))),
    }


def test_erasing_pseudonymises_the_respondent_and_keeps_every_count(app):
    plan = create_plan()
    consultation = create_consultation(plan_id=plan.id)
    stakeholder = create_stakeholder(email="jo@example.com")
    respondent = _respond(consultation, sound="no")
    respondent.stakeholder_id = stakeholder.id
    representation = respondent.representations[0]
    add_redaction(representation, "comment", 0, 9, "third-party")
    replace_attachment(representation.attachments[0], ("redacted.pdf", PDF), "signature")
    correct_representation(
        representation,
        {**PERSON, "phone": "07700 900000"},
        AGENT,
        {"comment": representation.comment, "part": "Policy SP1", "nature": "object", "sound": "no"},
        reason="Typo",
        channel="post",
        received_at=representation.received_at,
    )
    draft = new_draft(consultation)
    draft.email = "JO@example.com"
    draft.data = {"first_name": "Jo"}
    db.session.commit()
    before = _counts()
    assert "07700" in str(db.session.scalars(select(AuditEvent.changes)).all())  # the correction kept the values

    erase_respondents([respondent], {"reason": "Their request of 1 March", "delete_text": False})

    db.session.expire_all()
    respondent = db.session.get(Respondent, respondent.id)
    assert respondent.name == f"Erased respondent {respondent.reference}"
    assert [getattr(respondent, f) for f in PERSON_FIELDS if f != "last_name"] == [""] * (len(PERSON_FIELDS) - 1)
    assert respondent.agent is None and respondent.stakeholder_id is None and respondent.erased_at
    assert _counts() == before
    representation = db.session.get(Representation, representation.id)
    assert representation.comment == "Jo Bloggs objects to the homes."  # the record; its redaction stays
    assert db.session.scalar(select(func.count(Redaction.id))) == 1
    attachment = db.session.get(Attachment, representation.attachments[0].id)
    assert (attachment.content, attachment.size, attachment.filename) == (b"", 0, f"erased-file-{attachment.id}")
    assert attachment.sha256 == hashlib.sha256(b"").hexdigest()
    assert db.session.scalar(select(func.count(RedactedAttachment.id))) == 0
    assert db.session.scalar(select(func.count(ResponseDraft.id))) == 0
    audit = db.session.scalars(
        select(AuditEvent).where(AuditEvent.entity_type.in_(("respondent", "representation")))
    ).all()
    assert "07700" not in str([a.changes for a in audit]) and "Bloggs" not in str([a.changes for a in audit])
    erased = [a for a in audit if a.action == "erase"]
    assert erased[0].summary == f"Erased personal data of respondent {respondent.reference}: Their request of 1 March"
    assert db.session.get(type(stakeholder), stakeholder.id).email == "jo@example.com"  # the register has its own erase


def test_deleting_the_text_forgets_its_redactions_but_keeps_the_answers_that_are_counted(app):
    consultation = create_consultation()
    respondent = _respond(consultation, sound="no", modification="Move the homes to Jo's field")
    representation = respondent.representations[0]
    add_redaction(representation, "comment", 0, 9, "third-party")

    erase_respondents([respondent], {"reason": "Retention", "delete_text": True})

    representation = db.session.get(Representation, representation.id)
    assert (representation.comment, representation.modification, representation.heard_reason) == ("", "", "")
    assert (representation.nature, representation.sound) == ("object", "no")
    assert db.session.scalar(select(func.count(Redaction.id))) == 0


def test_the_erase_page_asks_for_a_reason_and_offers_the_same_persons_other_responses(officer_client):
    first, second = create_consultation(stage="reg-18"), create_consultation()
    respondent, elsewhere = _respond(first), _respond(second, {**PERSON, "email": "JO@EXAMPLE.COM"})
    stranger = _respond(second, {**PERSON, "email": "someone@example.com"})
    page = get_page(officer_client, "personal_data.erase", respondent_id=respondent.id)
    assert [i["value"] for i in page.select("input[name=also]:checked")] == [str(elsewhere.id)]

    refused = parse(
        post_form(
            officer_client, "personal_data.erase", {"also": [str(elsewhere.id)]}, {"respondent_id": respondent.id}
        )
    )
    assert error_summary(refused) == [
        "Select whether to keep or delete what they wrote",
        "Enter why their personal data is being erased",
    ]
    assert refused.select_one("input[name=also]:checked")["value"] == str(elsewhere.id)
    assert db.session.get(Respondent, respondent.id).erased_at is None

    response = post_form(
        officer_client,
        "personal_data.erase",
        {"also": [str(elsewhere.id)], "text": "keep", "reason": "Their request"},
        {"respondent_id": respondent.id},
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Respondent, respondent.id).erased_at and db.session.get(Respondent, elsewhere.id).erased_at
    assert db.session.get(Respondent, stranger.id).erased_at is None
    again = officer_client.get(f"/personal-data/respondents/{respondent.id}/erase")
    assert again.status_code == 302


def test_a_person_is_found_by_email_or_name_and_erased_ones_are_not(officer_client):
    consultation = create_consultation()
    respondent = _respond(consultation)
    other = _respond(consultation, {**PERSON, "first_name": "Sam", "last_name": "Smith", "email": "sam@example.com"})

    by_email = get_page(officer_client, "personal_data.index", q="JO@example.com")
    by_name = get_page(officer_client, "personal_data.index", q="jo blog")
    erase_respondents([other], {"reason": "Request", "delete_text": False})
    gone = get_page(officer_client, "personal_data.index", q="sam@example.com")

    assert respondent.reference in by_email.get_text() and other.reference not in by_email.get_text()
    assert respondent.reference in by_name.get_text()
    assert "0 responses found" in gone.get_text()
    assert get_page(officer_client, "personal_data.index", q="100%_").select_one("h2").get_text() == "0 responses found"


def test_distinct_people_are_counted_the_same_after_erasing_a_person_with_two_records(app):
    from engage.representations.counts import counts

    consultation = create_consultation()
    first = _respond(consultation)
    second = Respondent(consultation_id=consultation.id, first_name="Jo", last_name="Bloggs", email="JO@example.com")
    second.representations = [Representation(consultation_id=consultation.id, nature="support", comment="Yes.")]
    db.session.add(second)
    db.session.commit()
    stranger = _respond(consultation, {**PERSON, "first_name": "Sam", "email": "sam@example.com"})
    before = counts(consultation.id)
    assert before.people == 2 and before.submissions == 3

    erase_respondents([first, second, stranger], {"reason": "Request", "delete_text": False})

    assert counts(consultation.id) == before
    assert first.erased_person == second.erased_person != stranger.erased_person


def test_deleting_the_text_keeps_the_answers_to_choice_questions_which_are_counted(app):
    from engage.consultations.services import add_question

    consultation = create_consultation()
    free = add_question(consultation, {"text": "Anything else?"})
    choice = add_question(consultation, {"text": "Which site?", "kind": "single-choice", "options": "A\nB"})
    respondent = _respond(consultation)
    representation = respondent.representations[0]
    representation.answers = {str(free.id): "I live next to site A", str(choice.id): "B", "²": "odd"}
    db.session.commit()

    erase_respondents([respondent], {"reason": "Retention", "delete_text": True})

    assert db.session.get(Representation, representation.id).answers == {str(choice.id): "B"}
