"""A respondent's files: at most 10 to a response, kept when a representation is saved again, listed on its page,
and removable one at a time from their own response only."""

import io

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Attachment, Representation, ResponseDraft
from engage.respond.services import FILES, MAX_FILES
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse
from tests.respond.helpers import ITEM, fill_about_you, fill_item, submit
from tests.respond.test_queries import counted_statements

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _save(client, consultation, filename=None, number=1, **changes):
    data = {**ITEM, **changes}
    if filename:
        data["attachment"] = (io.BytesIO(PDF), filename)
    return client.post(
        f"/consult/{consultation.slug}/respond/representations/{number}",
        data=data,
        content_type="multipart/form-data",
    )


def _draft_files(draft_id=None) -> list[str]:
    draft_id = draft_id or db.session.scalar(select(ResponseDraft.id))
    query = select(Attachment.filename).where(Attachment.draft_id == draft_id).order_by(Attachment.id)
    return list(db.session.scalars(query))


def test_saving_a_representation_again_without_a_file_keeps_its_files_and_a_new_file_is_added(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    _save(client, consultation, "first.pdf")

    assert _save(client, consultation, comment="Changed my mind.").status_code == 302
    assert _draft_files() == ["first.pdf"]
    page = get_page(client, "respond.representation", slug=consultation.slug, number=1)
    assert "first.pdf" in page.select_one("form ul").text
    assert page.select_one("label[for=attachment]").text.strip() == "Attach another file (optional)"

    _save(client, consultation, "second.pdf")
    assert _draft_files() == ["first.pdf", "second.pdf"]


def test_a_response_holds_at_most_10_files_and_the_11th_is_refused_next_to_the_field(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    for number in range(1, MAX_FILES + 1):
        assert _save(client, consultation, f"file-{number}.pdf", number=1).status_code == 302

    response = _save(client, consultation, "one-too-many.pdf", number=1, comment="Replaced text")

    page = parse(response)
    assert error_summary(page) == ["You can attach up to 10 files to a response"]
    assert "You can attach up to 10 files to a response" in page.select_one("#attachment-error").text
    assert page.select_one("#comment").text == "Replaced text"
    assert len(_draft_files()) == MAX_FILES
    assert db.session.scalar(select(ResponseDraft)).data["items"][0]["comment"] == ITEM["comment"]


def test_a_respondent_removes_one_file_and_the_other_is_sent(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    _save(client, consultation, "keep.pdf")
    _save(client, consultation, "drop.pdf")
    page = get_page(client, "respond.check", slug=consultation.slug)
    button = page.find(lambda tag: tag.name == "button" and tag.get_text(" ", strip=True) == "Remove drop.pdf")

    response = client.post(button.find_parent("form")["action"])

    assert response.status_code == 302
    assert _draft_files() == ["keep.pdf"]
    assert "drop.pdf" not in get_page(client, "respond.check", slug=consultation.slug).text
    submit(client, consultation)
    representation_id = db.session.scalar(select(Representation.id))
    sent = db.session.scalars(select(Attachment.filename).where(Attachment.representation_id == representation_id))
    assert list(sent) == ["keep.pdf"]


def test_nobody_can_remove_a_file_from_someone_elses_response(client, app):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    _save(client, consultation, "mine.pdf")
    attachment_id = db.session.scalar(select(Attachment.id))
    other = app.test_client()
    fill_about_you(other, consultation, email="other@example.com")

    response = other.post(f"/consult/{consultation.slug}/respond/attachments/{attachment_id}/remove")

    assert response.status_code == 404
    assert db.session.scalar(select(func.count()).where(Attachment.draft_id.is_not(None))) == 1
    assert client.post(f"/consult/{consultation.slug}/respond/attachments/{attachment_id}/remove").status_code == 302
    assert _draft_files() == []


def test_removing_a_file_needs_the_csrf_token(client, app):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    _save(client, consultation, "mine.pdf")
    attachment_id = db.session.scalar(select(Attachment.id))
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post(f"/consult/{consultation.slug}/respond/attachments/{attachment_id}/remove")
    finally:
        app.config["WTF_CSRF_ENABLED"] = False

    assert response.status_code == 400
    assert _draft_files() == ["mine.pdf"]


def test_a_response_without_files_never_looks_for_them(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    with counted_statements() as statements:
        get_page(client, "respond.check", slug=consultation.slug)
        submit(client, consultation)

    assert not [statement for statement in statements if "attachment" in statement.split("WHERE")[0]]


def test_a_draft_from_before_files_were_noted_still_sends_its_files(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    _save(client, consultation, "evidence.pdf")
    draft = db.session.scalar(select(ResponseDraft))
    draft.data = {key: value for key, value in draft.data.items() if key != FILES}  # as drafts saved before
    db.session.commit()

    assert "evidence.pdf" in get_page(client, "respond.check", slug=consultation.slug).text
    submit(client, consultation)
    assert db.session.scalar(select(Attachment.representation_id)) == db.session.scalar(select(Representation.id))
