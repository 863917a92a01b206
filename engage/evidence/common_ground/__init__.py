"""Statements of Common Ground: versions, the matters and parties they cover, signatures, and the Word
document."""

from flask import Blueprint

bp = Blueprint("common_ground", __name__, url_prefix="/common-ground")

from engage.evidence.common_ground import routes, signing_routes  # noqa: E402, F401
