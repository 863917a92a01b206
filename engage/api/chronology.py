"""GET /api/v1/evidence/chronology: every strategic matter with its first held engagement; and
GET /api/v1/evidence/chronology/{slug}: one matter's chronology, as on /evidence/chronology/<slug> and its Word
document (engage.evidence.chronology.queries)."""

from flask import jsonify
from sqlalchemy import select

from engage.api import bp, spec
from engage.api.http import Problem, page_of_list, paginated_response
from engage.evidence.chronology import queries
from engage.evidence.chronology.schemas import Chronology, ChronologyMatter
from engage.extensions import db
from engage.models import StrategicMatter
from engage.permissions import VIEW, require_permission


@bp.get("/evidence/chronology")
@require_permission(VIEW)
def list_chronology():
    return paginated_response(page_of_list(queries.overview()), ChronologyMatter)


@bp.get("/evidence/chronology/<slug>")
@require_permission(VIEW)
def show_chronology(slug: str):
    matter = db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == slug[:100].lower()))
    if matter is None:
        raise Problem(404, f"There is no strategic matter {slug[:100]}")
    return jsonify(Chronology.of(queries.chronology(matter)).model_dump(mode="json"))


spec.document(
    tag=("Chronology", "The chronology of engagement on each strategic matter"),
    paths={
        "/evidence/chronology": {
            "get": {
                "summary": "Strategic matters with their first held engagement",
                "description": "Every strategic matter: the day and plan stage of its first held engagement, how many "
                "held engagements and co-operation bodies, and the parties' positions in the latest version of each "
                "Statement of Common Ground.",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(ChronologyMatter),
            }
        },
        "/evidence/chronology/{slug}": {
            "get": {
                "summary": "A strategic matter's chronology",
                "description": "Each co-operation body's first held engagement on the matter and its plan stage, "
                "every held engagement in date order with its outcome, agreement, influence on the plan and "
                "evidence, and where each Statement of Common Ground (its latest version) stands on the matter. "
                "/evidence/chronology/{slug}.docx is the Word document.",
                "responses": spec.responds(Chronology),
            }
        },
    },
)
