"""Respondents' personal data, as the API reads and writes it: finding a person, erasing, and a subject access
export."""

from datetime import date
from typing import Annotated, Any, Self

from pydantic import Field, Strict

from engage.common.schemas import Flag, Input, Output, Text
from engage.models import utcnow
from engage.personal_data import retention


class RespondentFound(Output):
    """A respondent record (one a consultation responded to) whose personal data is still held."""

    id: int
    reference: str
    name: str
    organisation: str
    email: str
    consultation: int = Field(description="The consultation's id")
    representations: int = Field(description="How many representations they made")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(
            record, consultation=record.consultation_id, representations=len(record.representations), **values
        )


class Erasure(Output):
    erased: list[str] = Field(description="References of the respondents whose personal data was erased")


class ErasureInput(Input):
    """Erase a respondent's personal data: pseudonymised, never deleted, so the counts stay (docs/privacy.md)."""

    required = ("reason", "delete_text")

    reason: Text | None = Field(None, description="Why; recorded in the audit trail. No personal data.")
    delete_text: Flag | None = Field(
        None, description="Also delete what they wrote (comment, proposed change, why heard, answers)"
    )
    same_person: Flag | None = Field(
        None, description="Also erase their responses to other consultations sent with the same email address"
    )


class SubjectAccess(Output):
    """Everything held on a person: their respondent records with their representations, stakeholder register
    entries, notices sent to them and the audit trail's entries about them. The files are in the ZIP the officer
    pages give."""

    generated_at: str
    respondents: list[dict[str, Any]]
    stakeholders: list[dict[str, Any]]
    notifications: list[dict[str, Any]]
    audit: list[dict[str, Any]]


class Retention(Output):
    """How long a plan keeps respondents' personal data, and whose is due to be erased."""

    plan: int = Field(description="The plan's id")
    retention_years: int = Field(
        description="Years after the consultation closed, or after adoption if later, before erasure"
    )
    adopted_on: date | None = Field(description="The plan's recorded adoption, from when the period runs")
    due_respondents: int = Field(description="Respondents whose personal data the next retention run erases")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        _, due = retention.due(record, utcnow())
        return super().of(
            record, plan=record.id, adopted_on=retention.adopted_on(record), due_respondents=len(due), **values
        )


class RetentionInput(Input):
    output = Retention
    required = ("retention_years",)

    retention_years: Annotated[int, Strict()] | None = Field(None, description="From 1 to 100")
