"""The public register of a consultation's representations, once officers have published it: the list (filtered by
part of the plan and nature, a page at a time), one representation, its files (the redacted copies) and the whole
register as CSV or Excel. Names and organisations, never addresses, emails, phone numbers or signatures."""

import io

from flask import Response, abort, render_template, request, send_file
from sqlalchemy import select

from engage.common.pagination import parse_int
from engage.extensions import db
from engage.models import Consultation, utcnow
from engage.permissions import public
from engage.plans import wording
from engage.plans.queries import owner
from engage.redaction import exports, publication, register
from engage.redaction.forms import RegisterFilterForm
from engage.representations.attachments import send_attachment
from engage.respond import bp


def _published(slug: str) -> Consultation:
    """The consultation (404 unless it and its register are published)."""
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == slug, Consultation.published))
    if consultation is None or not publication.is_published(consultation.id):
        abort(404)
    return consultation


def _page(template: str, consultation, **context):
    return render_template(template, owner=owner(), consultation=consultation,
                           wording=wording.for_plan(consultation.plan), **context)  # fmt: skip


@bp.route("/<slug>/representations")
@public
def register_index(slug):
    consultation = _published(slug)
    form = RegisterFilterForm(request.args, consultation)
    filters = register.RegisterFilters.from_args(request.args)
    page = register.page_of(consultation, filters, parse_int(request.args.get("page"), 1))
    return _page("respond/register_index.html", consultation, page=page, filter_form=form, filters=filters)


def _entry(consultation, reference: str):
    found = register.find(consultation, reference)
    if found is None:
        abort(404)
    return found


@bp.route("/<slug>/representations/<reference>")
@public
def register_entry(slug, reference):
    consultation = _published(slug)
    entry = register.entry(consultation, _entry(consultation, reference))
    return _page("respond/register_entry.html", consultation, entry=entry)


@bp.route("/<slug>/representations/<reference>/files/<int:attachment_id>")
@public
def register_file(slug, reference, attachment_id):
    consultation = _published(slug)
    found = register.public_file(_entry(consultation, reference), attachment_id)
    if found is None:
        abort(404)
    return send_attachment(found)


@bp.route("/<slug>/representations.<any(csv, xlsx):file_format>")
@public
def register_download(slug, file_format):
    consultation = _published(slug)
    now = utcnow()
    name = exports.file_name(consultation, now, file_format, inspector=False)
    if file_format == "csv":
        response = Response("".join(exports.csv_lines(consultation)), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    data = exports.xlsx_bytes(consultation, now)
    return send_file(io.BytesIO(data), mimetype=exports.XLSX, as_attachment=True, download_name=name)
