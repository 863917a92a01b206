"""The themes page of a consultation: the representation search with a tick box per representation, and one form
to tag them (themes, strategic matters) or link them to a main issue: the ticked ones, everything the search finds,
or a whole campaign. Naming, renaming and removing themes."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.campaigns import queries as campaign_queries
from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.consultations.forms import RepresentationFilterForm
from engage.extensions import db
from engage.models import Consultation, Theme
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations import queries as representation_queries
from engage.themes import bp, bulk, progress, queries, selection, services
from engage.themes.forms import BulkForm, ConfirmForm, TaggedFilterForm, ThemeForm

PER_PAGE = 50


class Search:
    """The search in the query string: the representation list's filters, and `tagged` (a theme id, or none)."""

    def __init__(self, args):
        self.filters = representation_queries.RepresentationFilters.from_args(args)
        tagged = (args.get("tagged") or "").strip()[:20]
        self.tagged = "" if selection.tagged_problems(tagged) else tagged

    def as_args(self) -> dict[str, str]:
        return {**self.filters.as_args(), **({"tagged": self.tagged} if self.tagged else {})}


def _index_page(
    consultation: Consultation, search: Search, form: BulkForm | None = None, theme_form: ThemeForm | None = None
):
    query, count = queries.representations_query(consultation.id, search.filters, search.tagged)
    page = paginate(query, parse_int(request.args.get("page"), 1), PER_PAGE, count)
    filter_form = RepresentationFilterForm(request.args, consultation)
    problems = representation_queries.filter_problems([part.ref for part in consultation.parts], request.args)
    problems.update(selection.tagged_problems((request.args.get("tagged") or "").strip()[:20]))
    themes = queries.themes_with_counts(consultation.id)
    tagged_form = TaggedFilterForm(request.args, [theme for theme, _ in themes])
    filter_errors = filter_form.show_problems({k: v for k, v in problems.items() if k != "tagged"})
    filter_errors += tagged_form.show_problems({k: v for k, v in problems.items() if k == "tagged"})
    theme_form = theme_form or ThemeForm(formdata=None)
    theme_errors = [{"text": message, "href": "#name"} for message in theme_form.name.errors]
    form = form or BulkForm()
    form.set_choices(
        [theme for theme, _ in themes],
        queries.matters(),
        queries.issues_of(consultation.id),
        campaign_queries.campaigns_of(consultation.id),
    )
    return render_template(
        "themes/index.html",
        consultation=consultation,
        page=page,
        filter_form=filter_form,
        tagged_form=tagged_form,
        search_args=search.as_args(),
        form=form,
        theme_form=theme_form,
        themes=themes,
        progress=progress.of(consultation.id),
        error_list=filter_errors + theme_errors or None,
    )


@bp.route("/consultations/<int:consultation_id>")
@require_permission(VIEW)
def index(consultation_id):
    consultation = db.get_or_404(Consultation, consultation_id)
    return _index_page(consultation, Search(request.args))


@bp.route("/consultations/<int:consultation_id>/bulk", methods=["POST"])
@require_permission(EDIT)
def bulk_action(consultation_id):
    """The search's filters come in the query string, so "all matching" means what the officer saw."""
    consultation = db.get_or_404(Consultation, consultation_id)
    search = Search(request.args)
    form = BulkForm()
    if form.validate_on_submit():
        try:
            message = bulk.apply(consultation, form.to_data(), search.filters, search.tagged, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(message, "success")
            return redirect(url_for("themes.index", consultation_id=consultation.id, **search.as_args()))
    return _index_page(consultation, search, form=form)


@bp.route("/consultations/<int:consultation_id>/themes", methods=["POST"])
@require_permission(EDIT)
def new_theme(consultation_id):
    """The search's filters come in the query string, so the officer is back where they were."""
    consultation = db.get_or_404(Consultation, consultation_id)
    search = Search(request.args)
    form = ThemeForm()
    if form.validate_on_submit():
        try:
            theme = services.create_theme(consultation, form.name.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash(f"Theme ‘{theme.name}’ added", "success")
            return redirect(url_for("themes.index", consultation_id=consultation.id, **search.as_args()))
    return _index_page(consultation, search, theme_form=form)


@bp.route("/<int:theme_id>/edit", methods=["GET", "POST"])
@require_permission(EDIT)
def edit_theme(theme_id):
    theme = db.get_or_404(Theme, theme_id)
    form = ThemeForm(data={"name": theme.name} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            services.rename_theme(theme, form.name.data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            flash("Theme renamed", "success")
            return redirect(url_for("themes.index", consultation_id=theme.consultation_id))
    return render_template("themes/edit_theme.html", theme=theme, consultation=theme.consultation, form=form)


@bp.route("/<int:theme_id>/delete", methods=["GET", "POST"])
@require_permission(EDIT)
def delete_theme(theme_id):
    """Are you sure? The representations stay; only the theme and its tags go."""
    theme = db.get_or_404(Theme, theme_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        consultation_id = theme.consultation_id
        services.delete_theme(theme, user=current_user)
        flash("Theme removed", "success")
        return redirect(url_for("themes.index", consultation_id=consultation_id))
    count = dict((t.id, n) for t, n in queries.themes_with_counts(theme.consultation_id)).get(theme.id, 0)
    return render_template(
        "themes/delete_theme.html", theme=theme, consultation=theme.consultation, form=form, count=count
    )
