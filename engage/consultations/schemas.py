"""Consultations and the parts of the plan people comment on, as the API reads and writes them (shared/API.md)."""

from typing import Annotated, Literal

from pydantic import Field

from engage.common.schemas import (
    DateTimeText,
    Flag,
    Input,
    LondonDateTime,
    Output,
    Text,
    objects,
    one_of,
)
from engage.vocab import ConsultationStatus, FormType, PartKind


class Part(Output):
    """A part of the plan people can comment on: a chapter, or a policy, paragraph or site within one."""

    ref: str
    title: str
    kind: Literal[PartKind.values()]


class Consultation(Output):
    """A consultation on the plan. Published ones are public; `status` follows from the dates."""

    id: int
    slug: str
    title: str
    stage: str = Field(description="Plan stage slug, e.g. reg-19")
    summary: str
    opens_at: LondonDateTime
    closes_at: LondonDateTime
    status: Literal[ConsultationStatus.values()]
    form_type: Literal[FormType.values()]
    published: bool
    parts: list[Part]


class PartInput(Input):
    """A part of the plan; policies, paragraphs and sites belong to the chapter above them unless `child` says."""

    ref: Text | None = Field(None, examples=["Policy SP1"])
    title: Text | None = None
    kind: one_of(PartKind.values(), default="policy") | None = None
    child: Flag | None = Field(None, description="Belongs to the chapter above")


class ConsultationInput(Input):
    """A new consultation, as a draft unless `published`."""

    output = Consultation
    required = ("title", "opens_at", "closes_at")

    slug: Text | None = Field(None, description="Derived from the title when not given")
    title: Text = None
    stage: Text | None = Field(None, description="Plan stage slug, e.g. reg-19")
    summary: Text | None = None
    opens_at: DateTimeText = None
    closes_at: DateTimeText = None
    form_type: one_of(FormType.values()) | None = None
    privacy_notice: Text | None = None
    procedure_statement: Text | None = None
    published: Flag = Field(None, json_schema_extra={"default": False})
    parts: Annotated[list[PartInput], objects('[{"ref": "Policy SP1", "title": "Growth"}]')] = None
