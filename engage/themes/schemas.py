"""Themes, tags, main issue links, progress, responses and "You said, we did" as the API reads and writes them."""

from typing import Annotated, Any, Literal

from pydantic import Field

from engage.common.schemas import Flag, Id, Ids, Input, LondonDateTime, Output, Text, Texts, an_object, one_of
from engage.representations.queries import RepresentationFilters
from engage.vocab import JobStatus, SelectionScope

REFERENCE = "A representation's reference, like R-00123-1"


class Theme(Output):
    """A theme officers name for one consultation, and how many representations carry it."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="Consultation id")
    name: str
    representation_count: int = Field(description="Representations tagged with it")
    created_at: LondonDateTime


class ThemeInput(Input):
    """A theme's name, unique in its consultation (whatever the capitals)."""

    output = Theme
    required = ("name",)

    name: Text = None


class Search(Input):
    """The representation search's filters (as `GET /consultations/{id}/representations` takes them)."""

    part: Text | None = Field(None, examples=["Policy SP1"])
    nature: Text | None = None
    channel: Text | None = None
    late: Text | None = Field(None, description="true or false")
    legally_compliant: Text | None = None
    sound: Text | None = None
    dtc_compliant: Text | None = None
    status: Text | None = None
    campaign: Text | None = Field(None, description="A campaign id, or none")
    tagged: Text | None = Field(None, description="A theme id: those tagged with it; none: those with no tag yet")


class SelectionInput(Input):
    """Which representations: `scope` selected (those in `references`), filtered (every one the `search` finds) or
    campaign (every one in `campaign`)."""

    scope: one_of(SelectionScope.values(), default="selected") | None = None
    references: Texts = Field(None, description=REFERENCE + "; an unknown one is a 422")
    search: Annotated[Search, an_object("part, nature, campaign")] | None = None
    campaign: Id | None = Field(None, description="A campaign id: every representation in it")


class TagsInput(SelectionInput):
    """Themes (ids) and strategic matters (slugs) to add to the selected representations, or with `remove` to take
    off them."""

    themes: Ids = Field(None, description="Theme ids of this consultation")
    matters: Texts = Field(None, description="Strategic matter slugs, like green-belt")
    remove: Flag | None = Field(None, json_schema_extra={"default": False})


class LinkInput(SelectionInput):
    """The selected representations to link to the main issue, or with `remove` to unlink from it."""

    remove: Flag | None = Field(None, json_schema_extra={"default": False})


class BulkResult(Output):
    changed: int = Field(description="Tags or links added (or removed); those already there are not counted")


class Progress(Output):
    """How far officers have got with a consultation's representations."""

    total: int
    tagged: int = Field(description="With a theme or a strategic matter")
    grouped: int = Field(description="In a campaign")
    linked: int = Field(description="Linked to a main issue")
    answered: int = Field(description="Linked to a main issue with the council's response, or answered on their own")
    redacted: int = Field(description="With at least one redaction in their text or files")


class RepresentationResponse(Output):
    """The council's response to one representation ("" and null when there is none)."""

    reference: str
    text: str
    responded_at: LondonDateTime | None


class RepresentationResponseInput(Input):
    """The council's response to one representation; an empty text takes it away."""

    output = RepresentationResponse
    required = ("text",)

    text: Text = None


class Feedback(Output):
    """Whether a consultation's "You said, we did" page is public, and where."""

    consultation: int
    published: bool
    published_at: LondonDateTime | None
    url: str | None = Field(description="The public page, while it is published")


class Suggestion(Output):
    """A group of untagged representations using the same words: a theme officers may accept."""

    name: str
    terms: list[str]
    representations: list[str] = Field(description="References")


class SuggestionJob(Output):
    """Finding a large consultation's suggested themes in the background; GET the suggested themes when it is done."""

    id: int
    status: Literal[JobStatus.values()]
    total_rows: int = Field(description="Untagged representations being grouped")
    created_at: LondonDateTime
    finished_at: LondonDateTime | None


def filters_of(search: dict[str, Any] | None) -> RepresentationFilters:
    return RepresentationFilters.from_args(
        {name: value for name, value in (search or {}).items() if value and name != "tagged"}
    )
