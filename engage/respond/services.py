"""Online responses: a server-side draft (keyed by a random token kept in the session cookie or a save-and-return
link), filled page by page, then submitted once. Submitting is idempotent on the draft: a double click or a
second app server sees the draft already submitted and gets the same respondent back.

Each page of the journey is a few statements (see docs/performance.md): the consultation and the draft come in one
query (engage.respond.queries), and saving keeps what the request loaded instead of expiring it (`commit_keeping`),
so nothing is read twice."""

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update

from engage.common.validation import ValidationError
from engage.consultations.parts import outline
from engage.extensions import db
from engage.models import (
    AcknowledgementDue,
    Attachment,
    Consultation,
    Representation,
    Respondent,
    ResponseDraft,
    utcnow,
)
from engage.representations.attachments import add_attachment, check_upload, find_attachment
from engage.representations.services import clean_item, clean_person, record_response

FILES = "files"  # in a draft's data: whether a file was ever added, so a draft without any skips looking for them
MAX_FILES = 10  # files a draft may hold, so one response cannot fill the database
TOO_MANY_FILES = f"You can attach up to {MAX_FILES} files to a response"
PART_TAKEN = (
    "You have already made a representation about this part of the plan: change that one, or choose another part"
)


class DeadlinePassed(Exception):
    """The consultation closed before the response was submitted."""

    def __init__(self, closes_at: datetime, moment: datetime):
        super().__init__("The consultation has closed")
        self.closes_at = closes_at
        self.moment = moment


def commit_keeping() -> None:
    """Commit, keeping what this request loaded as it is instead of expiring it. A page that saves and then reads
    the draft, the respondent or the consultation again (the acknowledgement, the redirect) reads what it has just
    written; expiring everything made each of those reads another query."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def new_draft(consultation: Consultation) -> ResponseDraft:
    draft = ResponseDraft(
        token=secrets.token_urlsafe(32),
        consultation_id=consultation.id,
        data={FILES: False},
        expires_at=consultation.closes_at,
    )
    db.session.add(draft)
    return draft


def _check_open(consultation: Consultation, moment: datetime) -> None:
    if moment >= consultation.closes_at:
        raise DeadlinePassed(consultation.closes_at, moment)


def save_about_you(consultation: Consultation, draft: ResponseDraft | None, data: dict[str, Any]) -> ResponseDraft:
    """Check and keep the respondent's (and any agent's) details; creates the draft on the first save."""
    _check_open(consultation, utcnow())
    errors: dict[str, list[str]] = {}
    person = agent = None
    try:
        person = clean_person(data.get("respondent"), require_contact=not data.get("is_agent"))
    except ValidationError as error:
        errors.update(error.errors)
    if data.get("is_agent"):
        try:
            agent = clean_person(data.get("agent"), prefix="agent_")
        except ValidationError as error:
            errors.update(error.errors)
    if errors:
        raise ValidationError(errors)
    draft = draft or new_draft(consultation)
    draft.data = {**draft.data, "respondent": person, "agent": agent, "is_agent": bool(data.get("is_agent"))}
    draft.email = (agent or person)["email"]
    commit_keeping()
    return draft


def start_for_another_client(consultation: Consultation, respondent: Respondent) -> ResponseDraft:
    """An agent who has just sent a response for one client starts one for the next: a new draft with the agent's
    details carried over, the client's to fill in."""
    _check_open(consultation, utcnow())
    draft = new_draft(consultation)
    agent = dict(respondent.agent or {})
    draft.data = {**draft.data, "respondent": {}, "agent": agent, "is_agent": True}
    draft.email = agent.get("email", "")
    commit_keeping()
    return draft


def save_item(
    consultation: Consultation,
    draft: ResponseDraft,
    index: int,
    data: dict[str, Any],
    upload=None,
    *,
    parts: Sequence | None = None,
) -> None:
    """Check one representation (and its file, if any) and keep it at `index` (appended at the next free place).
    Nothing is kept when either is wrong. `parts`: the parts of the plan the respondent was offered (clean_item)."""
    _check_open(consultation, utcnow())
    errors: dict[str, list[str]] = {}
    try:
        clean_item(consultation, data, online=True, parts=parts)
    except ValidationError as error:
        errors.update(error.errors)
    if "part" not in errors and _part_taken(draft, index, data.get("part")):
        errors["part"] = [PART_TAKEN]
    try:
        attachment = check_upload(*upload) if upload else None
    except ValidationError as error:
        attachment = None
        errors.update(error.errors)
    if attachment and _file_count(draft) >= MAX_FILES:
        errors["attachment"] = [TOO_MANY_FILES]
    if errors:
        raise ValidationError(errors)
    items = list(draft.data.get("items", []))
    if index < len(items):
        items[index] = data
    else:
        items.append(data)
    draft.data = {**draft.data, "items": items, **({FILES: True} if attachment else {})}
    if attachment:
        add_attachment(attachment, draft_id=draft.id, draft_item=min(index, len(items) - 1))
    commit_keeping()


def _may_have_files(draft: ResponseDraft) -> bool:
    """False only for a draft no file was ever added to (a draft from before FILES was kept may have some)."""
    return draft.data.get(FILES, True)


def _part_taken(draft: ResponseDraft, index: int, ref: Any) -> bool:
    """Whether another representation of this draft is already about the part of the plan `ref` names."""
    ref = str(ref or "").strip().lower()
    items = draft.data.get("items", [])
    return bool(ref) and any(
        str(item.get("part") or "").strip().lower() == ref for n, item in enumerate(items) if n != index
    )


