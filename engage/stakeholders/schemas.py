"""Stakeholders and the registers they are on, as the API reads and writes them (shared/API.md), and imports of
stakeholders from a file."""

from typing import Any, Literal, Self

from pydantic import AliasPath, Field

from engage.common.schemas import Flag, Id, Input, LondonDateTime, Output, Slugs, Text, Texts, one_of
from engage.stakeholders.imports import PREVIEW_ROWS
from engage.stakeholders.services import TEXT_FIELDS
from engage.vocab import JobStatus, PreferredChannel, StakeholderKind

AUTHORITY_CODE = "Authority code, e.g. WBC"


class Register(Output):
    """A register of stakeholders, with how many are on it."""

    id: int
    slug: str = Field(examples=["members-forum"])
    name: str
    stakeholder_count: int = Field(ge=0)

    @classmethod
    def of(cls, row: tuple[Any, int]) -> Self:
        register, count = row
        return super().of(register, stakeholder_count=count)


class Stakeholder(Output):
    """A person or organisation on the registers. For an organisation, `organisation` is its own name; for a person,
    the body they work for."""

    id: int
    kind: Literal[StakeholderKind.values()]
    title: str
    first_name: str
    last_name: str
    name: str = Field(description="Display name: the person's names or the organisation's name")
    job_title: str
    organisation: str
    organisation_id: int | None
    email: str
    phone: str
    address: str
    postcode: str
    authority: str | None = Field(None, validation_alias=AliasPath("authority", "code"), description=AUTHORITY_CODE)
    registers: Slugs
    categories: Slugs
    body_kinds: Slugs
    party: str
    ward: str
    constituency: str
    preferred_channel: Literal[PreferredChannel.values()]
    accessibility_needs: str
    language: str
    agent_id: int | None
    do_not_contact: bool
    consent_to_notifications: bool
    notes: str
    erased_at: LondonDateTime | None
    created_at: LondonDateTime
    updated_at: LondonDateTime

    @classmethod
    def of(cls, record: Any) -> Self:
        shown = record.organisation_name if record.kind == "organisation" else record.organisation_label
        return super().of(record, organisation=shown)


def _limited(field: str, **documented: Any) -> Any:
    return Field(None, json_schema_extra={"maxLength": TEXT_FIELDS[field]}, **documented)


class StakeholderInput(Input):
    """A new stakeholder, or the fields to change (only those sent change). A person needs a first or last name; an
    organisation needs `organisation`."""

    output = Stakeholder

    kind: one_of(StakeholderKind.values(), default="person") = None
    title: Text | None = _limited("title")
    first_name: Text | None = _limited("first_name")
    last_name: Text | None = _limited("last_name")
    job_title: Text | None = _limited("job_title")
    organisation: Text | None = Field(
        None,
        description="Organisation name (for an organisation, its own name)",
        json_schema_extra={"maxLength": 300},
    )
    organisation_id: Id | None = Field(None, description="Record number of the organisation a person belongs to")
    email: Text | None = Field(None, json_schema_extra={"format": "email"})
    phone: Text | None = _limited("phone")
    address: Text | None = _limited("address")
    postcode: Text | None = None
    authority: Text | None = Field(None, description=AUTHORITY_CODE)
    registers: Texts = Field(None, description="Register slugs, e.g. general-consultees")
    categories: Texts = Field(None, description="Category slugs, e.g. specific-consultation-body")
    body_kinds: Texts = None
    party: Text | None = _limited("party")
    ward: Text | None = _limited("ward")
    constituency: Text | None = _limited("constituency")
    preferred_channel: one_of(PreferredChannel.values(), default="email") = None
    accessibility_needs: Text | None = _limited("accessibility_needs")
    language: Text | None = _limited("language")
    agent_id: Id | None = Field(None, description="Record number of the stakeholder's agent")
    do_not_contact: Flag = None
    consent_to_notifications: Flag = None
    notes: Text | None = _limited("notes")


class ImportRowErrors(Output):
    """A row of the file that will not be imported, and why."""

    row: int = Field(description="The row in the spreadsheet, counting the heading row as 1")
    errors: list[str]


class ImportCheck(Output):
    """Every row checked as the import would: the same rules as adding a stakeholder, and duplicates."""

    valid: int = Field(description="Rows that will be imported")
    invalid: int = Field(description="Rows that will be skipped")
    invalid_rows: list[ImportRowErrors] = Field(description="The first 50 rows that will be skipped")


class ImportReason(Output):
    message: str
    rows: int


class ImportResult(Output):
    """What the import did: every valid row imported in one go, or nothing."""

    rows: int
    imported: int
    skipped: int
    reasons: list[ImportReason] = Field(description="Why rows were skipped, the commonest first")
    skipped_rows: list[ImportRowErrors] = Field(description="The first 500 rows skipped")


class StakeholderImport(Output):
    """An import of stakeholders from a CSV or XLSX file. While a `draft`, its column mapping can be changed and
    `check` says what importing would do; started, it is `pending`, `running`, then `done` (see `result`) or
    `failed` (see `error`: nothing was imported)."""

    id: int
    filename: str
    status: Literal["draft", *JobStatus.values()]
    columns: list[str] = Field(description="The file's column headings")
    mapping: dict[str, str] = Field(description="The field each column feeds ('' = not imported)")
    mapping_errors: dict[str, list[str]] = Field(
        description="While a draft: what is wrong with the mapping, by column (it cannot start until it is fixed)"
    )
    rows: int = Field(validation_alias="total_rows", description="Rows in the file, below the headings")
    processed_rows: int
    check: ImportCheck | None = Field(description="While a draft: what importing would do")
    result: ImportResult | None = Field(description="When done")
    error: str | None = Field(description="When failed")

    @classmethod
    def of(cls, record: Any, check: Any = None, mapping_errors: dict[str, list[str]] | None = None) -> Self:
        """`record` is the import's Job; while it is a draft, `check` is an imports.Check of its rows and
        `mapping_errors` the messages about its mapping."""
        params, result = record.params or {}, record.result or {}
        checked = None
        if check is not None:
            shown = [ImportRowErrors(row=row.number, errors=row.errors) for row in check.invalid[:PREVIEW_ROWS]]
            checked = ImportCheck(valid=len(check.valid), invalid=len(check.invalid), invalid_rows=shown)
        done = None
        if record.status == "done" and "imported" in result:
            done = ImportResult(
                rows=result["rows"],
                imported=result["imported"],
                skipped=result["skipped"],
                reasons=[ImportReason(message=message, rows=count) for message, count in result.get("reasons", [])],
                skipped_rows=[ImportRowErrors.model_validate(row) for row in result.get("skipped_rows", [])],
            )
        return super().of(
            record,
            columns=params.get("columns", []),
            mapping=params.get("mapping", {}),
            mapping_errors=mapping_errors or {},
            check=checked,
            result=done,
            error=result.get("error") if record.status == "failed" else None,
        )


class ImportMappingInput(Input):
    """Which field each column feeds: the columns named change ('' = do not import), the others keep theirs. Each
    field once; at least one of first_name, last_name and organisation."""

    required = ("mapping",)

    mapping: dict[Text, Text] = Field(
        None, description="Column heading to field name", examples=[{"Surname": "last_name", "Notes": ""}]
    )
