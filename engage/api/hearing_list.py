"""GET /api/v1/evidence/hearing-list: those who wish to take part in the hearing sessions, for one consultation or
every consultation of a plan, as the public list has them (no contact details). The same rows as the
/evidence/consultation-statement/hearing-list files."""

from sqlalchemy import select

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, page_of_list, paginated_response, query_arg
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.evidence.consultation_statement import heard, queries
from engage.evidence.consultation_statement.schemas import HearingListEntry
from engage.extensions import db
from engage.permissions import VIEW, require_permission


def _scope() -> queries.Scope:
    consultation, plan = query_arg("consultation"), query_arg("plan")
    if not consultation and not plan:
        raise ValidationError({"consultation": ["Give a consultation id, or a plan slug as plan"]})
    if consultation and parse_id(consultation) is None:
        raise ValidationError({"consultation": ["Consultation must be a consultation id, a whole number"]})
    if plan and db.session.scalar(select(models.Plan.id).where(models.Plan.slug == plan)) is None:
        raise Problem(404, f"There is no plan {plan[:100]}")
    scope = queries.scope_from_args({"consultation": consultation} if consultation else {"plan": plan})
    if scope is None:
        raise Problem(404, f"There is no consultation with the id {consultation}")
    return scope


@bp.get("/evidence/hearing-list")
@require_permission(VIEW)
def hearing_list():
    return paginated_response(page_of_list(heard.entries(_scope().ids)), HearingListEntry)


spec.document(
    tag=("Hearing list", "Those who wish to take part in the hearing sessions, for the programme officer"),
    paths={
        "/evidence/hearing-list": {
            "get": {
                "summary": "Those who wish to take part in the hearing sessions",
                "description": "By part of the plan, with the representation's and the respondent's references; "
                "withdrawn representations are left out and late ones marked. No contact details.",
                "parameters": [
                    spec.query("consultation", "Consultation id", {"type": "integer"}),
                    spec.query("plan", "Plan slug: every consultation of the plan"),
                    *spec.PAGE_PARAMETERS,
                ],
                "responses": spec.page_of(HearingListEntry),
            }
        }
    },
)
