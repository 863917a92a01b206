"""The demo shows themes and main issues at work: tagged and linked representations of the closed Regulation 18
round, suggestions for what is still untagged, and a published "You said, we did"."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Consultation, Theme
from engage.seeds.demo import load_demo
from engage.themes import progress, queries, suggest


def test_the_demo_has_themes_links_suggestions_and_a_published_you_said_we_did(client):
    load_demo()
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
    done = progress.of(consultation.id)
    assert 0 < done.tagged < done.total and done.linked and done.answered
    assert all(each.representations and each.people for each in queries.issues_with_counts(consultation.id))
    assert suggest.suggest(consultation.id)
    assert client.get("/consult/issues-and-options/you-said-we-did").status_code == 200

    themes = db.session.scalar(select(func.count(Theme.id)))
    load_demo()
    assert db.session.scalar(select(func.count(Theme.id))) == themes
