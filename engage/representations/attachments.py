"""Files sent with representations: type checked by content (not by name), at most 20 MB, kept in the database."""

import hashlib
import io

import filetype
from flask import Response, send_file
from sqlalchemy import select
from sqlalchemy.orm import undefer

from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Attachment

MAX_BYTES = 20 * 1024 * 1024
ALLOWED = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
}
TYPE_MESSAGE = "The selected file must be a PDF, Word document (.docx), JPEG or PNG"
SIZE_MESSAGE = "The selected file must be smaller than 20 MB"


def check_upload(filename: str, content: bytes, field: str = "attachment") -> dict:
    """The attachment's columns, or a ValidationError when the file is empty, too big or not an allowed type."""
    if not content:
        raise ValidationError({field: ["The selected file is empty"]})
    if len(content) > MAX_BYTES:
        raise ValidationError({field: [SIZE_MESSAGE]})
    kind = filetype.guess(content)
    content_type = kind.mime if kind else ""
    if content_type == "application/zip" and b"word/document.xml" in content[:200_000]:
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if content_type not in ALLOWED:
        raise ValidationError({field: [TYPE_MESSAGE]})
    safe_name = (filename or "attachment").replace("\\", "/").rsplit("/", 1)[-1][:300] or "attachment"
    return {
        "filename": safe_name,
        "content_type": content_type,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
        "content": content,
    }


def add_attachment(values: dict, **owner) -> Attachment:
    """Add to the session (the caller commits), owned by a draft item or a representation."""
    attachment = Attachment(**values, **owner)
    db.session.add(attachment)
    return attachment


def read_upload(storage, limit: int = MAX_BYTES) -> tuple[str, bytes] | None:
    """(filename, bytes) from a werkzeug FileStorage, or None when no file was chosen. Reads at most `limit` + 1
    bytes, so the caller can tell a file over the limit from one exactly at it."""
    if storage is None or not getattr(storage, "filename", ""):
        return None
    return storage.filename, storage.stream.read(limit + 1)


def find_attachment(
    attachment_id: int, *, draft_id: int | None = None, representation_id: int | None = None, content: bool = True
) -> Attachment | None:
    """The file (with its content unless `content` is false) when it belongs to this draft (and was not removed
    from it) or to this representation; None otherwise, so nobody can read a file by guessing its id."""
    if parse_id(attachment_id) is None or (draft_id is None and representation_id is None):
        return None
    if draft_id is not None:
        owner = Attachment.draft_id == draft_id
    else:
        owner = Attachment.representation_id == representation_id
    query = select(Attachment).where(Attachment.id == attachment_id, owner)
    if content:
        query = query.options(undefer(Attachment.content))
    return db.session.scalar(query)


def send_attachment(attachment: Attachment) -> Response:
    """The file as a download under its own name: never shown inline, and the browser must not guess its type."""
    response = send_file(
        io.BytesIO(attachment.content or b""),
        mimetype=attachment.content_type,
        download_name=attachment.filename,
        as_attachment=True,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
