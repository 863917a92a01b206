from flask import Blueprint

from engage.consult.dates import govuk_datetime

bp = Blueprint("consult", __name__, url_prefix="/consult")
bp.add_app_template_filter(govuk_datetime, "govuk_datetime")

from engage.consult import routes  # noqa: E402, F401
