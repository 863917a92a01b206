"""Statements of Common Ground: list, start, read; each version with its text, matters, parties and signatures;
change a draft, record signatures, move a version on and start a new one. Over
engage.evidence.common_ground.services, as the pages (the rules, and their messages, are there)."""

from datetime import datetime

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_of_list, paginated_response, parse_json_body, validate_body
from engage.api.idempotency import idempotent
from engage.common.dates import LONDON
from engage.common.schemas import MAX_ID
from engage.evidence.common_ground import services, signing, versions
from engage.evidence.common_ground.schemas import (
    NewScgVersionInput,
    ScgMatterInput,
    ScgPartyInput,
    ScgPositionsInput,
    ScgSignatureInput,
    ScgStatusInput,
    ScgVersion,
    ScgVersionInput,
    StatementInput,
    StatementOfCommonGround,
)
from engage.extensions import db
from engage.permissions import EDIT, VIEW, require_permission

BASE = "/statements-of-common-ground"
NOUN = "Statement of Common Ground"


def _statement(statement_id: int) -> models.CommonGround:
    return find_or_404(models.CommonGround, statement_id, NOUN)


def _version(statement_id: int, number: int) -> models.CommonGroundVersion:
    _statement(statement_id)
    query = select(models.CommonGroundVersion).where(
        models.CommonGroundVersion.statement_id == statement_id, models.CommonGroundVersion.number == number
    )
    version = db.session.scalar(query) if number <= MAX_ID else None
    if version is None:
        raise Problem(404, f"{NOUN} {statement_id} has no version {number}")
    return version


def _today():
    return datetime.now(LONDON).date()


def _answer(version: models.CommonGroundVersion, status: int = 200):
    return jsonify(ScgVersion.serialise(version)), status


@bp.get(BASE)
@require_permission(VIEW)
def list_statements_of_common_ground():
    query = (
        select(models.CommonGround)
        .options(selectinload(models.CommonGround.versions))
        .order_by(models.CommonGround.title, models.CommonGround.id)
    )
    return paginated_response(query, StatementOfCommonGround)


@bp.post(BASE)
@require_permission(EDIT)
@idempotent
def create_statement_of_common_ground():
    statement = services.create_statement(parse_json_body(StatementInput), user=current_user)
    return jsonify(StatementOfCommonGround.serialise(statement)), 201


@bp.get(f"{BASE}/<int:statement_id>")
@require_permission(VIEW)
def show_statement_of_common_ground(statement_id: int):
    return jsonify(StatementOfCommonGround.serialise(_statement(statement_id)))


@bp.get(f"{BASE}/<int:statement_id>/versions")
@require_permission(VIEW)
def list_scg_versions(statement_id: int):
    return paginated_response(page_of_list(_statement(statement_id).versions), ScgVersion)


@bp.post(f"{BASE}/<int:statement_id>/versions")
@require_permission(EDIT)
@idempotent
def create_scg_version(statement_id: int):
    data = parse_json_body(NewScgVersionInput)
    version = versions.start_new_version(_statement(statement_id), data, user=current_user)
    return _answer(version, 201)


@bp.get(f"{BASE}/<int:statement_id>/versions/<int:number>")
@require_permission(VIEW)
def show_scg_version(statement_id: int, number: int):
    return _answer(_version(statement_id, number))


@bp.patch(f"{BASE}/<int:statement_id>/versions/<int:number>")
@require_permission(EDIT)
@idempotent
def update_scg_version(statement_id: int, number: int):
    """The service sets the whole text: the fields sent over the text as it is."""
    version = _version(statement_id, number)
    changes = parse_json_body(ScgVersionInput)
    current = validate_body(ScgVersionInput, ScgVersion.serialise(version))
    services.update_version(version, {**current, **changes}, user=current_user)
    return _answer(version)


@bp.put(f"{BASE}/<int:statement_id>/versions/<int:number>/matters/<matter>")
@require_permission(EDIT)
@idempotent
def set_scg_matter(statement_id: int, number: int, matter: str):
    version = _version(statement_id, number)
    services.set_matter(version, {**parse_json_body(ScgMatterInput), "matter": matter}, user=current_user)
    return _answer(version)


@bp.delete(f"{BASE}/<int:statement_id>/versions/<int:number>/matters/<matter>")
@require_permission(EDIT)
@idempotent
def remove_scg_matter(statement_id: int, number: int, matter: str):
    version = _version(statement_id, number)
    row = next((row for row in version.matters if row.matter.slug == matter), None)
    if row is None:
        raise Problem(404, f"Version {number} does not cover the strategic matter ‘{matter[:100]}’")
    services.remove_matter(version, row.id, user=current_user)
    return _answer(version)


@bp.post(f"{BASE}/<int:statement_id>/versions/<int:number>/parties")
@require_permission(EDIT)
@idempotent
def add_scg_party(statement_id: int, number: int):
    version = _version(statement_id, number)
    services.add_party(version, parse_json_body(ScgPartyInput), user=current_user)
    return _answer(version, 201)


@bp.delete(f"{BASE}/<int:statement_id>/versions/<int:number>/parties/<int:party_id>")
@require_permission(EDIT)
@idempotent
def remove_scg_party(statement_id: int, number: int, party_id: int):
    version = _version(statement_id, number)
    if all(party.id != party_id for party in version.parties):
        raise Problem(404, f"Version {number} has no party with the id {party_id}")
    services.remove_party(version, party_id, user=current_user)
    return _answer(version)


