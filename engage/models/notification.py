"""Telling respondents who asked: an event of the plan an officer recorded (submission, the Inspector's report,
adoption) and one notice per person who asked to hear of it, by email or on the letter list.

A notice names the respondent it was worked out from, never a copy of their contact details: the email is sent
and the letter list written from the respondent's record (or their agent's), so erasing the respondent leaves
nothing personal here.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.plan import Plan
from engage.models.representation import Respondent
from engage.models.types import UTCDateTime, utcnow
from engage.models.user import User


class NotificationEvent(db.Model):
    __tablename__ = "notification_event"
    __table_args__ = (UniqueConstraint("plan_id", "event"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(30))  # engage.vocab.NotifyEvent
    occurred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("job.id", ondelete="SET NULL"))

    plan: Mapped[Plan] = relationship()
    recorded_by: Mapped[User | None] = relationship()
    notifications: Mapped[list["Notification"]] = relationship(
        back_populates="event", order_by="Notification.id", cascade="all, delete-orphan"
    )


class Notification(db.Model):
    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("event_id", "respondent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("notification_event.id", ondelete="CASCADE"), index=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # engage.vocab.NotificationChannel
    status: Mapped[str] = mapped_column(String(20), default="pending")  # engage.vocab.NotificationStatus
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(String(300), default="")

    event: Mapped[NotificationEvent] = relationship(back_populates="notifications")
    respondent: Mapped[Respondent] = relationship()
