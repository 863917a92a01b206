"""Statements of Common Ground as the API reads and writes them: a statement is a series of versions; each version
has its text, the strategic matters it covers (and where the parties stand on each), its parties and the
signatures recorded on it, and moves draft → agreed → signed → superseded."""

from datetime import date
from typing import Any, Literal, Self

from pydantic import AliasPath, Field, create_model

from engage.common.schemas import Id, Input, LondonDateTime, NullableDateText, Output, Slugs, Text, Texts, one_of
from engage.evidence.common_ground.signing import TRANSITIONS
from engage.models.evidence import SCG_TEXT_FIELDS
from engage.vocab import MatterPosition, ScgStatus

TEXT_FIELDS = tuple(name for name, _part in SCG_TEXT_FIELDS)
AUTHORITY_CODE = "Authority code, e.g. WBC"


class ScgMatter(Output):
    """A strategic matter the version covers, and where the parties stand on it."""

    matter: str = Field(validation_alias=AliasPath("matter", "slug"), description="Strategic matter slug")
    name: str = Field(validation_alias=AliasPath("matter", "name"))
    position_status: Literal[MatterPosition.values()]
    narrative: str


class ScgParty(Output):
    """A party to the version, who signs for it, and the matters it signs up to."""

    id: int
    name: str
    authority: str | None = Field(description=AUTHORITY_CODE)
    signatory_name: str
    signatory_role: str
    matters: Slugs = Field(description="Strategic matter slugs")
    positions: dict[str, Literal[MatterPosition.values()]] = Field(
        description="Where the party stands on each of the version's matters it has a position on, by matter slug"
    )

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        positions = {row.matter.slug: row.position for row in record.positions}
        authority = record.authority.code if record.authority else None
        return super().of(record, authority=authority, positions=positions, **values)


class ScgSignature(Output):
    """Someone signed the version for a party on the date on the document (no image of the signature is kept)."""

    id: int
    party: int | None = Field(validation_alias="party_id", description="Id of the party signed for")
    name: str
    role: str
    organisation: str
    signed_on: date


# The version's text, one field per section of the statement (engage.models.evidence.SCG_TEXT_FIELDS).
_VersionText = create_model("_VersionText", __base__=Output, **{name: (str, ...) for name in TEXT_FIELDS})


class ScgVersion(_VersionText):
    """A version of a statement: its text, matters, parties and signatures. Only a draft can be changed."""

    statement: int = Field(validation_alias="statement_id", description="Statement id")
    number: int
    status: Literal[ScgStatus.values()]
    agreed_on: date | None
    signed_on: date | None
    superseded_on: date | None
    superseded_by: int | None = Field(description="Number of the version that superseded it")
    signature_status: str = Field(description="Signed, or partly signed (n of m), or not signed")
    change_log: str = Field(description="What changed since the previous version, and why")
    matters: list[ScgMatter]
    parties: list[ScgParty]
    signatures: list[ScgSignature]
    allowed_statuses: list[Literal[ScgStatus.values()]] = Field(description="The statuses it can move to next")
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        parties = [ScgParty.of(party) for party in record.parties]
        allowed = list(TRANSITIONS.get(record.status, ()))
        later = record.superseded_by
        return super().of(
            record, parties=parties, allowed_statuses=allowed, superseded_by=later.number if later else None, **values
        )


class ScgVersionSummary(Output):
    number: int
    status: Literal[ScgStatus.values()]
    agreed_on: date | None
    signed_on: date | None


class StatementOfCommonGround(Output):
    """A Statement of Common Ground: its versions, the latest last."""

    id: int
    title: str
    plan: str | None = Field(description="Plan slug")
    lead_authority: str | None = Field(description=AUTHORITY_CODE)
    versions: list[ScgVersionSummary]
    latest: int | None = Field(description="Number of the latest version")
    created_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(
            record,
            plan=record.plan.slug if record.plan else None,
            lead_authority=record.lead_authority.code if record.lead_authority else None,
            latest=record.latest.number if record.latest else None,
            **values,
        )


_TextInput = create_model("_TextInput", __base__=Input, **{name: (Text | None, None) for name in TEXT_FIELDS})


class ScgVersionInput(_TextInput):
    """Changes to a draft version's text: only the fields sent change."""

    output = ScgVersion

    change_log: Text | None = Field(None, description="What changes since the previous version, and why")


class NewScgVersionInput(Input):
    """A new draft copying the latest version; after version 1 it needs a change log."""

    output = ScgVersion

    change_log: Text | None = Field(None, description="What changes since the previous version, and why")


class ScgPositionsInput(Input):
    """Where a party stands on the version's matters: {matter slug: agreed, not-agreed or ongoing; "" clears it}."""

    output = ScgVersion

    positions: dict[str, str] = Field(default_factory=dict, description="Position by strategic matter slug")


class StatementInput(_TextInput):
    """A new statement: it starts as a draft version 1 with the text given."""

    output = StatementOfCommonGround
    required = ("title",)

    title: Text = None
    plan: Text | None = Field(None, description="Plan slug")
    lead_authority: Text | None = Field(None, description=AUTHORITY_CODE)


class ScgMatterInput(Input):
    """Where the parties stand on a strategic matter, and why."""

    required = ("position_status",)

    position_status: one_of(MatterPosition.values()) = None
    narrative: Text | None = None


class ScgPartyInput(Input):
    """A party: an authority (its name is used unless `name` is given), or any named body."""

    name: Text | None = None
    authority: Text | None = Field(None, description=AUTHORITY_CODE)
    signatory_name: Text | None = None
    signatory_role: Text | None = None
    matters: Texts = Field(None, description="Strategic matter slugs the party signs up to")


class ScgSignatureInput(Input):
    """A signature on an agreed version: which party signed, who signed for it, and the date on the document."""

    required = ("party", "signed_on")

    party: Id | None = Field(None, description="Id of a party to the version: only parties sign")
    name: Text | None = Field(None, description="Who signed; the party's signatory when not given")
    role: Text | None = None
    signed_on: NullableDateText = Field(None, description="The date on the document: not before the version was agreed")


class ScgStatusInput(Input):
    """The status the version moves to: draft → agreed → signed → superseded (agreed can go back to draft)."""

    required = ("status",)

    status: one_of(ScgStatus.values()) = None
    on: NullableDateText = Field(
        None, description="The date on the document (agreed, signed or superseded); not before what it depends on"
    )
