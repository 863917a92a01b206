"""The public register: published on purpose, after a preview, never while something flagged is unredacted; it
shows names, organisations and redacted texts, never addresses, emails or phone numbers."""

import pytest
from sqlalchemy import select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import RegisterPublication
from engage.redaction import publication, services
from tests.pages import get_page, parse, post_form
from tests.redaction.helpers import PDF, PERSON, REDACTED_PDF, create_representation

NEVER = ("sam.contact@example.com", "01923 555 010", "99 Contact Road", "WD17 1AB", "07700 900123", "Acacia Avenue",
         "AL1 3JE")  # fmt: skip


def _ready(**item):
    """A representation with its suggestions redacted, and a published register."""
    representation = create_representation(**item)
    services.accept_suggestions(representation)
    publication.publish_register(representation.consultation)
    return representation


def test_publishing_is_refused_while_a_representation_has_unredacted_personal_data():
    representation = create_representation()
    with pytest.raises(ValidationError) as raised:
        publication.publish_register(representation.consultation)
    assert raised.value.errors["publish"] == [
        f"The register cannot be published yet: 1 representation is flagged or not yet redacted "
        f"({representation.reference})"
    ]
    db.session.rollback()
    assert db.session.scalar(select(RegisterPublication)) is None
    assert not publication.is_published(representation.consultation_id)


def test_a_flagged_representation_blocks_publishing_until_reviewed():
    representation = create_representation(comment="Nothing personal here.")
    services.set_review(representation, "flagged", "Signature in the letter")
    with pytest.raises(ValidationError):
        publication.publish_register(representation.consultation)
    services.set_review(representation, "reviewed")
    publication.publish_register(representation.consultation)
    assert publication.is_published(representation.consultation_id)


def test_the_register_is_not_found_until_published_and_after_it_is_taken_down(client):
    representation = create_representation(comment="Nothing personal here.")
    slug = representation.consultation.slug
    assert client.get(f"/consult/{slug}/representations").status_code == 404
    assert "Read the representations" not in client.get(f"/consult/{slug}").get_data(as_text=True)
    publication.publish_register(representation.consultation)
    assert client.get(f"/consult/{slug}/representations").status_code == 200
    assert "Read the representations" in client.get(f"/consult/{slug}").get_data(as_text=True)
    publication.unpublish_register(representation.consultation)
    assert client.get(f"/consult/{slug}/representations").status_code == 404
    with pytest.raises(ValidationError):
        publication.unpublish_register(representation.consultation)


def test_the_public_register_never_shows_contact_details(client):
    representation = _ready()
    slug = representation.consultation.slug
    for url in (f"/consult/{slug}/representations", f"/consult/{slug}/representations/{representation.reference}"):
        text = client.get(url).get_data(as_text=True)
        assert PERSON["first_name"] in text and PERSON["organisation"] in text
        assert "[redacted]" in text
        for personal in NEVER:
            assert personal not in text, (url, personal)


def test_the_register_filters_by_part_and_nature_and_pages(client):
    representation = _ready(comment="Support. Ring 07700 900123.", nature="support")
    other = create_representation(representation.consultation, comment="Object.", nature="object", part="Chapter 3")
    services.set_review(other, "reviewed")
    slug = representation.consultation.slug
    page = get_page(client, "respond.register_index", slug=slug, nature="object")
    assert [a.get_text() for a in page.select("tbody a")] == [other.reference]
    page = get_page(client, "respond.register_index", slug=slug, part="Policy SP1")
    assert [a.get_text() for a in page.select("tbody a")] == [representation.reference]
    page = get_page(client, "respond.register_index", slug=slug, page="9")
    assert page.select("tbody a") == []


def test_withdrawn_representations_are_left_out(client):
    representation = _ready()
    representation.status = "withdrawn"
    db.session.commit()
    slug = representation.consultation.slug
    assert client.get(f"/consult/{slug}/representations/{representation.reference}").status_code == 404


def test_the_public_downloads_only_the_redacted_copy_of_a_file(client):
    representation = create_representation(comment="Nothing personal here.", upload=("letter.pdf", PDF))
    attachment = representation.attachments[0]
    services.replace_attachment(attachment, ("letter-redacted.pdf", REDACTED_PDF), "signature")
    publication.publish_register(representation.consultation)
    url = f"/consult/{representation.consultation.slug}/representations/{representation.reference}"
    page = parse(client.get(url))
    assert [a.get_text() for a in page.select("main a[download]")] == ["letter-redacted.pdf"]
    assert client.get(f"{url}/files/{attachment.id}").data == REDACTED_PDF


def test_a_file_nobody_has_looked_at_blocks_publishing_and_is_never_offered(client):
    representation = create_representation(comment="Nothing personal here.", upload=("letter.pdf", PDF))
    with pytest.raises(ValidationError):
        publication.publish_register(representation.consultation)


def test_the_publication_page_previews_and_publishes(officer_client):
    representation = create_representation()
    consultation_id = representation.consultation_id
    page = get_page(officer_client, "redaction.publication_page", consultation_id=consultation_id)
    assert "Preview" in page.get_text() and "07700 900123" not in page.get_text()
    response = post_form(officer_client, "redaction.publication_page", {}, {"consultation_id": consultation_id})
    page = parse(response)
    assert page.title.get_text().startswith("Error: ")
    assert "cannot be published yet" in page.select_one(".govuk-error-summary").get_text()
    services.accept_suggestions(representation)
    response = post_form(officer_client, "redaction.publication_page", {}, {"consultation_id": consultation_id})
    assert response.status_code == 302 and publication.is_published(consultation_id)
    post_form(officer_client, "redaction.unpublish", {}, {"consultation_id": consultation_id})
    assert not publication.is_published(consultation_id)


def test_the_public_can_download_the_whole_register(client):
    representation = _ready()
    response = client.get(f"/consult/{representation.consultation.slug}/representations.csv")
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and representation.reference in text
    for personal in NEVER:
        assert personal not in text
