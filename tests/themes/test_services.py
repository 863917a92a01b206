"""Themes, tags and main issue links: one representation, a selection, a search's whole result or a campaign, in
one step; nothing is written when the selection is wrong."""

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, MainIssue, StrategicMatter, Theme, representation_matter, representation_theme
from engage.models.evidence import main_issue_representation
from engage.representations.queries import RepresentationFilters
from engage.themes import services
from engage.themes.selection import Selection
from tests.factories import create_consultation
from tests.themes.helpers import add_representations, create_campaign


def _count(table, **where):
    query = select(func.count()).select_from(table)
    for name, value in where.items():
        query = query.where(table.c[name] == value)
    return db.session.scalar(query)


@pytest.fixture
def consultation():
    return create_consultation()


def test_a_theme_name_is_tidied_and_unique_within_its_consultation(consultation):
    theme = services.create_theme(consultation, "  Traffic   on the A41 ")
    assert theme.name == "Traffic on the A41"
    with pytest.raises(ValidationError) as error:
        services.create_theme(consultation, "traffic on the a41")
    assert error.value.errors == {"name": ["There is already a theme called ‘traffic on the a41’"]}
    other = create_consultation()
    assert services.create_theme(other, "Traffic on the A41").consultation_id == other.id


def test_renaming_and_deleting_a_theme_keeps_the_representations(consultation):
    [representation] = add_representations(consultation, ["Too much traffic"])
    theme = services.create_theme(consultation, "Traffic")
    services.tag(consultation, Selection.of("selected", ids=[representation.id]), themes=[theme])
    services.rename_theme(theme, "Traffic and congestion")
    assert [t.name for t in representation.themes] == ["Traffic and congestion"]
    services.delete_theme(theme)
    assert db.session.scalar(select(func.count(Theme.id))) == 0
    assert _count(representation_theme) == 0
    assert db.session.get(type(representation), representation.id) is not None


def test_tagging_ticked_representations_with_a_theme_and_a_matter_is_idempotent(consultation):
    first, second, third = add_representations(consultation, ["Green Belt", "Roads", "Schools"])
    theme = services.create_theme(consultation, "Green Belt release")
    matter = db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == "green-belt"))
    selection = Selection.of("selected", ids=[first.id, second.id])

    assert services.tag(consultation, selection, themes=[theme], matters=[matter]) == 4
    assert services.tag(consultation, selection, themes=[theme], matters=[matter]) == 0

    assert _count(representation_theme, theme_id=theme.id) == 2
    assert _count(representation_matter, matter_id=matter.id) == 2
    assert services.tag(consultation, Selection.of("selected", ids=[first.id]), themes=[theme], remove=True) == 1
    assert _count(representation_theme, theme_id=theme.id) == 1
    assert db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action.in_(["tag", "untag"]))) == 3
    assert third.themes == []


def test_tagging_everything_the_search_finds(consultation):
    part = consultation.parts[1]
    add_representations(consultation, ["About SP1", "Also SP1"], part=part)
    add_representations(consultation, ["Elsewhere"])
    theme = services.create_theme(consultation, "Spatial strategy")
    selection = Selection.of("filtered", filters=RepresentationFilters(part=part.ref))
    assert services.tag(consultation, selection, themes=[theme]) == 2


def test_linking_a_whole_campaign_to_a_main_issue_in_one_step(consultation):
    campaign_id = create_campaign(consultation)
    campaign = add_representations(consultation, ["Save our fields"] * 30, campaign_id=campaign_id)
    add_representations(consultation, ["Something else"])
    issue = MainIssue(consultation_id=consultation.id, title="Loss of Green Belt")
    db.session.add(issue)
    db.session.commit()

    assert services.link_to_issue(issue, Selection.of("campaign", campaign=str(campaign_id))) == 30
    assert services.link_to_issue(issue, Selection.of("campaign", campaign=str(campaign_id))) == 0
    assert {r.id for r in issue.representations} == {r.id for r in campaign}
    assert services.link_to_issue(issue, Selection.of("selected", ids=[campaign[0].id]), remove=True) == 1
    assert _count(main_issue_representation, main_issue_id=issue.id) == 29


def test_a_wrong_selection_writes_nothing(consultation):
    [mine] = add_representations(consultation, ["Mine"])
    [theirs] = add_representations(create_consultation(), ["Theirs"])
    theme = services.create_theme(consultation, "Anything")
    cases = [
        (Selection.of("selected"), {"representations": ["Select at least one representation"]}),
        (
            Selection.of("selected", ids=[mine.id, theirs.id]),
            {"representations": ["Select representations of this consultation"]},
        ),
        (
            Selection.of("campaign", campaign="99"),
            {"campaign": ["Campaign 99 has no representations in this consultation"]},
        ),
        (Selection.of("campaign", campaign="x"), {"campaign": ["Enter the campaign’s number, like 12"]}),
        (
            Selection.of("filtered", filters=RepresentationFilters(nature="support")),
            {"representations": ["No representations match the search"]},
        ),
        (
            Selection.of("selected", references=[theirs.reference]),
            {
                "representations": [
                    f"Enter references of representations to this consultation (not found: {theirs.reference})"
                ]
            },
        ),
    ]
    for selection, errors in cases:
        with pytest.raises(ValidationError) as error:
            services.tag(consultation, selection, themes=[theme])
        assert error.value.errors == errors
    assert _count(representation_theme) == 0


def test_references_select_representations_for_the_api(consultation):
    first, second = add_representations(consultation, ["One", "Two"])
    theme = services.create_theme(consultation, "Numbers")
    assert (
        services.tag(consultation, Selection.of("selected", references=[first.reference.lower()]), themes=[theme]) == 1
    )
