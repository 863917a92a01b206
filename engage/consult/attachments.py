"""Files sent with representations: type checked by content (not by name), at most 20 MB, kept in the database."""

import hashlib

import filetype

from engage.extensions import db
from engage.models import Attachment
from engage.validation import ValidationError

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


def read_upload(storage) -> tuple[str, bytes] | None:
    """(filename, bytes) from a werkzeug FileStorage, or None when no file was chosen. Reads at most 20 MB + 1."""
    if storage is None or not getattr(storage, "filename", ""):
        return None
    return storage.filename, storage.stream.read(MAX_BYTES + 1)
