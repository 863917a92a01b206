"""Statements of Common Ground as the API reads and writes them: a statement is a series of versions; each version
has its text, the strategic matters it covers (and where the parties stand on each), its parties and the
signatures recorded on it, and moves draft → agreed → signed → superseded."""

from datetime import date
from typing import Any, Literal, Self

from pydantic import AliasPath, Field, create_model

from engage.common.schemas import Input, LondonDateTime, NullableDateText, Output, Slugs, Text, Texts, one_of
from engage.evidence.common_ground.services import TRANSITIONS
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

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(record, authority=record.authority.code if record.authority else None, **values)


class ScgSignature(Output):
    """Someone signed the version for an organisation on a day (no image of the signature is kept)."""

    id: int
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
        return super().of(record, parties=parties, allowed_statuses=allowed, **values)


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
    """A signature on an agreed (or signed) version: who, for which organisation, on which day."""

    required = ("name", "organisation", "signed_on")

    name: Text = None
    role: Text | None = None
    organisation: Text = None
    signed_on: NullableDateText = Field(None, description="Today or earlier")


class ScgStatusInput(Input):
    """The status the version moves to: draft → agreed → signed → superseded (agreed can go back to draft)."""

    required = ("status",)

    status: one_of(ScgStatus.values()) = None
