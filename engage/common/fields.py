"""Form fields shared by more than one feature."""

from datetime import datetime

from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import DateField

from engage.common.dates import YEARS_MESSAGE, in_accepted_years


class GovDateField(DateField):
    """Day, month and year boxes; a clear message when they do not make a real date; empty boxes give None."""

    def __init__(self, label=None, validators=None, message="Enter a real date, like 27 3 2027", **kwargs):
        super().__init__(label, validators, format="%d %m %Y", widget=GovDateInput(), **kwargs)
        self.message = message

    def process_formdata(self, valuelist):
        valuelist = [str(value) for value in (list(valuelist) + ["", "", ""])[:3]]
        self.raw_data = valuelist  # the widget shows exactly three boxes, whatever was sent
        if not valuelist or not "".join(valuelist).strip():
            self.data = None
            return
        try:
            self.data = datetime.strptime(" ".join(v.strip() for v in valuelist), "%d %m %Y").date()
        except ValueError as error:
            self.data = None
            raise ValueError(self.message) from error
        if not in_accepted_years(self.data):
            self.data = None
            raise ValueError(YEARS_MESSAGE)


class ServiceErrorsMixin:
    """Puts the messages of a service's ValidationError next to the form's fields.

    `error_fields` maps a service's field name to the form's where they differ; a key the form has no field for goes
    to `fallback_field`, or to the first field when the form has no such field.
    """

    error_fields: dict[str, str] = {}
    fallback_field: str | None = None

    def add_errors(self, errors: dict[str, list[str]]) -> None:
        fallback = self._fields.get(self.fallback_field or "") or next(iter(self._fields.values()))
        for key, messages in errors.items():
            field = self._fields.get(self.error_fields.get(key, key)) or fallback
            field.errors = [*field.errors, *messages]
