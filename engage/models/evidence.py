"""Statements of Common Ground (versioned, with parties, matters and signatures) and the main issues of a
consultation that the statement of consultation reports.

A statement keeps every version: draft → agreed → signed → superseded. A new version starts as a copy of the
latest one, so what was signed stays exactly as it was signed. The text fields follow the five parts of the
template in Annex 4 of "Planning Strategically in South West Hertfordshire – Next steps" (2018).
"""

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.extensions import db
from engage.models.authority import Authority
from engage.models.consultation import Consultation, Part
from engage.models.plan import Plan, StrategicMatter
from engage.models.representation import Representation
from engage.models.stakeholder import Stakeholder
from engage.models.types import UTCDateTime, utcnow

# The text of a version, in the order of the template's five parts, with the part each belongs to.
SCG_TEXT_FIELDS = (
    ("area_description", 1),
    ("strategic_context", 1),
    ("housing_requirement", 2),
    ("housing_distribution", 2),
    ("evidence_base", 2),
    ("governance", 3),
    ("timetable", 3),
    ("risks", 4),
    ("monitoring_indicators", 5),
    ("review_arrangements", 5),
    ("other_agreements", 0),
)

common_ground_party_matter = Table(
    "common_ground_party_matter",
    db.metadata,
    Column("party_id", Integer, ForeignKey("common_ground_party.id", ondelete="CASCADE"), primary_key=True),
    Column("matter_id", Integer, ForeignKey("strategic_matter.id", ondelete="CASCADE"), primary_key=True),
)

main_issue_representation = Table(
    "main_issue_representation",
    db.metadata,
    Column("main_issue_id", Integer, ForeignKey("main_issue.id", ondelete="CASCADE"), primary_key=True),
    Column("representation_id", Integer, ForeignKey("representation.id", ondelete="CASCADE"), primary_key=True),
)


