"""Webhooks: administrators register HTTPS endpoints that Engage tells, with signed requests, when representations
are recorded, consultations are published or close, engagements are held and Statements of Common Ground signed."""

from flask import Blueprint

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")

from engage.webhooks import routes  # noqa: E402, F401
