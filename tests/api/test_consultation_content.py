import io

import pytest

from engage.extensions import db
from engage.models import ConsultationDocument, Question
from tests.api.conftest import assert_matches
from tests.factories import create_consultation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCUMENTS = "/consultations/{consultation_id}/documents"
QUESTIONS = "/consultations/{consultation_id}/questions"


def test_officers_add_a_link_a_web_page_and_a_pdf_and_remove_one(officer_api, viewer_api, client, openapi):
    consultation = create_consultation()
    url = f"/api/v1/consultations/{consultation.id}/documents"

    link = officer_api.post(url, json={"title": "Evidence base", "kind": "link", "url": "https://example.com/e"})
    page = officer_api.post(url, json={"title": "Summary", "kind": "html", "body_html": "<p>Hi</p><script>x</script>"})
    pdf = officer_api.post(
        url, data={"title": "The plan", "file": (io.BytesIO(PDF), "plan.pdf")}, content_type="multipart/form-data"
    )

    for response in (link, page, pdf):
        assert response.status_code == 201, response.get_json()
        assert_matches(openapi, response, DOCUMENTS, "post")
    assert link.get_json()["url"] == "https://example.com/e"
    assert page.get_json()["body_html"] == "<p>Hi</p>"
    assert pdf.get_json()["size"] == len(PDF) and pdf.get_json()["filename"] == "plan.pdf"
    assert client.get(pdf.get_json()["url"]).data == PDF
    listed = viewer_api.get(url)
    assert_matches(openapi, listed, DOCUMENTS)
    assert [item["title"] for item in listed.get_json()["items"]] == ["Evidence base", "Summary", "The plan"]
    removed = officer_api.delete(f"{url}/{link.get_json()['id']}")
    assert removed.status_code == 200 and removed.get_json() == link.get_json()
    assert_matches(openapi, removed, DOCUMENTS + "/{document_id}", "delete")
    assert officer_api.delete(f"{url}/{link.get_json()['id']}").status_code == 404


def test_a_bad_document_is_a_422_and_nothing_is_kept(officer_api, openapi):
    consultation = create_consultation()
    url = f"/api/v1/consultations/{consultation.id}/documents"

    not_pdf = officer_api.post(
        url, data={"title": "Plan", "file": (io.BytesIO(b"MZ\x90\x00"), "plan.pdf")}, content_type="multipart/form-data"
    )
    no_file = officer_api.post(url, data={"title": "Plan"}, content_type="multipart/form-data")
    bad_link = officer_api.post(url, json={"title": "Evidence", "kind": "link", "url": "javascript:alert(1)"})

    assert not_pdf.get_json()["errors"] == {"file": ["The selected file must be a PDF"]}
    assert no_file.get_json()["errors"] == {"file": ["Select a PDF file"]}
    assert bad_link.get_json()["errors"] == {"url": ["Enter a web address starting with https://"]}
    for response in (not_pdf, no_file, bad_link):
        assert_matches(openapi, response, DOCUMENTS, "post")
    assert db.session.query(ConsultationDocument).count() == 0


def test_officers_add_and_remove_questions(officer_api, viewer_api, openapi):
    consultation = create_consultation(form_type="questionnaire")
    url = f"/api/v1/consultations/{consultation.id}/questions"

    free = officer_api.post(url, json={"text": "Anything else?"})
    choice = officer_api.post(
        url, json={"text": "Which site?", "kind": "single-choice", "options": ["North", "South"], "required": True}
    )
    too_few = officer_api.post(url, json={"text": "Which?", "kind": "multiple-choice", "options": ["Only"]})

    assert free.status_code == 201 and free.get_json()["required"] is False and free.get_json()["options"] == []
    assert choice.get_json()["options"] == ["North", "South"] and choice.get_json()["required"] is True
    assert too_few.get_json()["errors"] == {"options": ["Enter at least 2 options, one a line"]}
    for response in (free, choice, too_few):
        assert_matches(openapi, response, QUESTIONS, "post")
    listed = viewer_api.get(url)
    assert_matches(openapi, listed, QUESTIONS)
    assert listed.get_json()["total"] == 2
    other = create_consultation()
    wrong_parent = officer_api.delete(f"/api/v1/consultations/{other.id}/questions/{free.get_json()['id']}")
    assert wrong_parent.status_code == 404
    removed = officer_api.delete(f"{url}/{free.get_json()['id']}")
    assert_matches(openapi, removed, QUESTIONS + "/{question_id}", "delete")
    assert db.session.query(Question).count() == 1


@pytest.mark.parametrize(
    ("title", "filename"), [("Plan \x00", "plan.pdf"), ("Plan \ufffd", "plan.pdf"), ("Plan", "p\x00.pdf")]
)
def test_an_unreadable_title_or_file_name_is_a_422_and_nothing_is_kept(officer_api, title, filename):
    consultation = create_consultation()
    response = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/documents",
        data={"title": title, "file": (io.BytesIO(b"%PDF-1.4 plan"), filename)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422, response.get_json()
    assert db.session.query(ConsultationDocument).count() == 0
