"""What every feature's schemas.py builds on: the API's resources as pydantic v2 models, declared once.

- `Output`: a resource as the API answers with it. `Model.of(record)` reads the record's attributes of the same
  names (a field's `validation_alias` names another attribute, or a path such as AliasPath("authority", "code"));
  a model whose fields are worked out otherwise overrides `of` and passes them: `super().of(record, name=value)`.
  `Model.serialise(record)` is the JSON object.
- `Input`: a request body. Unknown fields are refused; the fields of its `output` model that it does not declare
  are read only and dropped when sent, so a fetched record can be sent back. Every field is optional and the
  service says what is missing, in its own words; `required` only documents what a create needs.
- Field types for input, each refusing what the database cannot store with one error type of its own (the
  messages are in engage/api/http.py): `Text` (no NUL, no lone surrogate), `Flag`, `Id` (1 … 2^31−1), `Texts`,
  `Ids`, `DateTimeText`, `NullableDateTimeText`, `NullableDateText`, `TimeText` (HH:MM), `one_of(values)` (text
  the service checks; the document lists the values), `objects(like)` and `an_object(fields)` for nested objects.
- Field types for output: `LondonDateTime` (ISO 8601 with the offset, in Europe/London), `ClockTime` (HH:MM),
  `Slugs` and `RowIds` (of related rows), `EmptyAsNull`.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    ValidationError,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError
from sqlalchemy.exc import OperationalError

from engage.common.dates import YEARS_MESSAGE, in_accepted_years, iso_datetime
from engage.common.ids import MAX_ID
from engage.common.validation import parse_time

DATE_TIME_SCHEMA = {"type": "string", "format": "date-time"}


def is_storable(value: Any) -> bool:
    """A string the database can store: no NUL character and no lone surrogate."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: Any) -> str:
    if not is_storable(value):
        raise PydanticCustomError("text", "Text without NUL characters or lone surrogates")
    return value


