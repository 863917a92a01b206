"""Forms of the stakeholder import: the upload, and a select per column of the file."""

from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSelect, GovSubmitInput
from wtforms import SelectField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.forms import BaseForm
from engage.stakeholders.import_mapping import mapping_errors
from engage.stakeholders.imports import FIELDS

DO_NOT_IMPORT = SelectChoice("", "Do not import")


class ImportUploadForm(BaseForm):
    file = FileField(
        "Upload a file",
        widget=GovFileInput(),
        description="A CSV or XLSX file with a row of column headings, up to 100,000 rows",
        validators=[FileRequired(message="Select a CSV or XLSX file")],
    )
    submit = SubmitField("Upload file", widget=GovSubmitInput())


class ImportColumnsForm(BaseForm):
    """One select per column, added by `columns_form`; each field may be chosen for one column only."""

    submit = SubmitField("Check the rows", widget=GovSubmitInput())
    columns: list[str] = []

    @property
    def column_fields(self):
        return [self[f"column_{index}"] for index in range(len(self.columns))]

    def mapping(self) -> dict[str, str]:
        return {column: field.data or "" for column, field in zip(self.columns, self.column_fields, strict=True)}

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        errors = mapping_errors(self.columns, self.mapping())
        for column, field in zip(self.columns, self.column_fields, strict=True):
            field.errors = [*field.errors, *errors.get(column, [])]
        return valid and not errors


def columns_form(columns: list[str], mapping: dict[str, str], samples: dict[str, list[str]]) -> ImportColumnsForm:
    choices = [DO_NOT_IMPORT, *(SelectChoice(name, label) for name, label in FIELDS.items())]

    class Form(ImportColumnsForm):
        pass

    Form.columns = columns
    for index, column in enumerate(columns):
        examples = samples.get(column) or []
        hint = f"For example: {', '.join(examples)}" if examples else "This column is empty"
        field = SelectField(
            column, choices=choices, default=mapping.get(column, ""), description=hint, widget=GovSelect()
        )
        setattr(Form, f"column_{index}", field)
    return Form()
