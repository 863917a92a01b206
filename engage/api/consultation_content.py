"""What a consultation shows people: its documents (web pages, links and PDFs) and, for a questionnaire, its
questions. List, add and remove them, over engage.consultations.services as the documents and questions pages."""

from flask import jsonify, request
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import Problem, find_or_404, page_of_list, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.common.forms import is_readable, unreadable_message
from engage.common.validation import ValidationError
from engage.consultations import services
from engage.consultations.schemas import ConsultationDocument, DocumentInput, Question, QuestionInput
from engage.permissions import EDIT, VIEW, require_permission
from engage.representations.attachments import read_upload

MULTIPART = "multipart/form-data"


def _consultation(consultation_id: int) -> models.Consultation:
    return find_or_404(models.Consultation, consultation_id)


def _child(model, child_id: int, consultation: models.Consultation, noun: str):
    found = find_or_404(model, child_id, noun)
    if found.consultation_id != consultation.id:
        raise Problem(404, f"This consultation has no {noun} with the id {child_id}")
    return found


def _document_data() -> dict:
    """A PDF from a multipart upload (`title`, `file`), or a web page or link from a JSON body."""
    if request.mimetype != MULTIPART:
        return parse_json_body(DocumentInput)
    title, file = request.form.get("title", ""), request.files.get("file")
    errors = {"title": [unreadable_message("Title")]} if not is_readable(title) else {}
    if not is_readable(file):
        errors["file"] = [unreadable_message("The file's name")]
    if errors:
        raise ValidationError(errors)
    upload = read_upload(file, limit=services.MAX_PDF_BYTES)
    data = {"title": title, "kind": "file"}
    if upload:
        data.update(filename=upload[0], content=upload[1])
    return data


@bp.get("/consultations/<int:consultation_id>/documents")
@require_permission(VIEW)
def list_consultation_documents(consultation_id: int):
    return paginated_response(page_of_list(_consultation(consultation_id).documents), ConsultationDocument)


@bp.post("/consultations/<int:consultation_id>/documents")
@require_permission(EDIT)
@idempotent
def add_consultation_document(consultation_id: int):
    consultation = _consultation(consultation_id)
    document = services.add_document(consultation, _document_data(), user=current_user)
    return jsonify(ConsultationDocument.serialise(document)), 201


@bp.delete("/consultations/<int:consultation_id>/documents/<int:document_id>")
@require_permission(EDIT)
@idempotent
def remove_consultation_document(consultation_id: int, document_id: int):
    consultation = _consultation(consultation_id)
    document = _child(models.ConsultationDocument, document_id, consultation, "document")
    answer = ConsultationDocument.serialise(document)
    services.remove_document(document, user=current_user)
    return jsonify(answer)


@bp.get("/consultations/<int:consultation_id>/questions")
@require_permission(VIEW)
def list_consultation_questions(consultation_id: int):
    return paginated_response(page_of_list(_consultation(consultation_id).questions), Question)


@bp.post("/consultations/<int:consultation_id>/questions")
@require_permission(EDIT)
@idempotent
def add_consultation_question(consultation_id: int):
    consultation = _consultation(consultation_id)
    data = parse_json_body(QuestionInput)
    data["required"] = data.pop("answer_required", False)
    data["options"] = "\n".join(data.get("options") or [])  # the service reads the page's box: one a line
    question = services.add_question(consultation, data, user=current_user)
    return jsonify(Question.serialise(question)), 201


@bp.delete("/consultations/<int:consultation_id>/questions/<int:question_id>")
@require_permission(EDIT)
@idempotent
def remove_consultation_question(consultation_id: int, question_id: int):
    consultation = _consultation(consultation_id)
    question = _child(models.Question, question_id, consultation, "question")
    answer = Question.serialise(question)
    services.remove_question(question, user=current_user)
    return jsonify(answer)


UPLOAD = {
    "schema": {
        "type": "object",
        "required": ["title", "file"],
        "properties": {
            "title": {"type": "string"},
            "file": {"type": "string", "format": "binary", "description": "A PDF, up to 50 MB"},
        },
    }
}

spec.document(
    tag=("Consultation documents and questions", "What people read, and a questionnaire's questions"),
    paths={
        "/consultations/{consultation_id}/documents": {
            "get": {
                "summary": "List a consultation's documents, in order",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(ConsultationDocument),
            },
            "post": {
                "summary": "Add a web page, a link or a PDF",
                "description": "A web page or a link as JSON; a PDF as multipart/form-data with `title` and `file`."
                " It goes after the others.",
                "requestBody": {
                    "required": True,
                    "content": {**spec.json_body(DocumentInput)["content"], MULTIPART: UPLOAD},
                },
                "responses": spec.responds(ConsultationDocument, 201, "Added"),
            },
        },
        "/consultations/{consultation_id}/documents/{document_id}": {
            "delete": {
                "summary": "Remove a document",
                "description": "Answers with the document as it was.",
                "responses": spec.responds(ConsultationDocument, 200, "Removed"),
            },
        },
        "/consultations/{consultation_id}/questions": {
            "get": {
                "summary": "List a questionnaire's questions, in order",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(Question),
            },
            "post": {
                "summary": "Add a question",
                "description": "It goes after the others. A choice question needs at least 2 options.",
                "requestBody": spec.json_body(QuestionInput),
                "responses": spec.responds(Question, 201, "Added"),
            },
        },
        "/consultations/{consultation_id}/questions/{question_id}": {
            "delete": {
                "summary": "Remove a question",
                "description": "Answers with the question as it was.",
                "responses": spec.responds(Question, 200, "Removed"),
            },
        },
    },
)
