"""Evidence outputs for examination: the co-operation (DtC) table and matrix, and (helper G2) statements of
common ground, the statement of consultation, summaries and dashboard charts."""

from flask import Blueprint

bp = Blueprint("evidence", __name__, url_prefix="/evidence")

# Route modules, one import a line (G2 adds its own here).
from engage.evidence.dtc import routes as dtc_routes  # noqa: E402, F401, I001
from engage.evidence.common_ground import routes as scg_routes  # noqa: E402, F401
from engage.evidence.consultation_statement import routes as soc_routes  # noqa: E402, F401
from engage.evidence.summaries import routes as summaries_routes  # noqa: E402, F401
from engage.evidence.dashboard import routes as dashboard_routes  # noqa: E402, F401
