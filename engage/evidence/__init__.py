"""Evidence outputs for examination: the co-operation (DtC) table and matrix, and (helper G2) statements of
common ground, the statement of consultation, summaries and dashboard charts."""

from flask import Blueprint

bp = Blueprint("evidence", __name__, url_prefix="/evidence")

# Route modules, one import a line (G2 adds its own here).
from engage.evidence import dtc_routes  # noqa: E402, F401, I001
from engage.evidence import scg_routes  # noqa: E402, F401
from engage.evidence import soc_routes  # noqa: E402, F401
from engage.evidence import summaries_routes  # noqa: E402, F401
from engage.evidence import dashboard_routes  # noqa: E402, F401
