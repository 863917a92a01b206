"""GET /api/v1/evidence/dtc-table: the co-operation (DtC) activity table as JSON, with the page's filters; and
GET /api/v1/evidence/dtc-matrix: the body × strategic matter matrix (engage.evidence.dtc.matrix) with the same.

The same rows as /evidence/dtc-table and its .csv, .xlsx and .docx files (engage.evidence.dtc.rows). Malformed filters
(a date that is not a date, an end before the start, a level, source or scope that does not exist, a register,
category, strategic matter, authority or stage that is not known) are a 422 naming the parameter.
"""

from flask import jsonify, request
from sqlalchemy import select

from engage.api import bp, spec
from engage.api.http import page_args, paginated_response
from engage.common.validation import ValidationError
from engage.evidence.dtc import matrix
from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.forms import stage_choices
from engage.evidence.dtc.schemas import DtcMatrix, DtcRow
from engage.extensions import db
from engage.models import Authority, Category, Register, StrategicMatter
from engage.permissions import VIEW, require_permission
from engage.vocab import DtcScope, DtcSource, EngagementKind, Level


@bp.get("/evidence/dtc-table")
@require_permission(VIEW)
def dtc_table():
    filters = _filters()
    page, per_page = page_args()
    return paginated_response(dtc.page_of_rows(filters, page, per_page, request.url_root), DtcRow)


@bp.get("/evidence/dtc-matrix")
@require_permission(VIEW)
def dtc_matrix():
    return jsonify(DtcMatrix.of(matrix.build(_filters())).model_dump(mode="json"))


def _filters() -> dtc.DtcFilters:
    args = request.args.to_dict()
    if "stakeholder" in args and "body" not in args:
        args["body"] = args["stakeholder"]
    filters = dtc.DtcFilters.from_args(args)
    _check(filters, args)
    return filters


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
FILTERS = [
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
    spec.query("source", "Only one kind of record", {"type": "string", "enum": list(DtcSource.values())}),
    spec.query(
        "scope",
        "cooperation (default) or all stakeholders",
        {"type": "string", "enum": list(DtcScope.values())},
    ),
]

spec.document(
    tag=("Evidence", "The co-operation (duty to co-operate) activity table and the body × matter matrix"),
    paths={
        "/evidence/dtc-table": {
            "get": {
                "summary": "The co-operation activity table",
                "description": "One row per held engagement and body, per consultation invitation and per "
                "representation, ordered by date. By default only co-operation bodies (scope=all for everyone). "
                "The same query string on /evidence/dtc-table.csv, .xlsx or .docx downloads the file.",
                "parameters": [*FILTERS, *spec.PAGE_PARAMETERS],
                "responses": spec.page_of(DtcRow),
            }
        },
        "/evidence/dtc-matrix": {
            "get": {
                "summary": "The body × strategic matter matrix",
                "description": "For each co-operation body (scope=all: every body with a held engagement) and"
                " strategic matter: the latest agreement, the last held engagement and whether it is a gap. The table's"
                " filters apply; at most 500 bodies (`truncated` says when more matched), as on /evidence/dtc-matrix.",
                "parameters": FILTERS,
                "responses": spec.responds(DtcMatrix),
            }
        },
    },
)
