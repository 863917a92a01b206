"""Evidence outputs for examination, one sub-package each: the co-operation (DtC) table and matrix (`dtc`),
Statements of Common Ground (`common_ground`), the statement of consultation (`consultation_statement`),
engagement summaries (`summaries`), the dashboard (`dashboard`), the pre-submission warnings (`warnings`) and the
chronology of each strategic matter (`chronology`).
This package's blueprint serves the index page that lists them and nests each output's blueprint, so their
endpoints read `evidence.dtc.table`."""

from flask import Blueprint

bp = Blueprint("evidence", __name__, url_prefix="/evidence")

from engage.evidence import routes  # noqa: E402, F401, I001
from engage.evidence.chronology import bp as chronology_bp  # noqa: E402
from engage.evidence.common_ground import bp as common_ground_bp  # noqa: E402
from engage.evidence.consultation_statement import bp as consultation_statement_bp  # noqa: E402
from engage.evidence.dashboard import bp as dashboard_bp  # noqa: E402
from engage.evidence.dtc import bp as dtc_bp  # noqa: E402
from engage.evidence.summaries import bp as summaries_bp  # noqa: E402
from engage.evidence.warnings import bp as warnings_bp  # noqa: E402

children = (dtc_bp, common_ground_bp, consultation_statement_bp, summaries_bp, dashboard_bp, warnings_bp, chronology_bp)
for child in children:
    bp.register_blueprint(child)
