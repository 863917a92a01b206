"""Deleting what online respondents left behind: responses never sent, and files taken out of a response.

Both are personal data kept for no purpose. A draft never submitted goes once its consultation has been closed for
DRAFT_RETENTION_DAYS (by then it can never be sent), with the files attached to it. So does the working copy of a
response that was sent (the draft it was sent from): the respondent and representations are the record, and keep
their files. A file removed from a draft (no draft and no representation owns it) goes once it is a day old. The
audit trail records ids and counts only. So do spreadsheets uploaded for a preview and never confirmed (a
stakeholder import, an agent's clients' representations) once ABANDONED_UPLOAD_AGE old: they hold the rows as
uploaded, names and addresses included.
`flask purge-drafts` runs it; run it daily.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, or_, select

from engage.common import audit
from engage.extensions import db
from engage.models import Attachment, Consultation, Job, ResponseDraft, utcnow

ORPHAN_AGE = timedelta(days=1)
ABANDONED_UPLOAD_AGE = timedelta(days=7)
CHUNK = 500  # ids a statement, well under every database's limit on bound parameters


@dataclass
class Purged:
    draft_ids: list[int] = field(default_factory=list)
    attachment_ids: list[int] = field(default_factory=list)
    sent_draft_ids: list[int] = field(default_factory=list)
    upload_ids: list[int] = field(default_factory=list)

    @property
    def drafts(self) -> int:
        return len(self.draft_ids)

    @property
    def attachments(self) -> int:
        return len(self.attachment_ids)

    def summary(self) -> str:
        responses = f"{self.drafts} unsent response{'' if self.drafts == 1 else 's'}"
        text = f"Deleted {responses} and {self.attachments} unused file{'' if self.attachments == 1 else 's'}"
        sent = len(self.sent_draft_ids)
        if sent:
            text += f", and the working copies of {sent} sent response{'' if sent == 1 else 's'}"
        uploads = len(self.upload_ids)
        if uploads:
            text += f", and {uploads} spreadsheet upload{'' if uploads == 1 else 's'} never confirmed"
        return text


def stale_drafts(closed_before: datetime, *, sent: bool = False):
    """Drafts never submitted (or, with `sent`, those submitted) of consultations that closed before the moment."""
    closed = select(Consultation.id).where(Consultation.closes_at < closed_before)
    submitted = ResponseDraft.submitted_at.is_not(None) if sent else ResponseDraft.submitted_at.is_(None)
    return select(ResponseDraft.id).where(submitted, ResponseDraft.consultation_id.in_(closed))


def unwanted_attachments(stale, orphaned_before: datetime):
    """Files no representation owns that belong to a stale draft, or to no draft (removed, or the draft is gone)
    and are older than `orphaned_before`."""
    unowned = Attachment.representation_id.is_(None)
    orphaned = or_(Attachment.draft_id.is_(None), Attachment.draft_id.not_in(select(ResponseDraft.id)))
    return select(Attachment.id).where(
        unowned, or_(Attachment.draft_id.in_(stale), orphaned & (Attachment.created_at < orphaned_before))
    )


def purge_drafts(*, retention_days: int | None = None, moment: datetime | None = None, user=None) -> Purged:
    """Delete unsent drafts of consultations closed more than `retention_days` ago (DRAFT_RETENTION_DAYS by
    default) and unowned files, in one transaction with one audit event; returns what went."""
    moment = moment or utcnow()
    if retention_days is None:
        retention_days = current_app.config["DRAFT_RETENTION_DAYS"]
    closed_before = moment - timedelta(days=retention_days)
    stale = stale_drafts(closed_before)
    purged = Purged(
        draft_ids=list(db.session.scalars(stale.order_by(ResponseDraft.id))),
        attachment_ids=list(
            db.session.scalars(unwanted_attachments(stale, moment - ORPHAN_AGE).order_by(Attachment.id))
        ),
        sent_draft_ids=list(db.session.scalars(stale_drafts(closed_before, sent=True).order_by(ResponseDraft.id))),
        upload_ids=list(
            db.session.scalars(
                select(Job.id)
                .where(Job.status == "draft", Job.created_at < moment - ABANDONED_UPLOAD_AGE)
                .order_by(Job.id)
            )
        ),
    )
    _delete(Attachment, purged.attachment_ids)
    _delete(ResponseDraft, purged.draft_ids + purged.sent_draft_ids)  # sent files stay with their representations
    _delete(Job, purged.upload_ids)
    if purged.drafts or purged.attachments or purged.sent_draft_ids or purged.upload_ids:
        audit.record(
            "purge",
            "response_draft",
            None,
            purged.summary(),
            changes={
                "retention_days": retention_days,
                "draft_ids": purged.draft_ids,
                "attachment_ids": purged.attachment_ids,
                "sent_draft_ids": purged.sent_draft_ids,
                "upload_ids": purged.upload_ids,
            },
            user=user,
        )
    db.session.commit()
    return purged


def _delete(model, ids: list[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        db.session.execute(delete(model).where(model.id.in_(chunk)).execution_options(synchronize_session=False))
