"""Respondents' personal data, as the API reads and writes it: finding a person, erasing, and a subject access
export."""

from typing import Any, Self

from pydantic import Field

from engage.common.schemas import Flag, Input, Output, Text


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
