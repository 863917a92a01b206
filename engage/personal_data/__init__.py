"""Respondents' personal data: find a person, erase them (pseudonymise, keeping the counts the law needs), export
everything held on them (a subject access request), and each plan's retention period."""

from flask import Blueprint

bp = Blueprint("personal_data", __name__, url_prefix="/personal-data")

from engage.personal_data import routes  # noqa: E402, F401
