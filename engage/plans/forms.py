"""Forms for setting up a plan, its stages' dates and the authorities that can be partners. Field names follow the
API's, so a service's errors land next to the field they are about."""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from engage.common.fields import GovDateField, ServiceErrorsMixin
from engage.common.forms import BaseForm
from engage.models import Authority, Plan
from engage.vocab import AuthorityKind, PlanRoute

STAGE_DATES = (
    ("starts_on", "Predicted start"),
    ("ends_on", "Predicted end"),
    ("actual_starts_on", "Actual start"),
    ("actual_ends_on", "Actual end"),
)


class PlanForm(ServiceErrorsMixin, BaseForm):
    name = StringField("Name of the plan", widget=GovTextInput())
    slug = StringField(
        "Short name for web addresses (optional)",
        widget=GovTextInput(),
        description="Lowercase letters, numbers and hyphens, like local-plan. Made from the name when left empty.",
    )
    route = RadioField(
        "Which regulations is the plan prepared under?",
        widget=GovRadioInput(),
        choices=[SelectChoice(r.value, r.label) for r in PlanRoute],
        validate_choice=False,
        description="Plans started since 25 March 2026 follow the 2026 regulations. The stages come from the route.",
    )
    description = StringField("Description (optional)", widget=GovTextArea())
    lead_authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    partners = SelectMultipleField(
        "Partner authorities", widget=GovCheckboxesInput(), validate_choice=False, description="Select all that apply"
    )
    reference = StringField(
        "Planning data reference (optional)",
        widget=GovTextInput(),
        description="How the plan is known in the national planning data. The short name when left empty.",
    )
    period_start = GovDateField("Start of the plan period (optional)", description="For example, 1 4 2026")
    period_end = GovDateField("End of the plan period (optional)", description="For example, 31 3 2041")
    documentation_url = StringField("Web page about the plan (optional)", widget=GovTextInput())
    document_url = StringField("Link to the plan document (optional)", widget=GovTextInput())
    submit = SubmitField("Save", widget=GovSubmitInput())

    def set_authorities(self, authorities: list[Authority]) -> None:
        options = [SelectChoice(a.code, f"{a.name} ({a.code})") for a in authorities]
        self.lead_authority.choices = [SelectChoice("", "Select the lead authority"), *options]
        self.partners.choices = options

    @classmethod
    def initial(cls, plan: Plan) -> dict[str, Any]:
        data = {name: getattr(plan, name) for name in ("name", "slug", "route", "description", "reference")}
        data |= {name: getattr(plan, name) for name in ("period_start", "period_end")}
        data |= {name: getattr(plan, name) for name in ("documentation_url", "document_url")}
        data["lead_authority"] = plan.lead_authority.code if plan.lead_authority else ""
        data["partners"] = [a.code for a in plan.partners_lead_first]
        return data

    def to_data(self) -> dict[str, Any]:
        fields = ("name", "slug", "route", "description", "reference", "lead_authority", "partners")
        data = {name: self[name].data for name in fields}
        data |= {name: self[name].data for name in ("period_start", "period_end", "documentation_url", "document_url")}
        data["partners"] = data["partners"] or []
        return data


class StagesForm(ServiceErrorsMixin, BaseForm):
    """A name and four dates for each stage, as fields `s<n>_<field>` (n is the stage's place in the list)."""

    submit = SubmitField("Save dates", widget=GovSubmitInput())


def stages_form(plan: Plan):
    """A StagesForm for the plan's stages; a consultation stage's actual dates are not fields: they are its
    consultations'."""

    class Form(StagesForm):
        pass

    Form.error_fields = {}
    for number, stage in enumerate(plan.stages):
        setattr(Form, f"s{number}_name", StringField(f"Name of stage {number + 1}", widget=GovTextInput()))
        Form.error_fields[f"{stage.slug}.name"] = f"s{number}_name"
        for field, label in STAGE_DATES:
            if field.startswith("actual") and stage.is_consultation:
                continue
            setattr(Form, f"s{number}_{field}", GovDateField(f"{label} of the {stage.name}"))
            Form.error_fields[f"{stage.slug}.{field}"] = f"s{number}_{field}"
    data = {}
    for number, stage in enumerate(plan.stages):
        data[f"s{number}_name"] = stage.name
        data |= {f"s{number}_{field}": getattr(stage, field) for field, _ in STAGE_DATES}
    return Form(data=data)


def stage_changes(form, plan: Plan) -> list[dict[str, Any]]:
    changes = []
    for number, stage in enumerate(plan.stages):
        change = {"slug": stage.slug, "name": form[f"s{number}_name"].data}
        for field, _ in STAGE_DATES:
            if f"s{number}_{field}" in form:
                change[field] = form[f"s{number}_{field}"].data
        changes.append(change)
    return changes


class AuthorityForm(ServiceErrorsMixin, BaseForm):
    code = StringField("Code", widget=GovTextInput(), description="Up to 16 capital letters and numbers, like WBC")
    name = StringField("Name", widget=GovTextInput())
    kind = RadioField(
        "Kind of authority", widget=GovRadioInput(), choices=AuthorityKind.choices(), validate_choice=False
    )
    organisation = StringField(
        "Planning data organisation (optional)",
        widget=GovTextInput(),
        description="The authority's code in the national planning data, like local-authority:WAT",
    )
    submit = SubmitField("Add authority", widget=GovSubmitInput())
