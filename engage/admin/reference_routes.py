"""Admin pages for reference data: strategic matters, registers, categories and kinds of body."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from engage.admin import bp, reference
from engage.admin.forms import ReferenceForm
from engage.common.validation import ValidationError
from engage.permissions import ADMIN, require_permission

KIND = '<any("strategic-matters", registers, categories, "body-kinds"):kind>'


def _form(kind: reference.Kind, item=None) -> ReferenceForm:
    data = {field: getattr(item, field) for field, _, _ in kind.fields} if item is not None else None
    if item is not None and kind.has_category:
        data["category"] = item.category.slug
    form = ReferenceForm(data=data)
    for field, label, _ in kind.fields:
        form[field].label.text = label
    form.category.choices = [SelectChoice("", "Select a category")] + [
        SelectChoice(c.slug, c.name) for c in reference.categories()
    ]
    return form


@bp.route(f"/reference/{KIND}")
@require_permission(ADMIN)
def reference_list(kind):
    found = reference.KINDS[kind]
    return render_template("admin/reference_list.html", kind=found, kinds=reference.KINDS, items=reference.rows(found))


@bp.route(f"/reference/{KIND}/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new_reference(kind):
    return _edit(reference.KINDS[kind], None)


@bp.route(f"/reference/{KIND}/<int:item_id>/edit", methods=["GET", "POST"])
@require_permission(ADMIN)
def edit_reference(kind, item_id):
    found = reference.KINDS[kind]
    item = reference.find(found, item_id)
    if item is None:
        abort(404)
    return _edit(found, item)


def _edit(kind: reference.Kind, item):
    form = _form(kind, item)
    if form.validate_on_submit():
        try:
            reference.save(kind, form.data, current=item, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"The {kind.noun} was saved", "success")
            return redirect(url_for("admin.reference_list", kind=kind.slug))
    return render_template("admin/reference_edit.html", form=form, kind=kind, item=item)
