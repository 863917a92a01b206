"""An agent's spreadsheet of their clients' representations, as the officers' upload page takes it and over the same
service (engage.representations.uploads), in one step: every row is saved, or none and a 422 names each row and
column to put right."""

from flask import jsonify, request
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, validate_body
from engage.api.idempotency import idempotent
from engage.models.representation import PERSON_FIELDS
from engage.permissions import EDIT, require_permission
from engage.representations import upload_rows, uploads
from engage.representations.attachments import read_upload
from engage.representations.schemas import RepresentationUpload, RepresentationUploadInput


def _fields() -> dict:
    """The form fields as the Input model takes them: `agent_<field>` gathered as `agent`."""
    data: dict = {}
    for name, value in request.form.items():
        if name.startswith("agent_") and name[6:] in PERSON_FIELDS:
            data.setdefault("agent", {})[name[6:]] = value
        else:
            data[name] = value
    return validate_body(RepresentationUploadInput, data)


@bp.post("/consultations/<int:consultation_id>/representation-uploads")
@require_permission(EDIT)
@idempotent
def create_representation_upload(consultation_id: int):
    consultation = find_or_404(models.Consultation, consultation_id)
    fields = _fields()
    filename, data = read_upload(request.files.get("file")) or ("", b"")
    created = uploads.upload(
        consultation,
        fields.get("agent") or {},
        fields.get("channel", ""),
        fields.get("received_at"),
        filename,
        data,
        user=current_user,
    )
    answer = {
        "filename": filename,
        "respondents": list(dict.fromkeys(representation.respondent.reference for representation in created)),
        "representations": created,
    }
    return jsonify(RepresentationUpload.model_validate(answer).model_dump(mode="json")), 201


PERSON_PROPERTIES = {
    f"agent_{name}": {"type": "string", "description": f"The agent's {name.replace('_', ' ')}"}
    for name in PERSON_FIELDS
}
HEADINGS = ", ".join(upload_rows.COLUMNS.values())
UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file", "channel", "received_at"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": f"CSV or XLSX with the template's columns ({HEADINGS}), one row per"
                        f" representation, up to {uploads.MAX_ROWS:,} rows",
                    },
                    "channel": {"type": "string", "enum": ["email", "post", "in-person"]},
                    "received_at": {"type": "string", "format": "date-time"},
                    **PERSON_PROPERTIES,
                },
            }
        }
    },
}

spec.document(
    tag=("Representation uploads", "An agent's spreadsheet of their clients' representations"),
    paths={
        "/consultations/{consultation_id}/representation-uploads": {
            "post": {
                "summary": "Save an agent's spreadsheet of their clients' representations",
                "description": "One row per representation. Each client (the rows with the same respondent reference,"
                " email address, or name and postcode) becomes one respondent with the agent recorded on it, and each"
                " row a representation with its reference. All or nothing: a problem in any row is a 422 that writes"
                " nothing, its `errors` keyed `row-<n>.<field>` (the heading row is 1), or `file` when the file cannot"
                " be read (not CSV or XLSX, invalid UTF-8, a heading used twice or not the template's, a row with"
                " more cells than headings). A cell starting with =, @, or + or - before a letter is refused as a"
                " formula. A client who may be someone on record (the same email address, or the same name and"
                " postcode) needs their reference in the `Respondent reference` column, or `new`.",
                "requestBody": UPLOAD_BODY,
                "responses": spec.responds(RepresentationUpload, 201, "Saved"),
            },
        },
    },
)
