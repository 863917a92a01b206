"""Erasing a respondent's personal data: pseudonymise, never delete, so the record and the counts the law needs stay.

What goes: their names (the name becomes "Erased respondent R-00123", so lists and counts still read), title, job
title, organisation, email address, phone, postal address and postcode; their agent; the link to a stakeholder
register entry (which has its own erase); the content and names of the files they sent, and any redacted copies of
them; their unsent drafts of online responses (by their email address); and the values in the audit trail's
entries about them (the entries stay: who did what and when, without the before and after).

What stays: the respondent's reference and every representation's reference, consultation, part of the plan,
nature, answers to the tests of soundness, legal compliance and co-operation, whether they wish to be heard and
to be notified, channel, dates, lateness, status, campaign, themes and main issues, so every count and breakdown
is unchanged; records of one person erased together share a random `erased_person`, so "distinct people" still
counts them once. The text of each representation (comment, proposed change, why they wish to be heard, answers to
free-text questions) stays too unless the officer chooses to delete it: it is the record the examination is run on, and
the redactions already made in it (engage/redaction) keep protecting the public register. When the text is
deleted, those redactions and the redaction review go with it (engage.redaction.services.forget_representation).
"""

import hashlib
import uuid
from typing import Any

from sqlalchemy import delete, func, or_, select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import (
    Attachment,
    AuditEvent,
    Question,
    RedactedAttachment,
    Representation,
    Respondent,
    ResponseDraft,
    utcnow,
)
from engage.models.representation import PERSON_FIELDS
from engage.personal_data.queries import same_person
from engage.redaction.services import forget_representation
from engage.vocab import QuestionKind

ERASED = "[erased]"
REASON_LIMIT = 500
TEXT_FIELDS = ("comment", "modification", "heard_reason")
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def erased_name(respondent: Respondent) -> str:
    return f"Erased respondent {respondent.reference}"


def clean_erasure(data: dict[str, Any]) -> dict[str, Any]:
    reason = str(data.get("reason") or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = ["Enter why their personal data is being erased"]
    elif len(reason) > REASON_LIMIT:
        errors["reason"] = [f"Enter {REASON_LIMIT:,} characters or fewer"]
    delete_text = data.get("delete_text")
    if not isinstance(delete_text, bool):
        errors["delete_text"] = ["Select whether to keep or delete what they wrote"]
    if errors:
        raise ValidationError(errors)
    return {"reason": reason, "delete_text": delete_text}


def erase_respondents(respondents: list[Respondent], data: dict[str, Any], *, user=None) -> list[Respondent]:
    """Erase each respondent's personal data (those already erased are left as they are); one audit entry each,
    with the reason; committed together."""
    values = clean_erasure(data)
    erased = [r for r in respondents if r.erased_at is None]
    people: dict[tuple, str] = {}
    for respondent in erased:
        respondent.erased_person = people.setdefault(_person(respondent), uuid.uuid4().hex)
        erase_one(respondent, delete_text=values["delete_text"])
        audit.record(
            "erase",
            "respondent",
            respondent.id,
            f"Erased personal data of respondent {respondent.reference}: {values['reason']}",
            user=user,
            changes={"text_deleted": values["delete_text"]},
        )
    db.session.commit()
    return erased


def _person(respondent: Respondent) -> tuple:
    """Who the respondent is counted as (engage.representations.counts.person_key), before their details go."""
    if respondent.stakeholder_id:
        return ("stakeholder", respondent.stakeholder_id)
    if respondent.email:
        return ("email", respondent.email.casefold())
    return ("respondent", respondent.id)


def erase_one(respondent: Respondent, *, delete_text: bool) -> None:
    """Pseudonymise one respondent and what hangs off them, without committing (the caller audits and commits)."""
    email = respondent.email
    representations = list(respondent.representations)
    for field in PERSON_FIELDS:
        setattr(respondent, field, "")
    respondent.last_name = erased_name(respondent)
    respondent.agent = None
    respondent.stakeholder_id = None
    respondent.erased_at = utcnow()
    for representation in representations:
        _erase_files(representation)
        if delete_text:
            forget_representation(representation)
            for field in TEXT_FIELDS:
                setattr(representation, field, "")
            representation.answers = _choices_only(representation)
    _delete_drafts(respondent, email)
    _scrub_audit(respondent, representations)


def _choices_only(representation: Representation) -> dict[str, Any]:
    """The answers to choice questions (options the council wrote, counted like the tests of soundness); answers
    to free-text questions are what the respondent wrote, and go with the rest of the text."""
    answers = representation.answers if isinstance(representation.answers, dict) else {}
    if not answers:
        return {}
    kinds = dict(
        db.session.execute(
            select(Question.id, Question.kind).where(Question.consultation_id == representation.consultation_id)
        ).all()
    )
    choice = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
    return {
        key: value
        for key, value in answers.items()
        if str(key).isascii() and str(key).isdigit() and kinds.get(int(key)) in choice
    }


def _erase_files(representation: Representation) -> None:
    ids = [attachment.id for attachment in representation.attachments]
    if ids:
        db.session.execute(delete(RedactedAttachment).where(RedactedAttachment.attachment_id.in_(ids)))
    for attachment in representation.attachments:
        attachment.content = b""
        attachment.size = 0
        attachment.sha256 = EMPTY_SHA256
        attachment.filename = f"erased-file-{attachment.id}"


def _delete_drafts(respondent: Respondent, email: str) -> None:
    """Unsent (and sent) drafts of online responses by this person: their answers are personal data."""
    conditions = [ResponseDraft.respondent_id == respondent.id]
    if email:
        conditions.append(func.lower(ResponseDraft.email) == email.casefold())
    drafts = select(ResponseDraft.id).where(or_(*conditions))
    ids = list(db.session.scalars(drafts))
    if ids:
        db.session.execute(
            delete(Attachment).where(Attachment.draft_id.in_(ids), Attachment.representation_id.is_(None))
        )
        db.session.execute(delete(ResponseDraft).where(ResponseDraft.id.in_(ids)))


def _scrub_audit(respondent: Respondent, representations: list[Representation]) -> None:
    """Keep each entry about the respondent and their representations, without the values that changed."""
    about = or_(
        (AuditEvent.entity_type == "respondent") & (AuditEvent.entity_id == respondent.id),
        (AuditEvent.entity_type == "representation") & AuditEvent.entity_id.in_([r.id for r in representations]),
    )
    for event in db.session.scalars(select(AuditEvent).where(about)):
        if event.changes:
            event.changes = {key: ERASED for key in event.changes}


def erase_respondent(respondent: Respondent, data: dict[str, Any], *, user=None) -> list[Respondent]:
    """Erase a respondent and, with `same_person`, every other response sent with their email address."""
    chosen = same_person(respondent) if data.get("same_person") else [respondent]
    if respondent.erased_at is not None:
        raise ValidationError({"reason": [f"The personal data of {respondent.reference} has already been erased"]})
    return erase_respondents(chosen, data, user=user)
