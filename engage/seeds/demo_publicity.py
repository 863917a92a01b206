"""Demo publicity for the statement of consultation: how each demo consultation was made known beyond the
invitations (public notices, press, website, social media, newsletter, exhibitions with their attendance, deposit
points), dated around its opening. Recorded through the same service as the officer pages. Idempotent."""

from datetime import date, timedelta

from sqlalchemy import select

from engage.common.dates import london
from engage.evidence.consultation_statement.publicity import record_publicity
from engage.extensions import db
from engage.models import Consultation, Publicity

# (method, what and where, days from the opening day, days it lasted, attendance)
PUBLICITY = {
    "issues-and-options": [
        ("public-notice", "Public notice in the Watford Observer and the Herts Advertiser", -3, 0, None),
        ("press", "Press release from the five councils, covered by BBC Three Counties Radio", 0, 0, None),
        ("website", "Consultation page on each council’s website and the joint plan website", 0, 56, None),
        ("social-media", "Posts on the councils’ Facebook, X and Nextdoor accounts, weekly", 0, 56, None),
        ("newsletter", "Article in the residents’ magazines of Dacorum and St Albans", 7, 0, None),
        ("exhibition", "Drop-in exhibition at Watford Town Hall", 10, 0, 64),
        ("exhibition", "Drop-in exhibition at Hemel Hempstead Civic Centre", 17, 0, 41),
        ("event", "Online webinar with questions and answers", 24, 0, 112),
        ("deposit-point", "Main libraries in Hemel Hempstead, St Albans, Watford, Borehamwood and Rickmansworth",
         0, 56, None),
    ],
    "publication-plan": [
        ("public-notice", "Statement of the representations procedure in the Watford Observer", -1, 0, None),
        ("website", "Publication page on the joint plan website with every document", 0, 42, None),
        ("social-media", "Posts on the councils’ social media accounts", 0, 42, None),
        ("event", "Briefing for town and parish councils", 5, 0, 37),
        ("deposit-point", "Council offices of the five councils and their main libraries", 0, 42, None),
    ],
}  # fmt: skip


def load_demo_publicity() -> None:
    for slug, items in PUBLICITY.items():
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == slug))
        if consultation is None or db.session.scalar(
            select(Publicity.id).where(Publicity.consultation_id == consultation.id).limit(1)
        ):
            continue
        opening: date = london(consultation.opens_at).date()
        for method, description, offset, days, attendance in items:
            starts_on = opening + timedelta(days=offset)
            record_publicity(
                consultation,
                {
                    "method": method,
                    "description": description,
                    "starts_on": starts_on,
                    "ends_on": starts_on + timedelta(days=days) if days else None,
                    "attendance": attendance,
                },
            )
