"""Themes and tags on a consultation's representations, linking representations to a main issue by selection, the
consultation's progress, suggested themes, an officer's response to one representation, and publishing "You said,
we did". Over engage.themes (the services and queries behind the themes pages)."""

from flask import jsonify, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import undefer

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_of_list, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations import services as intake
from engage.themes import progress, queries, services, suggest
from engage.themes.schemas import (
    BulkResult,
    Feedback,
    LinkInput,
    Progress,
    RepresentationResponse,
    RepresentationResponseInput,
    Suggestion,
    SuggestionJob,
    TagsInput,
    Theme,
    ThemeInput,
    filters_of,
)
from engage.themes.selection import Selection


def _selection(data: dict) -> Selection:
    return Selection.of(
        data.get("scope") or "",
        references=data.get("references") or [],
        filters=filters_of(data.get("search")),
        campaign=data.get("campaign") or "",
        tagged=(data.get("search") or {}).get("tagged") or "",
    )


@bp.get("/consultations/<int:consultation_id>/themes")
@require_permission(VIEW)
def list_themes(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    query = (
        select(models.Theme)
        .where(models.Theme.consultation_id == consultation.id)
        .options(undefer(models.Theme.representation_count))
        .order_by(models.Theme.name, models.Theme.id)
    )
    return paginated_response(query, Theme)


@bp.post("/consultations/<int:consultation_id>/themes")
@require_permission(EDIT)
@idempotent
def create_theme(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    data = parse_json_body(ThemeInput)
    theme = services.create_theme(consultation, data.get("name"), user=current_user)
    return jsonify(Theme.serialise(theme)), 201


@bp.patch("/themes/<int:theme_id>")
@require_permission(EDIT)
@idempotent
def rename_theme(theme_id: int):
    theme = find_or_404(models.Theme, theme_id)
    data = parse_json_body(ThemeInput)
    services.rename_theme(theme, data.get("name"), user=current_user)
    return jsonify(Theme.serialise(theme))


@bp.delete("/themes/<int:theme_id>")
@require_permission(EDIT)
@idempotent
def delete_theme(theme_id: int):
    """Answers with the theme as it was; its tags go with it, the representations stay."""
    theme = find_or_404(models.Theme, theme_id)
    answer = Theme.serialise(theme)
    services.delete_theme(theme, user=current_user)
    return jsonify(answer)


@bp.post("/consultations/<int:consultation_id>/tags")
@require_permission(EDIT)
@idempotent
def tag_representations(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    data = parse_json_body(TagsInput)
    themes = services.find_themes(consultation, data.get("themes") or [])
    matters = services.find_matters(data.get("matters") or [])
    changed = services.tag(
        consultation, _selection(data), themes, matters, remove=bool(data.get("remove")), user=current_user
    )
    return jsonify(BulkResult(changed=changed).model_dump(mode="json"))


@bp.post("/main-issues/<int:issue_id>/representations")
@require_permission(EDIT)
@idempotent
def link_main_issue(issue_id: int):
    issue = find_or_404(models.MainIssue, issue_id, "main issue")
    data = parse_json_body(LinkInput)
    changed = services.link_to_issue(issue, _selection(data), remove=bool(data.get("remove")), user=current_user)
    return jsonify(BulkResult(changed=changed).model_dump(mode="json"))


@bp.get("/consultations/<int:consultation_id>/progress")
@require_permission(VIEW)
def consultation_progress(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    return jsonify(Progress.model_validate(progress.of(consultation.id).as_dict()).model_dump(mode="json"))


@bp.get("/consultations/<int:consultation_id>/suggested-themes")
@require_permission(VIEW)
def suggested_themes(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    found = [
        Suggestion(name=each.name, terms=each.terms, representations=each.references)
        for each in suggest.current(consultation.id).suggestions
    ]
    return paginated_response(page_of_list(found), Suggestion)


@bp.post("/consultations/<int:consultation_id>/suggested-themes")
@require_permission(EDIT)
@idempotent
def find_suggested_themes(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    job = suggest.start_job(consultation, user=current_user)
    return jsonify(SuggestionJob.serialise(job)), 202


def _response(representation) -> dict:
    found = queries.response_to(representation)
    return RepresentationResponse(
        reference=representation.reference,
        text=found.text if found else "",
        responded_at=found.responded_at if found else None,
    ).model_dump(mode="json")


@bp.put("/representations/<reference>/response")
@require_permission(EDIT)
@idempotent
def respond_to_representation(reference: str):
    representation = intake.find_representation(reference)
    if representation is None:
        raise Problem(404, f"There is no representation with the reference {reference[:40]}")
    data = parse_json_body(RepresentationResponseInput)
    services.respond(representation, data.get("text"), user=current_user)
    return jsonify(_response(representation))


def _feedback(consultation) -> dict:
    found = queries.publication(consultation)
    url = url_for("respond.you_said_we_did", slug=consultation.slug, _external=True) if found else None
    return Feedback(
        consultation=consultation.id,
        published=found is not None,
        published_at=found.published_at if found else None,
        url=url,
    ).model_dump(mode="json")


@bp.get("/consultations/<int:consultation_id>/you-said-we-did")
@require_permission(VIEW)
def show_feedback(consultation_id: int):
    return jsonify(_feedback(find_or_404(models.Consultation, consultation_id)))


@bp.post("/consultations/<int:consultation_id>/you-said-we-did/publish")
@require_permission(EDIT)
@idempotent
def publish_feedback(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.publish_feedback(consultation, user=current_user)
    return jsonify(_feedback(consultation))


@bp.post("/consultations/<int:consultation_id>/you-said-we-did/unpublish")
@require_permission(EDIT)
@idempotent
def unpublish_feedback(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    services.unpublish_feedback(consultation, user=current_user)
    return jsonify(_feedback(consultation))


SELECTION = (
    " `scope` says which representations: `selected` (the `references` given), `filtered` (every one the `search`"
    " finds, with the filters of the representation list) or `campaign` (every one in `campaign`). A reference,"
    " campaign or filter that finds nothing of this consultation is a 422 and nothing is written."
)
THEME = {"responses": {**spec.responds(Theme), "404": {"$ref": "#/components/responses/NotFound"}}}

spec.document(
    tag=(
        "Themes and main issues",
        "Themes and strategic matters on representations, main issues linked by selection,"
        " progress, responses and “You said, we did”",
    ),
    paths={
        "/consultations/{consultation_id}/themes": {
            "get": {
                "summary": "List a consultation's themes, with how many representations carry each",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Theme),
            },
            "post": {
                "summary": "Name a theme",
                "requestBody": spec.json_body(ThemeInput),
                "responses": spec.responds(Theme, 201, "Named"),
            },
        },
        "/themes/{theme_id}": {
            "patch": {"summary": "Rename a theme", "requestBody": spec.json_body(ThemeInput), **THEME},
            "delete": {
                "summary": "Remove a theme",
                "description": "Its tags go with it; the representations stay. Answers with the theme as it was.",
                **THEME,
            },
        },
        "/consultations/{consultation_id}/tags": {
            "post": {
                "summary": "Tag representations with themes and strategic matters, or untag them, in bulk",
                "description": "Adds each theme (id) and strategic matter (slug) to the selected representations once;"
                " with `remove`, takes them off." + SELECTION,
                "requestBody": spec.json_body(TagsInput),
                "responses": spec.responds(BulkResult),
            },
        },
        "/main-issues/{issue_id}/representations": {
            "post": {
                "summary": "Link representations to a main issue by selection, or unlink them",
                "description": "Links each selected representation once; with `remove`, unlinks them." + SELECTION,
                "requestBody": spec.json_body(LinkInput),
                "responses": spec.responds(BulkResult),
            },
        },
        "/consultations/{consultation_id}/progress": {
            "get": {
                "summary": "How many representations are tagged, grouped, linked, redacted and answered",
                "responses": spec.responds(Progress),
            },
        },
        "/consultations/{consultation_id}/suggested-themes": {
            "get": {
                "summary": "Suggested themes for untagged representations",
                "description": "Groups of the most recent untagged representations that use the same words (TF-IDF"
                " and k-means), named by their words. Nothing is written: accept one by naming the theme and tagging"
                " its representations. Up to 1,000 untagged representations are grouped at once; above that, these"
                " are the suggestions of the latest job started with POST (none before the first).",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Suggestion),
            },
            "post": {
                "summary": "Find suggested themes in the background",
                "description": "For a large consultation: a job groups up to 30,000 untagged representations. Once it"
                " is done, GET answers with its suggestions.",
                "responses": spec.responds(SuggestionJob, 202, "Started"),
            },
        },
        "/representations/{reference}/response": {
            "put": {
                "summary": "Record the council's response to one representation",
                "description": "An empty `text` takes the response away.",
                "requestBody": spec.json_body(RepresentationResponseInput),
                "responses": spec.responds(RepresentationResponse),
            },
        },
        "/consultations/{consultation_id}/you-said-we-did": {
            "get": {"summary": "Whether “You said, we did” is published", "responses": spec.responds(Feedback)},
        },
        "/consultations/{consultation_id}/you-said-we-did/publish": {
            "post": {
                "summary": "Publish “You said, we did”",
                "description": "Once the consultation has closed and a main issue has the council's response.",
                "responses": spec.responds(Feedback),
            },
        },
        "/consultations/{consultation_id}/you-said-we-did/unpublish": {
            "post": {"summary": "Take “You said, we did” down", "responses": spec.responds(Feedback)},
        },
    },
)
