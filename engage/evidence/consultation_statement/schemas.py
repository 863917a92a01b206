"""How a consultation was publicised, as the API reads and writes it: the statement of consultation's "how"."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, Strict

from engage.common.schemas import Input, NullableDateText, Output, Text, one_of
from engage.vocab import PublicityMethod


class Publicity(Output):
    """One way a consultation was made known, with its dates, and the attendance of an exhibition or event."""

    id: int
    consultation: int = Field(validation_alias="consultation_id", description="The consultation's id")
    method: Literal[PublicityMethod.values()]
    description: str = Field(description="What was done and where, e.g. Notice in the Watford Observer")
    starts_on: dt.date = Field(description="The day it was done, or the first day")
    ends_on: dt.date | None = Field(description="The last day, for something that ran over several days")
    attendance: int | None = Field(description="How many came (exhibitions and events only)")


class PublicityInput(Input):
    """A way the consultation was publicised; on a change, only the fields sent change."""

    output = Publicity
    required = ("method", "description", "starts_on")

    method: one_of(PublicityMethod.values()) | None = None
    description: Text | None = Field(None, examples=["Drop-in exhibition at Watford Town Hall"])
    starts_on: NullableDateText = Field(None, json_schema_extra={"type": "string", "format": "date"})
    ends_on: NullableDateText = Field(None, json_schema_extra={"type": "string", "format": "date"})
    attendance: Annotated[int, Strict()] | None = Field(None, description="Exhibitions and events only")


class HearingListEntry(Output):
    """A representation whose maker wishes to take part in the hearing sessions. No contact details: the list with
    them is a file for the programme officer only."""

    part: str = Field(description="The part of the plan, or The plan as a whole")
    main_issues: list[str] = Field(description="The main issues (matters) the representation raises")
    representation: str = Field(description="The representation's reference, e.g. R-00123-1")
    respondent_reference: str = Field(examples=["R-00123"])
    respondent: str
    organisation: str
    agent: str = Field(description="The agent's name and organisation")
    reason: str = Field(description="Why they wish to take part")
    late: bool