@bp.post(f"{BASE}/<int:statement_id>/versions/<int:number>/signatures")
@require_permission(EDIT)
@idempotent
def sign_scg_version(statement_id: int, number: int):
    version = _version(statement_id, number)
    signing.add_signature(version, parse_json_body(ScgSignatureInput), _today(), user=current_user)
    return _answer(version, 201)


@bp.post(f"{BASE}/<int:statement_id>/versions/<int:number>/status")
@require_permission(EDIT)
@idempotent
def change_scg_status(statement_id: int, number: int):
    version = _version(statement_id, number)
    data = parse_json_body(ScgStatusInput)
    signing.change_status(version, data.get("status") or "", data.get("on"), _today(), user=current_user)
    return _answer(version)


@bp.put(f"{BASE}/<int:statement_id>/versions/<int:number>/parties/<int:party_id>/positions")
@require_permission(EDIT)
@idempotent
def set_scg_positions(statement_id: int, number: int, party_id: int):
    version = _version(statement_id, number)
    party = next((party for party in version.parties if party.id == party_id), None)
    if party is None:
        raise Problem(404, f"Version {number} has no party with the id {party_id}")
    services.set_positions(version, party, parse_json_body(ScgPositionsInput).get("positions") or {}, user=current_user)
    return _answer(version)


VERSION = {"responses": spec.responds(ScgVersion)}
VERSION_ADDED = {"responses": spec.responds(ScgVersion, 201, "Recorded")}
DRAFT_ONLY = " Only a draft version can be changed (a 422 otherwise): start a new version to change an agreed one."

spec.document(
    tag=("Statements of Common Ground", "Statements of Common Ground, their versions, matters, parties and signatures"),
    paths={
        BASE: {
            "get": {
                "summary": "List Statements of Common Ground",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(StatementOfCommonGround),
            },
            "post": {
                "summary": "Start a Statement of Common Ground",
                "description": "It starts as a draft version 1 with the text given.",
                "requestBody": spec.json_body(StatementInput),
                "responses": spec.responds(StatementOfCommonGround, 201, "Started"),
            },
        },
        BASE + "/{statement_id}": {
            "get": {"summary": "Get a statement", "responses": spec.responds(StatementOfCommonGround)},
        },
        BASE + "/{statement_id}/versions": {
            "get": {
                "summary": "List a statement's versions, the latest last",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(ScgVersion),
            },
            "post": {
                "summary": "Start a new version from the latest one",
                "description": "A draft copying the latest version's text, matters, parties and positions (not its"
                " signatures), with `change_log`: what changes and why (required after version 1). While the latest"
                " version is a draft, a 422: change that one instead.",
                "requestBody": spec.json_body(NewScgVersionInput),
                "responses": spec.responds(ScgVersion, 201, "Started"),
            },
        },
        BASE + "/{statement_id}/versions/{number}": {
            "get": {"summary": "Get a version", **VERSION},
            "patch": {
                "summary": "Change a draft version's text",
                "description": "Only the fields sent change." + DRAFT_ONLY,
                "requestBody": spec.json_body(ScgVersionInput),
                **VERSION,
            },
        },
        BASE + "/{statement_id}/versions/{number}/matters/{matter}": {
            "put": {
                "summary": "Add a strategic matter to a draft, or change where the parties stand on it",
                "description": "`matter` is the strategic matter's slug." + DRAFT_ONLY,
                "requestBody": spec.json_body(ScgMatterInput),
                **VERSION,
            },
            "delete": {"summary": "Take a strategic matter out of a draft", "description": DRAFT_ONLY, **VERSION},
        },
        BASE + "/{statement_id}/versions/{number}/parties": {
            "post": {
                "summary": "Add a party to a draft",
                "description": "An authority, or any body by name." + DRAFT_ONLY,
                "requestBody": spec.json_body(ScgPartyInput),
                **VERSION_ADDED,
            },
        },
        BASE + "/{statement_id}/versions/{number}/parties/{party_id}": {
            "delete": {"summary": "Take a party off a draft", "description": DRAFT_ONLY, **VERSION},
        },
        BASE + "/{statement_id}/versions/{number}/parties/{party_id}/positions": {
            "put": {
                "summary": "Record where a party stands on each of the draft's matters",
                "description": "Agreed, not agreed or ongoing, by strategic matter slug; an empty string clears one."
                + DRAFT_ONLY,
                "requestBody": spec.json_body(ScgPositionsInput),
                **VERSION,
            },
        },
        BASE + "/{statement_id}/versions/{number}/signatures": {
            "post": {
                "summary": "Record a party's signature on an agreed version",
                "description": "Only a party to the version signs, once. `signed_on` is the date on the document:"
                " not in the future and not before the version was agreed. When every party has signed, mark the"
                " version signed with …/status.",
                "requestBody": spec.json_body(ScgSignatureInput),
                **VERSION_ADDED,
            },
        },
        BASE + "/{statement_id}/versions/{number}/status": {
            "post": {
                "summary": "Move a version on: agreed, signed, superseded, or back to draft",
                "description": "draft → agreed; agreed → draft, signed or superseded; signed → superseded. `on` is"
                " the date on the document, required for agreed, signed and superseded: not in the future, and a"
                " version is signed only when every party has signed, on or after the last signature. Signing"
                " supersedes the earlier agreed and signed versions.",
                "requestBody": spec.json_body(ScgStatusInput),
                **VERSION,
            },
        },
    },
)