def _file_count(draft: ResponseDraft) -> int:
    """The draft's files, counted with its row locked (on PostgreSQL), so two uploads at once cannot both be the
    10th: the second waits for the first to commit, then counts its file too."""
    db.session.execute(select(ResponseDraft.id).where(ResponseDraft.id == draft.id).with_for_update())
    return db.session.scalar(select(func.count()).select_from(Attachment).where(Attachment.draft_id == draft.id))


def draft_attachments(draft: ResponseDraft) -> dict[int, list[Attachment]]:
    found: dict[int, list[Attachment]] = {}
    if not _may_have_files(draft):
        return found
    for attachment in db.session.scalars(_DRAFT_ATTACHMENTS, {"draft_id": draft.id}):
        found.setdefault(attachment.draft_item, []).append(attachment)
    return found


_DRAFT_ATTACHMENTS = select(Attachment).where(Attachment.draft_id == bindparam("draft_id")).order_by(Attachment.id)


def remove_attachment(draft: ResponseDraft, attachment_id: int) -> Attachment | None:
    """Take one file out of this draft (it is deleted later, by `flask purge-drafts`); None when the draft has no
    such file, so nobody can remove a file from someone else's response."""
    attachment = find_attachment(attachment_id, draft_id=draft.id, content=False)
    if attachment is not None:
        attachment.draft_id = None
        commit_keeping()
    return attachment


def remove_item(draft: ResponseDraft, index: int) -> None:
    items = list(draft.data.get("items", []))
    if 0 <= index < len(items):
        items.pop(index)
        db.session.execute(
            update(Attachment)
            .where(Attachment.draft_id == draft.id, Attachment.draft_item == index)
            .values(draft_id=None)
        )
        db.session.execute(
            update(Attachment)
            .where(Attachment.draft_id == draft.id, Attachment.draft_item > index)
            .values(draft_item=Attachment.draft_item - 1)
        )
    draft.data = {**draft.data, "items": items}
    db.session.commit()


def submit_draft(consultation: Consultation, draft: ResponseDraft, *, moment: datetime | None = None) -> Respondent:
    """Record the draft as a respondent and representations, once. Raises DeadlinePassed after the deadline
    and ValidationError when the draft is incomplete; either way nothing is written.

    The respondent is written first and the draft then claimed with one conditional UPDATE (not yet submitted ->
    submitted, with the respondent). A second submission of the same draft waits on that row; once the first
    commits it finds the draft claimed, rolls its own respondent back and returns the first one."""
    moment = moment or utcnow()
    if draft.respondent_id is not None:
        return draft.respondent
    _check_open(consultation, moment)
    if not draft.data.get("respondent"):
        raise ValidationError({"respondent": ["Tell us about yourself before you send your response"]})
    items = _checked_items(consultation, draft)
    if not items:
        raise ValidationError({"items": ["Add at least one representation before you send your response"]})
    data = draft.data
    person, agent = data["respondent"], data.get("agent") if data.get("is_agent") else None
    respondent = record_response(consultation, person, agent, items, received_at=moment, commit=False)
    with db.session.no_autoflush:  # the respondent is written; its audit row goes with the outbox row, in one flush
        claimed = db.session.execute(
            update(ResponseDraft)
            .where(ResponseDraft.id == draft.id, ResponseDraft.submitted_at.is_(None))
            .values(submitted_at=moment, respondent_id=respondent.id)
            .execution_options(synchronize_session=False)
        ).rowcount
    if not claimed:
        db.session.rollback()
        db.session.refresh(draft)
        return draft.respondent
    _attach_files(draft, respondent)
    db.session.add(AcknowledgementDue(respondent_id=respondent.id, due_at=moment))  # the outbox (respond.emails)
    commit_keeping()
    db.session.expire(draft, ["submitted_at", "respondent_id", "updated_at"])  # written by the UPDATE above
    return respondent


def _checked_items(consultation: Consultation, draft: ResponseDraft) -> list[dict[str, Any]]:
    """Every representation of the draft checked again as it is sent. Raises ValidationError keyed
    `representation-<number>` for each one to correct, whose messages say which representation it is."""
    items, errors, parts = [], {}, set()
    outlined = outline(consultation.id)  # the parts as they are now, whatever the pages showed
    for index, data in enumerate(draft.data.get("items", [])):
        problems = []
        try:
            items.append(clean_item(consultation, data, online=True, parts=outlined))
        except ValidationError as error:
            problems = [message for messages in error.errors.values() for message in messages]
        ref = str(data.get("part") or "").strip().lower()
        if ref and ref in parts:
            problems.append(PART_TAKEN)
        parts.add(ref)
        if problems:
            errors[f"representation-{index + 1}"] = [f"Representation {index + 1}: {m}" for m in problems]
    if errors:
        raise ValidationError(errors)
    return items


def _attach_files(draft: ResponseDraft, respondent: Respondent) -> None:
    """Each file kept with the draft goes to the representation made from its item, in one statement."""
    if not _may_have_files(draft):
        return
    representation_id = (
        select(Representation.id)
        .where(Representation.respondent_id == respondent.id, Representation.number == Attachment.draft_item + 1)
        .scalar_subquery()
    )
    db.session.execute(
        update(Attachment)
        .where(Attachment.draft_id == draft.id)
        .values(representation_id=representation_id)
        .execution_options(synchronize_session=False)
    )
