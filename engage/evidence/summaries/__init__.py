"""Engagement summaries for a period, per partner authority and per stakeholder, as pages, CSV, XLSX and DOCX."""

from flask import Blueprint

bp = Blueprint("summaries", __name__, url_prefix="/summaries")

from engage.evidence.summaries import routes  # noqa: E402, F401
