from flask import render_template, request

from engage.pagination import paginate, parse_int
from engage.permissions import EDIT, VIEW, require_permission
from engage.registers import bp, queries


@bp.route("/")
@require_permission(VIEW)
def index():
    filters = queries.StakeholderFilters.from_args(request.args)
    page = paginate(queries.search(filters), parse_int(request.args.get("page"), 1), 50)
    return render_template("registers/index.html", page=page, filters=filters)


@bp.route("/new")
@require_permission(EDIT)
def new():
    return render_template("registers/index.html", page=None, filters=None)
