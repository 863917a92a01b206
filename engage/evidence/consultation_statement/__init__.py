"""The statement of consultation (Regulation 22(1)(c)) as a page, a Word document and a workbook, and the
main issues and the publicity officers record for it."""

from flask import Blueprint

bp = Blueprint("consultation_statement", __name__)

from engage.evidence.consultation_statement import publicity_routes, routes  # noqa: E402, F401
