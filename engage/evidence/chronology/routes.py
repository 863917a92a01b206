"""The chronology pages: every strategic matter with when it was first engaged, and one matter's chronology as a
page and a Word document."""

from flask import Response, render_template
from sqlalchemy import select

from engage.common import office
from engage.common.dates import LONDON
from engage.evidence.chronology import bp, exports, queries
from engage.extensions import db
from engage.models import StrategicMatter, utcnow
from engage.permissions import VIEW, require_permission


def _matter_or_404(slug: str) -> StrategicMatter:
    return db.first_or_404(select(StrategicMatter).where(StrategicMatter.slug == slug[:100].lower()))


@bp.route("/")
@require_permission(VIEW)
def index():
    return render_template("evidence/chronology/index.html", lines=queries.overview())


@bp.route("/<slug>")
@require_permission(VIEW)
def show(slug: str):
    chronology = queries.chronology(_matter_or_404(slug))
    return render_template("evidence/chronology/show.html", chronology=chronology, title=exports.title(chronology))


@bp.route("/<slug>.docx")
@require_permission(VIEW)
def download(slug: str):
    chronology = queries.chronology(_matter_or_404(slug))
    now = utcnow()
    response = Response(exports.docx_bytes(chronology, now), mimetype=office.DOCX_MIMETYPE)
    filename = f"chronology-{chronology.matter.slug}-{now.astimezone(LONDON):%Y-%m-%d}.docx"
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response
