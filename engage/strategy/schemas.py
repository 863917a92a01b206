"""Entries of the communications strategy as the API reads and writes them: who (a register or named
stakeholders), how, how often, from when, led by which authority."""

import warnings
from datetime import date
from typing import Any, Literal, Self

from pydantic import AliasPath, Field

from engage.common.schemas import (
    ClockTime,
    Ids,
    Input,
    LondonDateTime,
    NullableDateText,
    Output,
    RowIds,
    Slugs,
    Text,
    Texts,
    TimeText,
    one_of,
)
from engage.engagements.schemas import Engagement
from engage.vocab import Cadence, Level, Mechanism

# A field called `register` hides ABCMeta.register on the model class, which nothing here calls: pydantic's
# warning about it says nothing useful.
warnings.filterwarnings("ignore", message='Field name "register" in "StrategyEntry', category=UserWarning)


class StrategyEntry(Output):
    """One line of the communications strategy. Scheduling it plans its engagements."""

    id: int
    title: str
    register: str | None = Field(description="Register slug")
    stakeholders: RowIds = Field(description="Stakeholder ids named besides (or instead of) a register")
    mechanism: Literal[Mechanism.values()]
    cadence: Literal[Cadence.values()]
    level: Literal[Level.values()]
    lead_authority: str = Field(validation_alias=AliasPath("lead_authority", "code"), description="Authority code")
    starts_on: date
    ends_on: date | None
    time_of_day: ClockTime = Field(description="When its engagements start, in Europe/London")
    duration_minutes: int
    stages: Slugs = Field(description="Plan stage slugs: a per-stage cadence plans one at each")
    matters: Slugs = Field(description="Strategic matter slugs")
    owner: str
    key_messages: str
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(record, register=record.register.slug if record.register else None, **values)


class StrategyEntryInput(Input):
    """A strategy entry. Name a register, or stakeholders, or both. Stage and matter slugs that do not exist are
    left out."""

    output = StrategyEntry
    required = ("title", "mechanism", "cadence", "level", "lead_authority", "starts_on")

    title: Text = None
    register: Text | None = Field(None, description="Register slug, e.g. members-forum")
    stakeholders: Ids = None
    mechanism: one_of(Mechanism.values()) = None
    cadence: one_of(Cadence.values()) = None
    level: one_of(Level.values()) = None
    lead_authority: Text = Field(None, description="Authority code, e.g. WBC")
    starts_on: NullableDateText = None
    ends_on: NullableDateText = None
    time_of_day: TimeText = Field(None, description="HH:MM, 24-hour clock; 10:00 when not given")
    stages: Texts = Field(None, description="Plan stage slugs")
    matters: Texts = Field(None, description="Strategic matter slugs")
    owner: Text | None = Field(None, description="Who looks after it")
    key_messages: Text | None = None


class StrategyEntryChanges(StrategyEntryInput):
    """Changes to a strategy entry: only the fields sent change."""

    required = ()


class ScheduledEngagements(Output):
    """What scheduling planned: the engagements added (those planned before are kept as they are)."""

    entry: int = Field(description="Strategy entry id")
    added: list[Engagement] = Field(description="The planned engagements added; empty when all were there")


class ScheduledAll(Output):
    """What scheduling every entry planned."""

    added: int = Field(description="Planned engagements added across the strategy (0 when all were there)")
