"""The events other systems can subscribe to, as the services that make them happen call them: one call each,
before the service's commit, so the event is written in the same transaction as the change.

Bodies carry ids, references and dates, never personal data (names, emails, addresses): a receiver that needs
more asks the API with a token.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select

from engage.common.dates import iso_date, iso_datetime
from engage.extensions import db
from engage.models import (
    CommonGroundVersion,
    Consultation,
    Engagement,
    Representation,
    WebhookEvent,
    utcnow,
)
from engage.vocab import WebhookEventType
from engage.webhooks.outbox import emit, subscribers

CLOSED_LOOKBACK = timedelta(days=2)  # consultations closed longer ago than this are not announced by the sweep


def representations_created(representations: Iterable[Representation]) -> None:
    if not subscribers(WebhookEventType.REPRESENTATION_CREATED):
        return  # nothing to describe them to
    for item in representations:
        data = {
            "reference": item.reference,
            "consultation": item.consultation_id,
            "channel": item.channel,
            "received_at": iso_datetime(item.received_at),
            "late": bool(item.late),
            "part": item.part.ref if item.part else None,
            "nature": item.nature,
        }
        emit(WebhookEventType.REPRESENTATION_CREATED, f"representation:{item.id}", data)


def _consultation(consultation: Consultation) -> dict:
    return {
        "id": consultation.id,
        "slug": consultation.slug,
        "title": consultation.title,
        "stage": consultation.stage,
        "opens_at": iso_datetime(consultation.opens_at),
        "closes_at": iso_datetime(consultation.closes_at),
    }


def consultation_published(consultation: Consultation, published: bool) -> None:
    if published:
        emit(WebhookEventType.CONSULTATION_PUBLISHED, f"consultation:{consultation.id}", _consultation(consultation))


def _closed_subject(consultation: Consultation) -> str:
    return f"consultation:{consultation.id}:closed:{consultation.closes_at:%Y%m%dT%H%M%S}"


def consultations_closed(now: datetime | None = None) -> int:
    """Record consultation.closed once for each published consultation that has closed lately (closing is a
    moment, not an action, so `flask send-webhooks` finds it); how many. The caller commits."""
    now = now or utcnow()
    recent = db.session.scalars(
        select(Consultation).where(
            Consultation.published.is_(True),
            Consultation.closes_at <= now,
            Consultation.closes_at > now - CLOSED_LOOKBACK,
        )
    )
    count = 0
    for consultation in recent:
        subject = _closed_subject(consultation)
        if db.session.scalar(select(WebhookEvent.id).where(WebhookEvent.subject == subject)) is None:
            emit(WebhookEventType.CONSULTATION_CLOSED, subject, _consultation(consultation), always=True)
            count += 1
    return count


def engagement_held(engagement: Engagement, was: str | None = None) -> None:
    """When the engagement is now held and was not before (`was`: its status before the change; None for new)."""
    if engagement.status != "held" or was == "held":
        return
    data = {
        "id": engagement.id,
        "title": engagement.title,
        "kind": engagement.kind,
        "starts_at": iso_datetime(engagement.starts_at),
        "lead_authority": engagement.lead_authority.code if engagement.lead_authority else None,
        "plan_stage": engagement.plan_stage.slug if engagement.plan_stage else None,
    }
    emit(WebhookEventType.ENGAGEMENT_HELD, f"engagement:{engagement.id}", data)


def scg_signed(version: CommonGroundVersion) -> None:
    if version.status != "signed":
        return
    statement = version.statement
    data = {
        "id": statement.id,
        "title": statement.title,
        "version": version.number,
        "signed_on": iso_date(version.signed_on),
        "signed_by": [signature.organisation for signature in version.signatures],
    }
    emit(WebhookEventType.SCG_SIGNED, f"common_ground_version:{version.id}", data)