class CommonGround(db.Model):
    """A Statement of Common Ground: the series of versions agreed between the same parties."""

    __tablename__ = "common_ground"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    lead_authority_id: Mapped[int | None] = mapped_column(ForeignKey("authority.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    plan: Mapped[Plan | None] = relationship()
    lead_authority: Mapped[Authority | None] = relationship()
    versions: Mapped[list["CommonGroundVersion"]] = relationship(
        back_populates="statement", order_by="CommonGroundVersion.number", cascade="all, delete-orphan"
    )

    @property
    def latest(self) -> "CommonGroundVersion | None":
        return self.versions[-1] if self.versions else None


class CommonGroundVersion(db.Model):
    __tablename__ = "common_ground_version"
    __table_args__ = (UniqueConstraint("statement_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("common_ground.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # engage.vocab.ScgStatus
    area_description: Mapped[str] = mapped_column(Text, default="")
    strategic_context: Mapped[str] = mapped_column(Text, default="")
    housing_requirement: Mapped[str] = mapped_column(Text, default="")
    housing_distribution: Mapped[str] = mapped_column(Text, default="")
    evidence_base: Mapped[str] = mapped_column(Text, default="")
    governance: Mapped[str] = mapped_column(Text, default="")
    timetable: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    monitoring_indicators: Mapped[str] = mapped_column(Text, default="")
    review_arrangements: Mapped[str] = mapped_column(Text, default="")
    other_agreements: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[date | None] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    superseded_on: Mapped[date | None] = mapped_column(Date)
    change_log: Mapped[str] = mapped_column(Text, default="")  # what changed since the previous version
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    statement: Mapped[CommonGround] = relationship(back_populates="versions")
    parties: Mapped[list["CommonGroundParty"]] = relationship(
        back_populates="version",
        order_by=lambda: (CommonGroundParty.position, CommonGroundParty.id),
        cascade="all, delete-orphan",
    )
    matters: Mapped[list["CommonGroundMatter"]] = relationship(
        back_populates="version",
        order_by=lambda: (CommonGroundMatter.position, CommonGroundMatter.id),
        cascade="all, delete-orphan",
    )
    signatures: Mapped[list["CommonGroundSignature"]] = relationship(
        back_populates="version",
        order_by=lambda: (CommonGroundSignature.signed_on, CommonGroundSignature.id),
        cascade="all, delete-orphan",
    )

    @property
    def is_editable(self) -> bool:
        return self.status == "draft"

    @property
    def dated_on(self) -> date:
        """The date the version carries: when it was signed, else agreed, else started."""
        return self.signed_on or self.agreed_on or self.created_at.date()

    @property
    def superseded_by(self) -> "CommonGroundVersion | None":
        """The version that replaced this one: the first later version that was signed (or agreed)."""
        if self.status != "superseded":
            return None
        later = [v for v in self.statement.versions if v.number > self.number and v.status != "draft"]
        return later[0] if later else None

    def signature_for(self, party: "CommonGroundParty") -> "CommonGroundSignature | None":
        return next((s for s in self.signatures if s.party_id == party.id), None)

    @property
    def signed_parties(self) -> int:
        return sum(1 for party in self.parties if self.signature_for(party) is not None)

    @property
    def signature_status(self) -> str:
        """ "Signed" only when every party signed; otherwise how many have."""
        total = len(self.parties)
        signed = self.signed_parties
        if total and signed == total:
            return "Signed by all parties"
        if signed:
            return f"Partly signed ({signed} of {total})"
        return "Not signed"

    @property
    def label(self) -> str:
        return f"Version {self.number}"


class CommonGroundParty(db.Model):
    """A party to a version, who signs for it, and the strategic matters it signs up to."""

    __tablename__ = "common_ground_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("common_ground_version.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("authority.id", ondelete="SET NULL"))
    stakeholder_id: Mapped[int | None] = mapped_column(ForeignKey("stakeholder.id", ondelete="SET NULL"))
    signatory_name: Mapped[str] = mapped_column(String(200), default="")
    signatory_role: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)

    version: Mapped[CommonGroundVersion] = relationship(back_populates="parties")
    authority: Mapped[Authority | None] = relationship()
    stakeholder: Mapped[Stakeholder | None] = relationship()
    matters: Mapped[list[StrategicMatter]] = relationship(
        secondary=common_ground_party_matter, order_by=StrategicMatter.name
    )
    positions: Mapped[list["CommonGroundPosition"]] = relationship(back_populates="party", cascade="all, delete-orphan")

    def position_on(self, matter_id: int) -> str:
        """The party's position on a matter ("" when none has been recorded)."""
        return next((p.position for p in self.positions if p.matter_id == matter_id), "")


class CommonGroundPosition(db.Model):
    """Where one party stands on one strategic matter of a version: agreed, not agreed or ongoing."""

    __tablename__ = "common_ground_position"

    party_id: Mapped[int] = mapped_column(ForeignKey("common_ground_party.id", ondelete="CASCADE"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("strategic_matter.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[str] = mapped_column(String(20))  # engage.vocab.MatterPosition

    party: Mapped[CommonGroundParty] = relationship(back_populates="positions")
    matter: Mapped[StrategicMatter] = relationship()


class CommonGroundMatter(db.Model):
    """A strategic matter the statement covers, where the parties stand on it, and why."""

    __tablename__ = "common_ground_matter"
    __table_args__ = (UniqueConstraint("version_id", "matter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("common_ground_version.id", ondelete="CASCADE"), index=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("strategic_matter.id", ondelete="CASCADE"))
    position_status: Mapped[str] = mapped_column(String(20), default="ongoing")  # engage.vocab.MatterPosition
    narrative: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    version: Mapped[CommonGroundVersion] = relationship(back_populates="matters")
    matter: Mapped[StrategicMatter] = relationship()


class CommonGroundSignature(db.Model):
    """A record that someone signed a version for an organisation (the signature image is never kept)."""

    __tablename__ = "common_ground_signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("common_ground_version.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("common_ground_party.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    signed_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    version: Mapped[CommonGroundVersion] = relationship(back_populates="signatures")
    party: Mapped[CommonGroundParty | None] = relationship()


class MainIssue(db.Model):
    """A main issue raised in a consultation, the council's response and any change it proposes (Regulation
    22(1)(c)). Officers write these now; later analysis features may suggest them."""

    __tablename__ = "main_issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    council_response: Mapped[str] = mapped_column(Text, default="")
    proposed_change: Mapped[str] = mapped_column(Text, default="")
    # The part of the plan the proposed change is to, when there is one.
    part_id: Mapped[int | None] = mapped_column(ForeignKey("consultation_part.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    consultation: Mapped[Consultation] = relationship()
    part: Mapped[Part | None] = relationship()
    representations: Mapped[list[Representation]] = relationship(
        secondary=main_issue_representation, order_by=(Representation.respondent_id, Representation.number)
    )
