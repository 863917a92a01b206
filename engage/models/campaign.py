"""Campaigns: groups of near-identical representations (a template text sent by many people, with or without their
own edits, and exact repeats). The grouping job suggests them; an officer confirms, names, splits and merges them.
A representation belongs to at most one campaign (`Representation.campaign_id`)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.consultation import Consultation
from engage.models.types import UTCDateTime, utcnow


class Campaign(db.Model):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    template_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="suggested")  # engage.vocab.CampaignStatus
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    consultation: Mapped[Consultation] = relationship()

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"
