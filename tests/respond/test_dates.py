"""Public dates and times in the GOV.UK style, in UK time, and the officers' preview with working documents."""

from datetime import datetime

from engage.common.dates import LONDON
from engage.consultations.services import add_document
from tests.factories import create_consultation
from tests.pages import get_page, parse


def test_a_consultation_not_open_yet_says_when_it_opens_and_closes(client):
    consultation = create_consultation(
        opens_at=datetime(2030, 12, 1, 9, 0, tzinfo=LONDON), closes_at=datetime(2031, 1, 15, 23, 59, tzinfo=LONDON)
    )

    page = get_page(client, "respond.show", slug=consultation.slug)
    listing = get_page(client, "respond.index")
    closed = get_page(client, "respond.about_you", slug=consultation.slug)

    assert "opens on 1 December 2030 at 9am and closes on 15 January 2031 at 11:59pm" in page.text
    assert "Opens on 1 December 2030 at 9am" in listing.text
    assert "opens on 1 December 2030 at 9am" in closed.text


def test_the_officers_preview_links_to_its_documents_and_the_public_cannot_follow_them(officer_client, client):
    consultation = create_consultation(published=False)
    add_document(consultation, {"title": "Topic paper", "kind": "html", "body_html": "<p>Housing need</p>"})
    add_document(consultation, {"title": "Appraisal", "kind": "file", "content": b"%PDF-1.4\n", "filename": "a.pdf"})
    preview = get_page(officer_client, "consultations.preview", consultation_id=consultation.id)

    html_link = preview.find("a", string="Topic paper")["href"]
    file_link = preview.find("a", string="Appraisal")["href"]
    document = parse(officer_client.get(html_link))
    assert document.h1.text == "Topic paper" and "Housing need" in document.text
    assert officer_client.get(file_link).data == b"%PDF-1.4\n"
    assert client.get(html_link).status_code == 302  # to sign in
    assert "/sign-in" in client.get(file_link).headers["Location"]
