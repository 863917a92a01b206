"""What officers make of the representations after the deadline: free themes per consultation, tags (themes and
strategic matters) on representations, an officer's response to one representation, and whether the "You said, we
did" page of a consultation is published.

Main issues themselves are in engage.models.evidence (MainIssue), which the statement of consultation prints.
"""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from engage.extensions import db
from engage.models.consultation import Consultation
from engage.models.plan import StrategicMatter
from engage.models.representation import Representation
from engage.models.types import UTCDateTime, utcnow

representation_theme = Table(
    "representation_theme",
    db.metadata,
    Column("representation_id", Integer, ForeignKey("representation.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", Integer, ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True),
)

representation_matter = Table(
    "representation_matter",
    db.metadata,
    Column("representation_id", Integer, ForeignKey("representation.id", ondelete="CASCADE"), primary_key=True),
    Column("matter_id", Integer, ForeignKey("strategic_matter.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Theme(db.Model):
    """A theme officers name for one consultation ("Traffic on the A41"), free of the strategic matters list."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("consultation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    representation_count: Mapped[int] = column_property(
        select(func.count())
        .where(representation_theme.c.theme_id == id)
        .correlate_except(representation_theme)
        .scalar_subquery(),
        deferred=True,
    )

    consultation: Mapped[Consultation] = relationship()
    representations: Mapped[list[Representation]] = relationship(
        secondary=representation_theme, order_by=(Representation.respondent_id, Representation.number), viewonly=True
    )


# Read-only views of the tags from a representation (writes go through engage.themes.services, in bulk).
Representation.themes = relationship(Theme, secondary=representation_theme, order_by=Theme.name, viewonly=True)
Representation.matters = relationship(
    StrategicMatter, secondary=representation_matter, order_by=StrategicMatter.name, viewonly=True
)


class RepresentationResponse(db.Model):
    """The council's answer to one representation, when officers want to answer it on its own as well as through
    the main issues it raises."""

    __tablename__ = "representation_response"

    representation_id: Mapped[int] = mapped_column(
        ForeignKey("representation.id", ondelete="CASCADE"), primary_key=True
    )
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    representation: Mapped[Representation] = relationship()


class FeedbackPublication(db.Model):
    """A consultation's "You said, we did" page is public while a row is here; unpublishing removes it."""

    __tablename__ = "feedback_publication"

    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    consultation: Mapped[Consultation] = relationship()
