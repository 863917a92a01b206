"""Demo redaction and register: a letter to the closed Regulation 18 round that gives the writer's phone number
and home address in its text, those redacted through the suggestions officers accept, every representation
reviewed, and the round's register of representations published, so the redaction pages, the public register and
its files have something to show. Through the services officers use. Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Representation
from engage.redaction import publication, queries, services
from engage.representations.services import key_in
from engage.vocab import ReviewState

LETTER = (
    "The Green Belt between Abbots Langley and the M25 must stay open. I have walked these fields for forty years. "
    "If anyone wants to discuss it, ring me on 01923 264 118 or call at 14 Tibbs Hill Road, WD5 0EH."
)


def load_demo_register() -> None:
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
    if consultation is None or publication.is_published(consultation.id):
        return
    person = {"first_name": "Joan", "last_name": "Abbott", "email": "joan.abbott@example.com"}
    received = consultation.opens_at + timedelta(days=30)
    respondent = key_in(
        consultation, person, None, {"nature": "object", "comment": LETTER}, channel="post", received_at=received
    )
    letter = respondent.representations[0]
    services.accept_suggestions(letter)
    representations = db.session.scalars(
        select(Representation).where(Representation.consultation_id == consultation.id)
    )
    for representation in representations:
        if queries.review_of(representation.id) is None:
            services.set_review(representation, ReviewState.REVIEWED)
    publication.publish_register(consultation)
