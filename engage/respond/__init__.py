from flask import Blueprint

from engage.respond.dates import govuk_datetime

bp = Blueprint("respond", __name__, url_prefix="/consult")
bp.add_app_template_filter(govuk_datetime, "govuk_datetime")

from engage.respond import routes  # noqa: E402, F401
