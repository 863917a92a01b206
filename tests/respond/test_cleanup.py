"""Unsent online responses go once their consultation has been closed a while, and files nobody owns go after a day;
everything sent, and every draft that could still be sent, stays."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Attachment, AuditEvent, Job, ResponseDraft, utcnow
from engage.representations.services import key_in
from engage.respond.cleanup import purge_drafts
from tests.factories import create_consultation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAME = "Alexandra Privateperson"
EMAIL = "alexandra@example.com"


def _closed(days_ago: int):
    now = utcnow()
    return create_consultation(opens_at=now - timedelta(days=days_ago + 30), closes_at=now - timedelta(days=days_ago))


def _draft(consultation, *, sent: bool = False) -> ResponseDraft:
    draft = ResponseDraft(
        token=f"token-{consultation.id}-{sent}",
        consultation_id=consultation.id,
        data={"respondent": {"first_name": NAME, "email": EMAIL}},
        email=EMAIL,
        expires_at=consultation.closes_at,
        submitted_at=utcnow() - timedelta(days=60) if sent else None,
    )
    db.session.add(draft)
    db.session.commit()
    return draft


def _file(*, age: timedelta, **owner) -> Attachment:
    attachment = Attachment(
        filename=f"{NAME}.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        content=PDF,
        created_at=utcnow() - age,
        **owner,
    )
    db.session.add(attachment)
    db.session.commit()
    return attachment


@pytest.fixture
def leftovers():
    """What a year of consultations leaves: each row named by what should become of it."""
    long_closed, recently_closed, still_open = _closed(40), _closed(10), create_consultation()
    unsent_old = _draft(long_closed)
    sent_old = _draft(long_closed, sent=True)
    unsent_recent = _draft(recently_closed)
    unsent_open = _draft(still_open)
    person = {"first_name": "Pat", "last_name": "Letter", "address": "1 High Street"}
    item = {"part": "Policy SP1", "comment": "By post."}
    keyed = key_in(still_open, person, None, item, channel="post", received_at=utcnow(), upload=("a.pdf", PDF))
    return {
        "drafts": {
            "unsent_old": unsent_old.id,
            "sent_old": sent_old.id,
            "unsent_recent": unsent_recent.id,
            "unsent_open": unsent_open.id,
        },
        "files": {
            "of_unsent_old": _file(age=timedelta(days=45), draft_id=unsent_old.id).id,
            "of_unsent_open": _file(age=timedelta(days=3), draft_id=unsent_open.id).id,
            "removed_two_days_ago": _file(age=timedelta(days=2)).id,
            "removed_an_hour_ago": _file(age=timedelta(hours=1)).id,
            "of_a_representation": keyed.representations[0].attachments[0].id,
        },
    }


def _left(model) -> set[int]:
    return set(db.session.scalars(select(model.id)))


def test_unsent_drafts_of_long_closed_consultations_and_old_unowned_files_are_deleted(leftovers):
    drafts, files = leftovers["drafts"], leftovers["files"]

    purged = purge_drafts()

    assert purged.draft_ids == [drafts["unsent_old"]]
    assert purged.sent_draft_ids == [drafts["sent_old"]]
    assert sorted(purged.attachment_ids) == sorted([files["of_unsent_old"], files["removed_two_days_ago"]])
    assert _left(ResponseDraft) == set(drafts.values()) - {drafts["unsent_old"], drafts["sent_old"]}
    assert _left(Attachment) == set(files.values()) - {files["of_unsent_old"], files["removed_two_days_ago"]}


def test_the_purge_is_audited_with_ids_and_counts_but_no_personal_data(leftovers):
    purge_drafts()

    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
    assert event.summary == ("Deleted 1 unsent response and 2 unused files, and the working copies of 1 sent response")
    assert event.changes["sent_draft_ids"] == [leftovers["drafts"]["sent_old"]]
    assert event.changes["draft_ids"] == [leftovers["drafts"]["unsent_old"]] and event.changes["retention_days"] == 30
    recorded = json.dumps(event.changes) + event.summary
    assert NAME not in recorded and EMAIL not in recorded


def test_a_second_purge_finds_nothing_and_records_nothing(leftovers):
    purge_drafts()

    assert purge_drafts().summary() == "Deleted 0 unsent responses and 0 unused files"
    assert len(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()) == 1


def test_the_retention_period_is_configurable(app, leftovers):
    drafts = leftovers["drafts"]
    app.config["DRAFT_RETENTION_DAYS"] = 5
    try:
        purged = purge_drafts()
    finally:
        app.config["DRAFT_RETENTION_DAYS"] = 30

    assert sorted(purged.draft_ids) == sorted([drafts["unsent_old"], drafts["unsent_recent"]])
    assert purge_drafts(retention_days=0).draft_ids == []  # the open consultation's draft can still be sent


def test_the_command_prints_the_counts(app, leftovers):
    result = app.test_cli_runner().invoke(args=["purge-drafts", "--days", "5"])

    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Deleted 2 unsent responses and 2 unused files, and the working copies of 1 sent response"
    )
    assert leftovers["drafts"]["unsent_open"] in _left(ResponseDraft)


def test_a_sent_response_keeps_its_representations_and_files_when_its_working_copy_goes(leftovers):
    from engage.models import Representation, Respondent

    consultation = _closed(40)
    draft_id = _draft(consultation, sent=True).id
    person = {"first_name": "Sam", "last_name": "Online", "email": "sam@example.com"}
    item = {"part": "Policy SP1", "comment": "Sent online."}
    sent = key_in(consultation, person, None, item, channel="email", received_at=utcnow(), upload=("b.pdf", PDF))
    file_id = sent.representations[0].attachments[0].id
    db.session.execute(
        Attachment.__table__.update().where(Attachment.id == file_id).values(draft_id=draft_id)
    )  # as a file uploaded online: still pointing at the draft it came from
    db.session.commit()

    purged = purge_drafts()

    assert draft_id in purged.sent_draft_ids and draft_id not in _left(ResponseDraft)
    assert file_id in _left(Attachment) and file_id not in purged.attachment_ids
    assert db.session.get(Respondent, sent.id) is not None
    assert len(db.session.scalars(select(Representation.id).where(Representation.respondent_id == sent.id)).all()) == 1


def test_spreadsheets_uploaded_for_a_preview_and_never_confirmed_go_after_a_week():
    """They hold the rows as uploaded: clients' and stakeholders' names and addresses."""
    now = utcnow()
    old = Job(kind="representation-upload", status="draft", payload=b"{}", created_at=now - timedelta(days=8))
    recent = Job(kind="stakeholder-import", status="draft", payload=b"{}", created_at=now - timedelta(days=6))
    finished = Job(kind="stakeholder-import", status="done", created_at=now - timedelta(days=30))
    db.session.add_all([old, recent, finished])
    db.session.commit()
    old_id = old.id

    purged = purge_drafts(moment=now)

    assert purged.upload_ids == [old_id]
    assert "1 spreadsheet upload never confirmed" in purged.summary()
    assert sorted(db.session.scalars(select(Job.status))) == ["done", "draft"]
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).one()
    assert event.changes["upload_ids"] == [old_id]
