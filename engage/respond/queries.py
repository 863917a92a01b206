"""What the public pages read: the consultation and this session's draft in one query, the response just sent,
the consultations listed. Built once, with bound parameters, so that each request skips building each statement
and working out its cache key (docs/performance.md); a GET reads outside a transaction (`only_reading`)."""

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import and_, bindparam, select

from engage.extensions import db
from engage.models import Consultation, Part, Representation, Respondent, ResponseDraft, utcnow
from engage.models.consultation import part_label
from engage.models.representation import representation_reference
from engage.webhooks import outbox


def only_reading() -> None:
    """This request only reads: its statements run outside a transaction (autocommit), which spares the database
    a BEGIN and a ROLLBACK, two round trips, on each page that shows a respondent their response. Under READ
    COMMITTED each statement sees what was committed before it started, in a transaction or not, so a page that
    only reads shows the same. Call it before the request's first statement: after that it changes nothing."""
    session = db.session()
    if not session.in_transaction():
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def open_consultation(slug: str) -> Consultation | None:
    """A published consultation by its web address (any status but draft). Its parts and questions load on first
    use, so a page that does not show them (about you) costs one query, and one the page uses costs one more each.
    (Eager options would also be repeated every time the object is refreshed after a commit.)"""
    return db.session.scalar(_OPEN, {"slug": slug})


def open_with_draft(
    slug: str, token: str | None, *, to_send: bool = False
) -> tuple[Consultation | None, ResponseDraft | None]:
    """`open_consultation` and `find_draft` in one query: the consultation and the draft the token names, if any.
    `to_send`: the request may send the response, so the same query reads whether any webhook endpoint is
    registered, which sending otherwise asks with a statement of its own (engage.webhooks.outbox)."""
    if not _valid_token(token):
        return open_consultation(slug), None
    statement = _OPEN_TO_SEND if to_send else _OPEN_WITH_DRAFT
    row = db.session.execute(statement, {"slug": slug, "token": token}).first()
    if row is None:
        return None, None
    if to_send:
        outbox.registered(row[2])
    return row[0], row[1]


# Every page of the journey runs one of these.
_PUBLISHED = (Consultation.slug == bindparam("slug"), Consultation.published.is_(True))
_OPEN = select(Consultation).where(*_PUBLISHED)
_OPEN_WITH_DRAFT = (
    select(Consultation, ResponseDraft)
    .outerjoin(
        ResponseDraft,
        and_(ResponseDraft.consultation_id == Consultation.id, ResponseDraft.token == bindparam("token")),
    )
    .where(*_PUBLISHED)
)
_OPEN_TO_SEND = _OPEN_WITH_DRAFT.add_columns(outbox.ANY_REGISTERED)


def _valid_token(token: str | None) -> bool:
    return bool(token) and len(token) <= 64


def find_draft(consultation: Consultation, token: str | None) -> ResponseDraft | None:
    if not _valid_token(token):
        return None
    return db.session.scalar(
        select(ResponseDraft).where(ResponseDraft.token == token, ResponseDraft.consultation_id == consultation.id)
    )


class Sent(NamedTuple):
    """What the confirmation page shows of a response this session sent."""

    respondent: Respondent
    consultation: Consultation
    representations: list[tuple[str, str | None]]  # each one's reference and the part of the plan it is about


def sent_response(slug: str, respondent_id: int) -> Sent | None:
    """The respondent this session sent to the published consultation at `slug`, with that consultation and the
    reference and part of each of their representations, in one query of one row a representation (no eager
    loading: the page shows two values of each); None when there is no such respondent for that consultation."""
    rows = db.session.execute(_SENT, {"slug": slug, "respondent_id": respondent_id}).all()
    if not rows:
        return None
    respondent, consultation = rows[0][0], rows[0][1]
    representations = [
        (representation_reference(respondent.id, number), part_label(ref, title) if ref is not None else None)
        for _, _, number, ref, title in rows
        if number is not None
    ]
    return Sent(respondent, consultation, representations)


_SENT = (
    select(Respondent, Consultation, Representation.number, Part.ref, Part.title)
    .join(Respondent.consultation)
    .outerjoin(Representation, Representation.respondent_id == Respondent.id)
    .outerjoin(Part, Part.id == Representation.part_id)
    .where(Respondent.id == bindparam("respondent_id"), *_PUBLISHED)
    .order_by(Representation.number)
)


def public_consultations(moment: datetime | None = None, recent_days: int = 365) -> dict[str, list[Consultation]]:
    """Open consultations (closing soonest first), upcoming ones, and those closed in the last year."""
    moment = moment or utcnow()
    published = select(Consultation).where(Consultation.published.is_(True))
    return {
        "open": list(
            db.session.scalars(
                published.where(Consultation.opens_at <= moment, Consultation.closes_at > moment).order_by(
                    Consultation.closes_at
                )
            )
        ),
        "scheduled": list(
            db.session.scalars(published.where(Consultation.opens_at > moment).order_by(Consultation.opens_at))
        ),
        "closed": list(
            db.session.scalars(
                published.where(
                    Consultation.closes_at <= moment, Consultation.closes_at > moment - timedelta(days=recent_days)
                ).order_by(Consultation.closes_at.desc())
            )
        ),
    }