def _one_error(error_type: str, message: str) -> WrapValidator:
    """Anything wrong inside the value is one error for the whole field."""

    def validate(value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except ValidationError as error:
            raise PydanticCustomError(error_type, message) from error

    return WrapValidator(validate)


Text = Annotated[str, Strict(), AfterValidator(_text)]
Flag = Annotated[bool, Strict()]
Id = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
Texts = Annotated[list[Text], _one_error("text_list", "A list of text values")]
Ids = Annotated[list[Id], _one_error("id_list", "A list of whole numbers from 1")]


def one_of(values: Iterable[str], **documented: Any) -> Any:
    """Text that the service checks against `values` (its message says what to choose); the document lists them.
    The service also accepts other capitals and spaces around, as the pages do."""
    return Annotated[Text, Field(json_schema_extra={"enum": list(values), **documented})]


def texts_of(values: Iterable[str]) -> Any:
    """A list of text values, each one of `values` (checked by the service)."""
    return Annotated[list[one_of(values)], _one_error("text_list", "A list of text values")]


def _date_time(value: Any) -> datetime | None:
    """ISO 8601 with an offset ('2026-03-01T10:00:00+00:00' or '...Z') -> aware datetime; '' -> None (missing)."""
    if _text(value) == "":
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise PydanticCustomError("date_time", "A date and time with an offset")
    if not in_accepted_years(parsed):
        raise PydanticCustomError("date_range", YEARS_MESSAGE)
    return parsed


def _date(value: Any) -> date | None:
    """'2026-03-01' -> date; '' -> None (missing)."""
    if _text(value) == "":
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError as error:
        raise PydanticCustomError("date", "A date in the format YYYY-MM-DD") from error
    if not in_accepted_years(parsed):
        raise PydanticCustomError("date_range", YEARS_MESSAGE)
    return parsed


def _time(value: Any) -> time | None:
    """'14:30' (or the other ways the pages accept, like '2pm') -> time; '' -> None (missing)."""
    if _text(value) == "":
        return None
    parsed = parse_time(value)
    if parsed is None:
        raise PydanticCustomError("time", "A time of day in the 24-hour clock")
    return parsed


def _or_null(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else parse(value)


# Dates and times arrive as text; "" counts as not given, so the service's "Enter …" message says what to do.
DateTimeText = Annotated[datetime | None, BeforeValidator(_date_time), WithJsonSchema(DATE_TIME_SCHEMA)]
NullableDateTimeText = Annotated[datetime | None, BeforeValidator(_or_null(_date_time))]
NullableDateText = Annotated[date | None, BeforeValidator(_or_null(_date))]
TIME_SCHEMA = {"type": "string", "examples": ["14:30"]}
TimeText = Annotated[time | None, BeforeValidator(_time), WithJsonSchema(TIME_SCHEMA)]


def objects(like: str) -> BeforeValidator:
    """A list of JSON objects (each checked by the item's model); anything else is one error showing `like`."""

    def check(value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise PydanticCustomError("object_list", "A list of objects", {"like": like})
        return value

    return BeforeValidator(check)


def an_object(fields: str) -> BeforeValidator:
    """A JSON object or null; anything else is one error naming some of its `fields`."""

    def check(value: Any) -> Any:
        if value is not None and not isinstance(value, dict):
            raise PydanticCustomError("object", "An object", {"fields": fields})
        return value

    return BeforeValidator(check)


def _slugs(rows: Iterable[Any]) -> list[str]:
    return [row if isinstance(row, str) else row.slug for row in rows]


def _ids(rows: Iterable[Any]) -> list[int]:
    return [row if isinstance(row, int) else row.id for row in rows]


LondonDateTime = Annotated[datetime, PlainSerializer(iso_datetime), WithJsonSchema(DATE_TIME_SCHEMA)]
CLOCK_TIME_SCHEMA = {"type": "string", "pattern": "^\\d{2}:\\d{2}$"}
ClockTime = Annotated[time, PlainSerializer(lambda value: f"{value:%H:%M}"), WithJsonSchema(CLOCK_TIME_SCHEMA)]
Slugs = Annotated[list[str], BeforeValidator(_slugs)]
RowIds = Annotated[list[int], BeforeValidator(_ids)]
EmptyAsNull = Annotated[str | None, BeforeValidator(lambda value: value or None)]


def _names_a_database_failure(problem: dict) -> bool:
    """Whether pydantic's message about an attribute names one of the database driver's errors."""
    return any(
        f"attribute: {name}:" in problem["msg"] for name in ("OperationalError", "InterfaceError", "PoolTimeout")
    )


class _Overlay:
    """A record seen with some attributes given: what `Output.of` reads when a model passes worked-out values.
    (__getattribute__ rather than __getattr__: a failed lookup first would cost more than the rest of the work.)"""

    __slots__ = ("_record", "_values")

    def __init__(self, record: Any, values: dict[str, Any]):
        object.__setattr__(self, "_record", record)
        object.__setattr__(self, "_values", values)

    def __getattribute__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        return values[name] if name in values else getattr(object.__getattribute__(self, "_record"), name)


class Output(BaseModel):
    """A resource as the API answers with it: every field is always there (null when it has no value)."""

    model_config = ConfigDict(from_attributes=True, json_schema_serialization_defaults_required=True)

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        """The record's attributes of the same names as the fields, and `values` for the fields worked out.

        pydantic reports an exception raised while reading an attribute as a validation error. When that exception
        was the database failing (a lazy load on a lost connection), it is raised again as the database error it
        was, so the request is answered 503 "try again" like any other lost connection, not 500."""
        try:
            return cls.model_validate(_Overlay(record, values) if values else record, from_attributes=True)
        except ValidationError as error:
            lost = [
                e["msg"] for e in error.errors() if e["type"] == "get_attribute_error" and _names_a_database_failure(e)
            ]
            if lost:
                raise OperationalError(
                    cls.__name__, None, ConnectionError(lost[0]), connection_invalidated=True
                ) from None
            raise

    @classmethod
    def serialise(cls, record: Any) -> dict[str, Any]:
        return cls.of(record).model_dump(mode="json")


def _document_input(schema: dict[str, Any], model: type["Input"]) -> None:
    """The read-only fields are listed (a fetched record validates), and what a create needs is marked required."""
    for name in model.read_only():
        schema["properties"][name] = {"readOnly": True, "description": "Ignored when sent"}
    if model.required:
        schema["required"] = list(model.required)


class Input(BaseModel):
    """A request body: only the fields sent are set (`values()`), so a change leaves the rest as they are."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_input)
    output: ClassVar[type[Output] | None] = None
    required: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def read_only(cls) -> list[str]:
        """The fields the API returns that nobody sets."""
        returned = cls.output.model_fields if cls.output else {}
        return [name for name in returned if name not in cls.model_fields]

    @model_validator(mode="before")
    @classmethod
    def _drop_read_only(cls, data: Any) -> Any:
        if isinstance(data, dict) and cls.output is not None:
            ignored = set(cls.read_only())
            return {name: value for name, value in data.items() if name not in ignored}
        return data

    def values(self) -> dict[str, Any]:
        """The fields sent, as the services take them (nested objects as dicts)."""
        return self.model_dump(exclude_unset=True)


class ApiJsonSchema(GenerateJsonSchema):
    """JSON Schema for the OpenAPI document: no title on every field, and no default values (an input's fields are
    all optional, so a default would be a guess; a documented default is given in the field's json_schema_extra)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def default_schema(self, schema: Any) -> dict[str, Any]:
        return self.generate_inner(schema["schema"])
