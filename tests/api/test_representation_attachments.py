"""Representations in the API list the files sent with them: id, name, type and size, never the content."""

import pytest
from sqlalchemy import event

from engage.extensions import db
from engage.models import utcnow
from engage.representations.services import key_in
from tests.api.conftest import assert_matches
from tests.factories import create_consultation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _keyed_in(consultation, upload=None, name="Pat"):
    person = {"first_name": name, "last_name": "Letter", "address": "1 High Street, Watford"}
    item = {"part": "Policy SP1", "nature": "object", "comment": "Too many homes."}
    respondent = key_in(consultation, person, None, item, channel="post", received_at=utcnow(), upload=upload)
    return respondent.representations[0]


def test_a_representation_lists_its_attachments_as_the_spec_says(viewer_api, openapi):
    consultation = create_consultation()
    representation = _keyed_in(consultation, ("letter.pdf", PDF))
    [file] = representation.attachments

    response = viewer_api.get(f"/api/v1/representations/{representation.reference}")

    assert response.get_json()["attachments"] == [
        {"id": file.id, "filename": "letter.pdf", "content_type": "application/pdf", "size": len(PDF)}
    ]
    assert_matches(openapi, response, "/representations/{reference}")


def test_a_representation_without_files_has_an_empty_list(viewer_api):
    representation = _keyed_in(create_consultation())

    assert viewer_api.get(f"/api/v1/representations/{representation.reference}").get_json()["attachments"] == []


def test_attachments_sent_to_the_api_are_ignored_as_read_only(officer_api):
    consultation = create_consultation()
    body = {
        "channel": "post",
        "received_at": utcnow().isoformat(),
        "respondent": {"first_name": "Pat", "last_name": "Letter", "address": "1 High Street"},
        "part": "Policy SP1",
        "comment": "Too many homes.",
        "attachments": [{"id": 1, "filename": "x.pdf", "content_type": "application/pdf", "size": 9}],
    }

    response = officer_api.post(f"/api/v1/consultations/{consultation.id}/representations", json=body)

    assert response.status_code == 201 and response.get_json()["attachments"] == []


@pytest.fixture
def statements(app):
    """The SQL statements the app sends while the test runs."""
    seen = []

    def count(_connection, _cursor, statement, *_args):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def _attachment_queries(api, consultation, statements) -> int:
    statements.clear()
    response = api.get(f"/api/v1/consultations/{consultation.id}/representations")
    assert response.status_code == 200
    return sum("FROM attachment" in statement for statement in statements)


def test_listing_loads_the_attachments_of_a_page_in_one_query(viewer_api, openapi, statements):
    consultation = create_consultation()
    _keyed_in(consultation, ("letter.pdf", PDF), name="Ann")
    _keyed_in(consultation, ("photo.png", PNG), name="Bob")
    for name in ("Cy", "Di", "Ed", "Flo"):
        _keyed_in(consultation, ("letter.pdf", PDF), name=name)

    assert _attachment_queries(viewer_api, consultation, statements) == 1  # not one a representation
    response = viewer_api.get(f"/api/v1/consultations/{consultation.id}/representations")
    items = response.get_json()["items"]
    assert [item["attachments"][0]["filename"] for item in items[:2]] == ["letter.pdf", "photo.png"]
    assert_matches(openapi, response, "/consultations/{consultation_id}/representations")
