"""Demo content for themes and main issues: the closed Regulation 18 round's representations tagged with themes
and strategic matters, linked to its main issues, one answered on its own, and its "You said, we did" page
published; what people said about affordable homes is left untagged, so the suggestions have something to offer.
All through the services officers use. Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, MainIssue, Representation, Theme
from engage.representations.services import key_in
from engage.themes import services
from engage.themes.selection import Selection

# (words in the comment, theme, strategic matter, main issue)
TAGS = [
    ("rail access", "Growth near stations", "transport", "Growth near rail stations"),
    ("Green Belt", "Green Belt around villages", "green-belt", "Protecting the Green Belt"),
    ("congested", "Traffic and roads", "transport", "Infrastructure before growth"),
    ("GP surgeries", "Doctors and schools", "health", "Infrastructure before growth"),
]

# Letters and emails officers keyed in; those on affordable homes and flooding stay untagged for the suggestions.
LETTERS = [
    ("Tariq", "Aziz", "Put new homes near stations with good rail access, such as Kings Langley and Watford Junction."),
    ("Grace", "Lim", "Growth with rail access means fewer cars; build by the stations first."),
    ("Maya", "Collins", "Young families cannot afford homes here; we need affordable homes and social rent."),
    ("Owen", "Price", "Affordable homes for local young people should come first, with social rent homes."),
    ("Lena", "Fischer", "Please build affordable homes that young families and key workers can afford."),
    ("Raj", "Mehta", "Social rent and affordable homes are what the area needs, not executive houses."),
    ("Ella", "Novak", "The river floods every winter; building on the flood plain will make flooding worse."),
    (
        "Dan",
        "Hughes",
        "Flooding from the river and surface water is already a problem; keep homes off the flood plain.",
    ),
    ("Ivy", "Stone", "Flood risk near the river must rule out the meadows; flooding reached our street last year."),
    ("Noah", "Ward", "Surface water flooding and the river flood plain make these sites unsuitable."),
]


def load_demo_themes() -> None:
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
    if consultation is None or db.session.scalar(select(Theme.id).where(Theme.consultation_id == consultation.id)):
        return
    _letters(consultation)
    representations = list(
        db.session.scalars(select(Representation).where(Representation.consultation_id == consultation.id))
    )
    issues = {
        issue.title: issue
        for issue in db.session.scalars(select(MainIssue).where(MainIssue.consultation_id == consultation.id))
    }
    for words, name, matter, issue_title in TAGS:
        ids = [r.id for r in representations if words.lower() in (r.comment or "").lower()]
        if not ids:
            continue
        selection = Selection.of("selected", ids=ids)
        theme = services.create_theme(consultation, name)
        services.tag(consultation, selection, [theme], services.find_matters([matter]))
        if issue_title in issues:
            services.link_to_issue(issues[issue_title], selection)
    services.respond(
        next(r for r in representations if "afford homes here" in (r.comment or "")),
        "Thank you. The plan will set a target for affordable homes, informed by the local housing needs study.",
    )
    if issues:
        services.publish_feedback(consultation)


def _letters(consultation: Consultation) -> None:
    for number, (first, last, comment) in enumerate(LETTERS):
        person = {"first_name": first, "last_name": last, "email": f"{first.lower()}.{last.lower()}@example.com"}
        item = {"nature": "comment", "comment": comment}
        received = consultation.opens_at + timedelta(days=10 + number, hours=2)
        key_in(consultation, person, None, item, channel="email" if number % 2 else "post", received_at=received)
