"""The filter panel of the co-operation table and matrix: a GET form, so it works without JavaScript, the URL can be
shared, and the same query string fetches the CSV, XLSX and DOCX files."""

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovTextInput
from sqlalchemy import select
from wtforms import RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice

from engage.common.forms import QueryForm
from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.text import label
from engage.extensions import db
from engage.models import Authority, Category, Consultation, PlanStage, Register, Stakeholder, StrategicMatter
from engage.vocab import ConsultationStage, DtcScope, DtcSource, Level


def filter_choices(rows, empty: str) -> list[SelectChoice]:
    return [SelectChoice("", empty), *(SelectChoice(str(value), text) for value, text in rows)]


def stage_choices() -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for slug, name in db.session.execute(select(PlanStage.slug, PlanStage.name).order_by(PlanStage.position)):
        names.setdefault(slug, name)
    for (slug,) in db.session.execute(select(Consultation.stage).where(Consultation.stage != "").distinct()):
        names.setdefault(slug, ConsultationStage.label_of(slug, label(slug)))
    return list(names.items())


def body_choices(selected: int | None) -> list[tuple[int, str]]:
    """Co-operation bodies (organisations, or people not in an organisation), by name; the chosen one always."""
    conditions = dtc.body_conditions(Stakeholder.id, dtc.DtcFilters())
    query = (
        select(Stakeholder)
        .where(Stakeholder.organisation_id.is_(None), Stakeholder.erased_at.is_(None), *conditions)
        .order_by(Stakeholder.sort_name)
        .limit(1000)
    )
    bodies = [(s.id, s.name) for s in db.session.scalars(query)]
    if selected and selected not in {body_id for body_id, _ in bodies}:
        chosen = db.session.get(Stakeholder, selected)
        if chosen is not None:
            bodies.insert(0, (chosen.id, chosen.name))
    return bodies


class DtcFilterForm(QueryForm):
    date_from = StringField("From", name="from", widget=GovTextInput())
    date_to = StringField("To", name="to", widget=GovTextInput())
    scope = RadioField(
        "Who",
        widget=GovRadioInput(),
        choices=[SelectChoice("", DtcScope.COOPERATION.label), SelectChoice(DtcScope.ALL.value, DtcScope.ALL.label)],
        validate_choice=False,
        default="",
    )
    source = SelectField("Records", widget=GovSelect(), validate_choice=False)
    stage = SelectField("Plan stage", widget=GovSelect(), validate_choice=False)
    body = SelectField("Body", widget=GovSelect(), validate_choice=False)
    category = SelectField("Body category", widget=GovSelect(), validate_choice=False)
    register = SelectField("Register", widget=GovSelect(), validate_choice=False)
    matter = SelectField("Strategic matter", widget=GovSelect(), validate_choice=False)
    authority = SelectField("Lead authority", widget=GovSelect(), validate_choice=False)
    level = SelectField("Level", widget=GovSelect(), validate_choice=False)

    def __init__(self, formdata, filters: dtc.DtcFilters):
        super().__init__(formdata)
        self.source.choices = DtcSource.choices("All records")
        self.stage.choices = filter_choices(stage_choices(), "All stages")
        self.body.choices = filter_choices(body_choices(filters.body), "All bodies")
        self.category.choices = filter_choices(
            db.session.execute(select(Category.slug, Category.name).order_by(Category.position)), "All categories"
        )
        self.register.choices = filter_choices(
            db.session.execute(select(Register.slug, Register.name).order_by(Register.position)), "All registers"
        )
        self.matter.choices = filter_choices(
            db.session.execute(select(StrategicMatter.slug, StrategicMatter.name).order_by(StrategicMatter.name)),
            "All matters",
        )
        self.authority.choices = filter_choices(
            db.session.execute(select(Authority.code, Authority.name).order_by(Authority.name)), "All authorities"
        )
        self.level.choices = Level.choices("All levels", short=True)
        if filters.scope == "all":
            self.scope.data = "all"
        self.date_from.errors = list(filters.errors.get("from", []))
        self.date_to.errors = list(filters.errors.get("to", []))

    @property
    def has_errors(self) -> bool:
        return bool(self.date_from.errors or self.date_to.errors)


def describe(form: DtcFilterForm, filters: dtc.DtcFilters) -> list[str]:
    """The filters in words, for the files' 'About' notes: 'Plan stage: Regulation 18'."""
    lines = [f"Who: {DtcScope.label_of(filters.scope)}"]
    if filters.date_from or filters.date_to:
        start = filters.date_from.isoformat() if filters.date_from else "the start"
        end = filters.date_to.isoformat() if filters.date_to else "today"
        lines.append(f"Period: {start} to {end}")
    for field in (form.source, form.stage, form.body, form.category, form.register, form.matter, form.authority):
        value = getattr(filters, field.short_name)
        if value not in ("", None):
            chosen = next((c.label for c in field.choices if c.value == str(value)), str(value))
            lines.append(f"{field.label.text}: {chosen}")
    if filters.level:
        lines.append(f"Level: {Level.label_of(filters.level).lower()}")
    return lines
