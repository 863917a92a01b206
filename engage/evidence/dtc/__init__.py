"""The co-operation (duty to co-operate) activity table, as a page, CSV, XLSX and DOCX, and the body × matter
matrix."""

from flask import Blueprint

bp = Blueprint("dtc", __name__)

from engage.evidence.dtc import routes  # noqa: E402, F401
