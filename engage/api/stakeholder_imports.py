"""Importing stakeholders from a CSV or XLSX file, as the import pages do and over the same service
(engage.stakeholders.imports): upload the file (its columns are matched to fields by their headings), change the
mapping while it is a draft, see what importing would do, then start it and read the result.

Uploading with `start=true` does it all in one request. Every write commits last and honours an Idempotency-Key;
the import job is queued once its row is committed (engage.jobs.enqueue_after_commit), so an answer says the import
is pending and its progress and result are read with GET. Starting twice imports once."""

from flask import jsonify, request
from flask_login import current_user

from engage.api import bp, spec
from engage.api.http import Problem, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.permissions import EDIT, require_permission
from engage.stakeholders import imports
from engage.stakeholders.import_mapping import mapping_errors
from engage.stakeholders.schemas import ImportMappingInput, StakeholderImport
from engage.vocab import JobStatus

FINISHED = (JobStatus.DONE, JobStatus.FAILED)


def _job(import_id: int):
    """The user's own import (an administrator may see anyone's), as on the pages."""
    job = imports.find_job(import_id, current_user) if 0 < import_id < 2**31 else None
    if job is None:
        raise Problem(404, f"You have no stakeholder import with the id {import_id}")
    return job


def _answer(job, status: int = 200):
    check = errors = None
    if job.status == "draft":
        check, errors = imports.check_job(job), mapping_errors(job.params["columns"], job.params["mapping"])
    return jsonify(StakeholderImport.of(job, check, errors).model_dump(mode="json")), status


def _check_mapping(job, mapping: dict[str, str]) -> dict[str, str]:
    """The job's mapping with the columns sent changed; an unknown column or a rule broken is a 422 by column."""
    columns = job.params.get("columns", [])
    errors = {
        f"mapping.{column}": [f"The file has no column ‘{column[:100]}’"] for column in mapping if column not in columns
    }
    merged = {**job.params.get("mapping", {}), **{key: value for key, value in mapping.items() if key in columns}}
    errors.update({f"mapping.{column}": messages for column, messages in mapping_errors(columns, merged).items()})
    if errors:
        raise ValidationError(errors)
    return merged


@bp.post("/stakeholder-imports")
@require_permission(EDIT)
@idempotent
def create_stakeholder_import():
    upload = request.files.get("file")
    if upload is None:
        raise ValidationError({"file": ["Select a CSV or XLSX file, sent as multipart/form-data in the field ‘file’"]})
    start = request.form.get("start", "").strip().lower()
    if start not in ("", "true", "false"):
        raise ValidationError({"start": ["Start must be true or false"]})
    job = imports.create_import(upload.filename or "", upload.read(), user=current_user)
    if start == "true":
        if mapping_errors(job.params["columns"], job.params["mapping"]):
            return _answer(job, 201)  # a draft: `mapping_errors` says what to set before starting it
        imports.save_mapping(job, job.params["mapping"])
        imports.start_import(job)
    return _answer(job, 201)


@bp.get("/stakeholder-imports/<int:import_id>")
@require_permission(EDIT)
def show_stakeholder_import(import_id: int):
    return _answer(_job(import_id))


@bp.patch("/stakeholder-imports/<int:import_id>")
@require_permission(EDIT)
@idempotent
def update_stakeholder_import(import_id: int):
    job = _job(import_id)
    mapping = parse_json_body(ImportMappingInput).get("mapping")
    if mapping is None:
        raise ValidationError({"mapping": ['Send the mapping, like {"Surname": "last_name"}']})
    if job.status != "draft":
        raise ValidationError({"mapping": ["This import has started: its columns can no longer be changed"]})
    imports.save_mapping(job, _check_mapping(job, mapping))
    return _answer(job)


@bp.post("/stakeholder-imports/<int:import_id>/start")
@require_permission(EDIT)
@idempotent
def start_stakeholder_import(import_id: int):
    job = _job(import_id)
    if job.status == "draft":
        _check_mapping(job, {})
        imports.save_mapping(job, job.params.get("mapping", {}))
        imports.start_import(job)
    return _answer(job, 200 if job.status in FINISHED else 202)


ONE = {"responses": spec.responds(StakeholderImport)}
UPLOAD = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "CSV or XLSX, up to 100,000 rows"},
                    "start": {
                        "type": "string",
                        "enum": ["true", "false"],
                        "description": "true: import at once with the columns matched by their headings",
                    },
                },
            }
        }
    },
}

spec.document(
    tag=("Stakeholder imports", "Adding stakeholders from a CSV or XLSX file"),
    paths={
        "/stakeholder-imports": {
            "post": {
                "summary": "Upload a file of stakeholders",
                "description": "The columns are matched to fields by their headings; `check` says which rows would be"
                " imported and why others would not. With `start=true` the import is queued when the columns include"
                " a name: the answer says it is `pending`, and GET on the import gives its progress and, when done,"
                " its `result`. A file that cannot be read is a 422 on `file`.",
                "requestBody": UPLOAD,
                "responses": spec.responds(StakeholderImport, 201, "Uploaded"),
            },
        },
        "/stakeholder-imports/{import_id}": {
            "get": {"summary": "Get an import: its check while a draft, its progress, then its result", **ONE},
            "patch": {
                "summary": "Change which field each column feeds",
                "description": "Only while a draft (a 422 after it has started).",
                "requestBody": spec.json_body(ImportMappingInput),
                **ONE,
            },
        },
        "/stakeholder-imports/{import_id}/start": {
            "post": {
                "summary": "Import the valid rows",
                "description": "Every valid row in one go, or none. 200 when it has finished (see `result`, or"
                " `error`), 202 while it runs in the background: follow it with GET. Starting again changes nothing."
                " A mapping without a name column is a 422. No body.",
                "responses": {
                    **spec.responds(StakeholderImport, 200, "Finished"),
                    **spec.responds(StakeholderImport, 202, "Started"),
                    "422": {"$ref": "#/components/responses/UnprocessableContent"},
                },
            },
        },
    },
)
