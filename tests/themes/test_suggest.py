"""Suggested themes: on a small labelled set, each suggestion gathers representations about one subject and is
named by its words; accepting one makes the theme and tags its representations."""

from collections import Counter

from sqlalchemy import select

from engage.extensions import db
from engage.models import Theme
from engage.themes import services, suggest
from tests.factories import create_consultation
from tests.pages import get_page, post_form
from tests.themes.helpers import add_representations

LABELLED = {
    "traffic": [
        "The A41 is already gridlocked and more homes will bring more traffic congestion",
        "Traffic on the roads through the village is dangerous and congestion is getting worse",
        "New junctions are needed because traffic queues on the A41 at peak times",
        "Congestion and traffic from the new estate will overwhelm our roads",
        "Roads cannot cope with the extra traffic, the congestion is terrible",
        "Traffic congestion on the high street roads is already a daily problem",
    ],
    "green belt": [
        "Building on the Green Belt destroys the open countryside between towns",
        "The Green Belt fields are precious countryside and must be protected",
        "Release of Green Belt land is not justified, use brownfield land first",
        "Protect the Green Belt and the countryside from urban sprawl",
        "Green Belt boundaries should not be changed, the countryside matters",
        "Keep the Green Belt, brownfield land should come first before countryside",
    ],
    "schools": [
        "Local schools are full and there are no school places for children",
        "The primary school cannot take more children, school places are needed",
        "A new secondary school is needed for the extra children",
        "Children already travel miles because the school has no places",
        "School places for children in the area are oversubscribed",
        "Build the school first, children need places before homes",
    ],
}


def _label(text: str) -> str:
    return next(label for label, texts in LABELLED.items() if text in texts)


def test_suggestions_on_a_labelled_set_each_gather_one_subject():
    consultation = create_consultation()
    made = {}
    for texts in LABELLED.values():
        for representation in add_representations(consultation, texts):
            made[representation.id] = representation.comment

    found = suggest.suggest(consultation.id, max_themes=3)

    assert len(found) == 3
    for suggestion in found:
        labels = Counter(_label(made[i]) for i in suggestion.representation_ids)
        label, count = labels.most_common(1)[0]
        assert count / len(suggestion.representation_ids) >= 0.8, labels
        assert any(word.rstrip("s") in suggestion.name.lower() for word in label.split()), (suggestion.name, label)
    assert {Counter(_label(made[i]) for i in s.representation_ids).most_common(1)[0][0] for s in found} == set(LABELLED)


def test_tagged_representations_are_not_suggested_again_and_too_few_give_none():
    consultation = create_consultation()
    representations = add_representations(consultation, LABELLED["schools"] + LABELLED["traffic"][:1])
    theme = services.create_theme(consultation, "Schools")
    services.tag(consultation, services.Selection.of("selected", ids=[r.id for r in representations[:4]]), [theme])
    found = suggest.suggest(consultation.id)
    suggested = {i for s in found for i in s.representation_ids}
    assert not suggested & {r.id for r in representations[:4]}
    assert suggest.suggest(create_consultation().id) == []


def test_accepting_a_suggestion_on_the_page_makes_the_theme(officer_client):
    consultation = create_consultation()
    representations = add_representations(consultation, LABELLED["schools"] + LABELLED["green belt"])
    page = get_page(officer_client, "themes.suggestions", consultation_id=consultation.id)
    form = page.select_one("form[action$='/suggestions/accept']")
    name = form.select_one("input[name=name]")["value"]
    ids = [each["value"] for each in form.select("input[name=representations]")]
    response = post_form(
        officer_client,
        "themes.accept_suggestion",
        {"name": name, "representations": ids},
        {"consultation_id": consultation.id},
    )
    assert response.status_code == 302
    theme = db.session.scalar(select(Theme))
    assert theme.name == name
    assert sorted(str(r.id) for r in theme.representations) == sorted(ids)
    assert len(ids) < len(representations)


def test_a_large_consultation_is_grouped_by_a_job_the_officer_starts(officer_client, monkeypatch):
    monkeypatch.setattr(suggest, "INLINE_LIMIT", 5)
    consultation = create_consultation()
    add_representations(consultation, LABELLED["schools"] + LABELLED["traffic"])
    page = get_page(officer_client, "themes.suggestions", consultation_id=consultation.id)
    assert "too many untagged representations" in page.get_text()
    assert not page.select(".govuk-summary-card")

    response = post_form(officer_client, "themes.find_suggestions", {}, {"consultation_id": consultation.id})
    assert response.status_code == 302
    job = suggest.latest_job(consultation.id)
    assert job.status == "done" and job.total_rows == 12

    page = get_page(officer_client, "themes.suggestions", consultation_id=consultation.id)
    assert len(page.select(".govuk-summary-card")) >= 2
    assert "Find suggested themes again" in page.get_text()
