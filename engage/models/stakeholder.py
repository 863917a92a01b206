"""Stakeholders, the registers they sit on and their legal categories."""

from datetime import datetime

from sqlalchemy import DDL, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.authority import Authority
from engage.models.types import UTCDateTime, utcnow

register_membership = Table(
    "register_membership",
    db.metadata,
    Column("stakeholder_id", Integer, ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True),
    Column("register_id", Integer, ForeignKey("register.id", ondelete="CASCADE"), primary_key=True, index=True),
)

stakeholder_category = Table(
    "stakeholder_category",
    db.metadata,
    Column("stakeholder_id", Integer, ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", Integer, ForeignKey("category.id", ondelete="CASCADE"), primary_key=True, index=True),
)

stakeholder_body_kind = Table(
    "stakeholder_body_kind",
    db.metadata,
    Column("stakeholder_id", Integer, ForeignKey("stakeholder.id", ondelete="CASCADE"), primary_key=True),
    Column("body_kind_id", Integer, ForeignKey("body_kind.id", ondelete="CASCADE"), primary_key=True),
)


class Register(db.Model):
    __tablename__ = "register"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Category(db.Model):
    """A legal or working category, e.g. specific consultation body, MP, resident."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    body_kinds: Mapped[list["BodyKind"]] = relationship(back_populates="category", order_by="BodyKind.position")


class BodyKind(db.Model):
    """A kind of body named in the regulations, with its statutory name and the name it has today."""

    __tablename__ = "body_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(100))
    statutory_name: Mapped[str] = mapped_column(String(300))
    current_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(default=0)

    category: Mapped[Category] = relationship(back_populates="body_kinds")

    @property
    def label(self) -> str:
        if self.statutory_name == self.current_name:
            return self.current_name
        return f"{self.current_name} (statutory name: {self.statutory_name})"


class Stakeholder(db.Model):
    __tablename__ = "stakeholder"
    __table_args__ = (
        Index("ix_stakeholder_sort_name", "sort_name", "id"),
        Index("ix_stakeholder_updated_at", "updated_at", "id"),
        # An organisation's people, by name: the stakeholder page lists them (also serves the foreign key).
        Index("ix_stakeholder_organisation_members", "organisation_id", "sort_name", "id"),
        # PostgreSQL answers `search_text LIKE '%word%'` from this trigram index (migration 0005 adds pg_trgm);
        # on SQLite it is a plain index that the search does not use.
        Index(
            "ix_stakeholder_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")  # engage.vocab.StakeholderKind
    title: Mapped[str] = mapped_column(String(50), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    organisation_name: Mapped[str] = mapped_column(String(300), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder.id", ondelete="SET NULL"))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("authority.id", ondelete="SET NULL"), index=True)
    party: Mapped[str] = mapped_column(String(100), default="")
    ward: Mapped[str] = mapped_column(String(200), default="")
    constituency: Mapped[str] = mapped_column(String(200), default="")
    preferred_channel: Mapped[str] = mapped_column(String(10), default="email")  # engage.vocab.PreferredChannel
    accessibility_needs: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(50), default="")
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder.id", ondelete="SET NULL"))
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_to_notifications: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lawful_basis: Mapped[str] = mapped_column(String(50), default="public-task")  # engage.vocab.LawfulBasis
    notes: Mapped[str] = mapped_column(Text, default="")
    # Denormalised for fast search and sorting over tens of thousands of rows.
    sort_name: Mapped[str] = mapped_column(String(300), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    authority: Mapped[Authority | None] = relationship()
    organisation: Mapped["Stakeholder | None"] = relationship(
        remote_side=[id], foreign_keys=[organisation_id], back_populates="members"
    )
    members: Mapped[list["Stakeholder"]] = relationship(
        foreign_keys=[organisation_id], back_populates="organisation", order_by="Stakeholder.sort_name"
    )
    agent: Mapped["Stakeholder | None"] = relationship(remote_side=[id], foreign_keys=[agent_id])
    registers: Mapped[list[Register]] = relationship(secondary=register_membership, order_by=Register.position)
    categories: Mapped[list[Category]] = relationship(secondary=stakeholder_category, order_by=Category.position)
    body_kinds: Mapped[list[BodyKind]] = relationship(secondary=stakeholder_body_kind, order_by=BodyKind.position)

    @property
    def name(self) -> str:
        if self.kind == "organisation":
            return self.organisation_name
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def organisation_label(self) -> str:
        if self.kind == "organisation":
            return ""
        if self.organisation is not None:
            return self.organisation.organisation_name
        return self.organisation_name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def refresh_search_fields(self) -> None:
        self.sort_name = (
            (self.last_name + " " + self.first_name if self.kind == "person" else self.name).strip().lower()
        )
        parts = (self.name, self.organisation_label, self.email)
        self.search_text = " ".join(p for p in parts if p).lower()


# create_all (tests, benchmarks) needs the extension before the trigram index; the migration creates it too.
event.listen(
    Stakeholder.__table__,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"),
)
