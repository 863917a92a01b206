"""Notifying respondents, as the API reads and writes it: the events of a plan and their notices."""

from datetime import date
from typing import Any, Literal, Self

from pydantic import Field

from engage.common.schemas import Input, LondonDateTime, NullableDateText, Output, Text, one_of
from engage.vocab import NotificationChannel, NotificationStatus, NotifyEvent


class NotificationCounts(Output):
    sent: int
    pending: int = Field(description="Emails not sent yet")
    failed: int
    listed: int = Field(description="On the letter list")


class NotificationEvent(Output):
    """An event of the plan that respondents asked to hear of, recorded by an officer, and how the notices went."""

    id: int
    plan: int = Field(description="The plan's id")
    event: Literal[NotifyEvent.values()]
    occurred_on: date
    note: str = Field(description="Added to every message")
    recorded_at: LondonDateTime
    counts: NotificationCounts

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        from engage.notifications.queries import counts

        return super().of(record, plan=record.plan_id, counts=counts(record), **values)


class Notification(Output):
    """One person told of an event: by email (sent, pending or failed with the reason) or on the letter list.
    The contact details are the respondent's (or their agent's): read them from the representations."""

    id: int
    respondent_reference: str
    channel: Literal[NotificationChannel.values()]
    status: Literal[NotificationStatus.values()]
    sent_at: LondonDateTime | None
    error: str = Field(description="Why an email could not be sent")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(record, respondent_reference=record.respondent.reference, **values)


class NotificationEventInput(Input):
    """Record that the plan was submitted, the Inspector's report published or the plan adopted: everyone who asked
    is emailed, or put on the letter list when there is no email address for them."""

    output = NotificationEvent
    required = ("event", "occurred_on")

    event: one_of(NotifyEvent.values()) | None = None
    occurred_on: NullableDateText = Field(None, description="The day it happened, YYYY-MM-DD; today or before")
    note: Text | None = Field(None, description="Added to every message")
