"""GET /api/v1/evidence/dtc-table: the co-operation (DtC) activity table as JSON, with the page's filters.

The same rows as /evidence/dtc-table and its .csv, .xlsx and .docx files (engage.evidence.dtc.rows). Malformed filters
(a date that is not a date, an end before the start, a level, source or scope that does not exist, a register,
category, strategic matter, authority or stage that is not known) are a 422 naming the parameter.
"""

from flask import request
from sqlalchemy import select

from engage.api import bp, spec
from engage.api.http import page_args, paginated_response
from engage.common.validation import ValidationError
from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.forms import stage_choices
from engage.evidence.dtc.schemas import DtcRow
from engage.extensions import db
from engage.models import Authority, Category, Register, StrategicMatter
from engage.permissions import VIEW, require_permission
from engage.vocab import DtcScope, DtcSource, EngagementKind, Level


@bp.get("/evidence/dtc-table")
@require_permission(VIEW)
def dtc_table():
    args = request.args.to_dict()
    if "stakeholder" in args and "body" not in args:
        args["body"] = args["stakeholder"]
    filters = dtc.DtcFilters.from_args(args)
    _check(filters, args)
    page, per_page = page_args()
    return paginated_response(dtc.page_of_rows(filters, page, per_page, request.url_root), DtcRow)


def _check(filters: dtc.DtcFilters, args: dict) -> None:
    errors = dict(filters.errors)
    choices = {
        "level": Level.values(),
        "source": DtcSource.values(),
        "scope": DtcScope.values(),
        "kind": EngagementKind.values(),
    }
    for name, allowed in choices.items():
        value = (args.get(name) or "").strip().lower()
        if value and value not in allowed:
            errors[name] = [f"{name.capitalize()} must be one of: {', '.join(allowed)}"]
    if filters.body == 0:
        errors["body"] = ["Body must be a stakeholder id, a whole number"]
    known = (
        ("register", Register, Register.slug, "register"),
        ("category", Category, Category.slug, "category"),
        ("matter", StrategicMatter, StrategicMatter.slug, "strategic matter"),
        ("authority", Authority, Authority.code, "authority with the code"),
    )
    for name, model, column, noun in known:
        value = getattr(filters, name)
        if value and db.session.scalar(select(model.id).where(column == value)) is None:
            errors[name] = [f"There is no {noun} ‘{value}’"]
    if filters.stage and filters.stage not in {slug for slug, _ in stage_choices()}:
        errors["stage"] = [f"There is no plan stage ‘{filters.stage}’"]
    if errors:
        raise ValidationError(errors)


DATE = {"type": "string", "format": "date"}
spec.document(
    tag=("Evidence", "The co-operation (duty to co-operate) activity table"),
    paths={
        "/evidence/dtc-table": {
            "get": {
                "summary": "The co-operation activity table",
                "description": "One row per held engagement and body, per consultation invitation and per "
                "representation, ordered by date. By default only co-operation bodies (scope=all for everyone). "
                "The same query string on /evidence/dtc-table.csv, .xlsx or .docx downloads the file.",
                "parameters": [
                    spec.query("from", "On or after this date", DATE),
                    spec.query("to", "On or before this date", DATE),
                    spec.query("stage", "Plan stage slug, e.g. reg-18"),
                    spec.query("body", "Stakeholder id of the body (alias: stakeholder)", {"type": "integer"}),
                    spec.query("category", "Category slug of the body"),
                    spec.query("register", "Register slug of the body"),
                    spec.query("matter", "Strategic matter slug (engagements only)"),
                    spec.query("authority", "Lead authority code (engagements only)"),
                    spec.query("level", "Engagement level", {"type": "string", "enum": list(Level.values())}),
                    spec.query("kind", "Engagement kind", {"type": "string", "enum": list(EngagementKind.values())}),
                    spec.query(
                        "source", "Only one kind of record", {"type": "string", "enum": list(DtcSource.values())}
                    ),
                    spec.query(
                        "scope",
                        "cooperation (default) or all stakeholders",
                        {"type": "string", "enum": list(DtcScope.values())},
                    ),
                    *spec.PAGE_PARAMETERS,
                ],
                "responses": spec.page_of(DtcRow),
            }
        }
    },
)
