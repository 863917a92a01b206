"""Demo campaign: a template letter about the Green Belt sent to the Regulation 19 publication by a dozen people,
most with a word or a sentence of their own (and one of them twice), grouped by the same job officers start and
confirmed as a campaign, so the campaign pages and the three counts have something to show. Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from engage.campaigns.grouping import group_consultation
from engage.campaigns.services import update_campaign
from engage.extensions import db
from engage.models import Campaign, Consultation
from engage.representations.services import clean_item, record_response

NAME = "Keep the Green Belt at Bricket Wood (template letter)"
LETTER = (
    "I object to Policy SP3 and the release of Green Belt land at Bricket Wood. The lanes cannot take the extra "
    "traffic, the village school is already full and the GP surgery has no appointments for weeks. The Green Belt "
    "review has not shown the exceptional circumstances national policy requires. Remove the site from the plan."
)
SENDERS = [
    ("Helen", "Ward", ""),
    ("Mark", "Ford", "I have lived on Mount Pleasant Lane for 31 years. "),
    ("Nadia", "Rahman", ""),
    ("Owen", "Bell", "As a parent of two children at the village school: "),
    ("Rosa", "Mendes", ""),
    ("Stuart", "Kemp", " Yours faithfully, Stuart"),
    ("Tara", "Quinn", " The bus service was also cut last year."),
    ("Uma", "Desai", ""),
    ("Victor", "Hale", "PLEASE READ. "),
    ("Helen", "Ward", " (Sent again by post.)"),  # the same person twice: one person, two submissions
]


def load_demo_campaigns() -> None:
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
    if consultation is None or db.session.scalar(
        select(Campaign.id).where(Campaign.consultation_id == consultation.id).limit(1)
    ):
        return
    for number, (first, last, touch) in enumerate(SENDERS):
        text = touch + LETTER if not touch.startswith(" ") else LETTER + touch
        item = clean_item(consultation, {
            "part": "Policy SP3", "nature": "object", "legally_compliant": "yes", "sound": "no",
            "dtc_compliant": "not-specified", "unsound_tests": ["justified", "consistent-with-national-policy"],
            "comment": text, "modification": "Delete the Bricket Wood allocation.",
        })  # fmt: skip
        person = {"title": "", "first_name": first, "last_name": last, "organisation": "", "job_title": "",
                  "email": f"{first.lower()}.{last.lower()}@example.net", "phone": "",
                  "address": f"{number + 2} Station Road, Bricket Wood", "postcode": "AL2 3PJ"}  # fmt: skip
        received = consultation.opens_at + timedelta(days=2, hours=number * 3)
        record_response(consultation, person, None, [item], channel="online", received_at=received)
    group_consultation(consultation.id)
    biggest = db.session.scalars(select(Campaign).where(Campaign.consultation_id == consultation.id)).first()
    if biggest is not None:
        update_campaign(biggest, {"name": NAME, "template_text": LETTER, "confirmed": True})
