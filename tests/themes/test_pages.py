"""The themes pages: tagging and linking by ticking, by search or by campaign; naming themes; the main issues with
their counts; publishing "You said, we did"; an officer's response to one representation."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import MainIssue, RepresentationResponse, Theme, utcnow
from engage.models.evidence import main_issue_representation
from engage.themes import queries, services
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form
from tests.themes.helpers import add_representations, create_campaign


@pytest.fixture
def consultation():
    now = utcnow()
    return create_consultation(opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1))


@pytest.fixture
def issue(consultation):
    issue = MainIssue(consultation_id=consultation.id, title="Loss of Green Belt", council_response="We agree.")
    db.session.add(issue)
    db.session.commit()
    return issue


def _linked(issue) -> int:
    query = select(func.count()).select_from(main_issue_representation)
    return db.session.scalar(query.where(main_issue_representation.c.main_issue_id == issue.id))


def test_the_themes_page_lists_representations_with_a_box_to_tick(officer_client, consultation):
    add_representations(consultation, ["Too much traffic on the A41"])
    page = get_page(officer_client, "themes.index", consultation_id=consultation.id)
    assert page.select_one("h1").get_text(strip=True) == "Themes and tags"
    assert "Too much traffic on the A41" in page.get_text()
    assert len(page.select("input[name=representations]")) == 1


def test_tagging_the_ticked_representations_with_a_theme(officer_client, consultation):
    first, second = add_representations(consultation, ["Roads", "Schools"])
    theme = services.create_theme(consultation, "Traffic")
    response = post_form(
        officer_client,
        "themes.bulk_action",
        {"representations": [str(first.id)], "scope": "selected", "theme": str(theme.id), "action": "tag"},
        {"consultation_id": consultation.id},
    )
    assert response.status_code == 302
    assert [r.id for r in db.session.get(Theme, theme.id).representations] == [first.id]


def test_nothing_ticked_shows_the_error_and_keeps_the_choices(officer_client, consultation):
    add_representations(consultation, ["Roads"])
    theme = services.create_theme(consultation, "Traffic")
    response = post_form(
        officer_client,
        "themes.bulk_action",
        {"scope": "selected", "theme": str(theme.id), "action": "tag"},
        {"consultation_id": consultation.id},
    )
    page = parse(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    assert error_summary(page) == ["Select at least one representation"]
    assert page.select_one("#theme option[selected]")["value"] == str(theme.id)


def test_linking_everything_the_search_finds_to_a_main_issue(officer_client, consultation, issue):
    add_representations(consultation, ["Object"] * 3, nature="object")
    add_representations(consultation, ["Support"], nature="support")
    response = officer_client.post(
        f"/themes/consultations/{consultation.id}/bulk?nature=object",
        data={"scope": "filtered", "issue": str(issue.id), "action": "link"},
    )
    assert response.status_code == 302
    assert "nature=object" in response.headers["Location"]
    assert _linked(issue) == 3


def test_linking_a_whole_campaign_to_a_main_issue(officer_client, consultation, issue):
    campaign_id = create_campaign(consultation)
    add_representations(consultation, ["Save the fields"] * 12, campaign_id=campaign_id)
    add_representations(consultation, ["Other"])
    response = post_form(
        officer_client,
        "themes.bulk_action",
        {"scope": "campaign", "campaign": str(campaign_id), "issue": str(issue.id), "action": "link"},
        {"consultation_id": consultation.id},
    )
    assert response.status_code == 302
    assert _linked(issue) == 12


def test_a_campaign_that_is_not_there_is_an_error_next_to_the_field(officer_client, consultation, issue):
    add_representations(consultation, ["Other"])
    response = post_form(
        officer_client,
        "themes.bulk_action",
        {"scope": "campaign", "campaign": "77", "issue": str(issue.id), "action": "link"},
        {"consultation_id": consultation.id},
    )
    page = parse(response)
    assert error_summary(page) == ["Campaign 77 has no representations in this consultation"]
    assert page.select_one("input[name=scope][checked]")["value"] == "campaign"


def test_adding_a_theme_and_a_duplicate(officer_client, consultation):
    url = {"consultation_id": consultation.id}
    assert post_form(officer_client, "themes.new_theme", {"name": "Traffic"}, url).status_code == 302
    response = post_form(officer_client, "themes.new_theme", {"name": "traffic"}, url)
    assert error_summary(parse(response)) == ["There is already a theme called ‘traffic’"]
    assert db.session.scalar(select(func.count(Theme.id))) == 1


def test_renaming_and_removing_a_theme(officer_client, consultation):
    theme = services.create_theme(consultation, "Trafic")
    theme_id = theme.id
    assert (
        post_form(officer_client, "themes.edit_theme", {"name": "Traffic"}, {"theme_id": theme.id}).status_code == 302
    )
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).name == "Traffic"
    get_page(officer_client, "themes.delete_theme", theme_id=theme.id)
    assert post_form(officer_client, "themes.delete_theme", {}, {"theme_id": theme.id}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, theme_id) is None


def test_main_issues_count_representations_and_people_once_each(viewer_client, consultation, issue):
    same_person = add_representations(consultation, ["One", "Two"], email="pat@example.com")
    same_person += add_representations(consultation, ["Three"], email="PAT@example.com")
    others = add_representations(consultation, ["Four", "Five"])
    db.session.execute(
        main_issue_representation.insert(),
        [{"main_issue_id": issue.id, "representation_id": r.id} for r in same_person + others],
    )
    db.session.commit()
    page = get_page(viewer_client, "themes.main_issues", consultation_id=consultation.id)
    cells = [td.get_text(strip=True) for td in page.select("tbody tr")[0].select("td")]
    assert cells[:4] == ["Loss of Green Belt", "5", "3", "We agree."]
    assert queries.people_count(issue.id) == 3


def test_you_said_we_did_is_hidden_until_published(client, officer_client, consultation, issue):
    issue.proposed_change = "Remove site H4"
    issue.part_id = consultation.parts[1].id
    db.session.commit()
    assert client.get(f"/consult/{consultation.slug}/you-said-we-did").status_code == 404

    response = post_form(officer_client, "themes.publish_feedback", {}, {"consultation_id": consultation.id})
    assert response.status_code == 302
    page = get_page(client, "respond.you_said_we_did", slug=consultation.slug)
    text = page.get_text(" ", strip=True)
    assert "Loss of Green Belt" in text and "We agree." in text
    assert "We propose to change Policy SP1: Spatial strategy" in text

    post_form(officer_client, "themes.unpublish_feedback", {}, {"consultation_id": consultation.id})
    assert client.get(f"/consult/{consultation.slug}/you-said-we-did").status_code == 404


def test_you_said_we_did_cannot_be_published_while_the_consultation_is_open(officer_client, issue):
    consultation = create_consultation()
    issue.consultation_id = consultation.id
    db.session.commit()
    response = post_form(officer_client, "themes.publish_feedback", {}, {"consultation_id": consultation.id})
    assert error_summary(parse(response)) == ["You can publish “You said, we did” once the consultation has closed"]


def test_an_officer_responds_to_one_representation(officer_client, consultation):
    [representation] = add_representations(consultation, ["My fence"])
    url = {"reference": representation.reference}
    get_page(officer_client, "themes.response", **url)
    assert post_form(officer_client, "themes.response", {"text": "Not a planning matter."}, url).status_code == 302
    assert db.session.get(RepresentationResponse, representation.id).text == "Not a planning matter."
    response = post_form(officer_client, "themes.response", {"text": ""}, url)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(RepresentationResponse, representation.id) is None


def test_unlinking_from_the_main_issue_page(officer_client, consultation, issue):
    first, second = add_representations(consultation, ["A", "B"])
    services.link_to_issue(issue, services.Selection.of("selected", ids=[first.id, second.id]))
    page = get_page(officer_client, "themes.main_issue", issue_id=issue.id)
    assert len(page.select("input[name=representations]")) == 2
    assert "2 representations by 2 people" in page.get_text()
    response = post_form(officer_client, "themes.unlink", {"representations": [str(first.id)]}, {"issue_id": issue.id})
    assert response.status_code == 302
    assert _linked(issue) == 1


def test_the_representation_page_shows_its_tags_main_issues_and_response(officer_client, consultation, issue):
    [representation] = add_representations(consultation, ["Roads"])
    theme = services.create_theme(consultation, "Traffic")
    selection = services.Selection.of("selected", ids=[representation.id])
    services.tag(consultation, selection, [theme], services.find_matters(["transport"]))
    services.link_to_issue(issue, selection)
    services.respond(representation, "A new junction is planned.")
    page = get_page(officer_client, "consultations.representation", reference=representation.reference)
    rows = {
        row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(" ", strip=True)
        for row in page.select(".govuk-summary-list__row")
    }
    assert rows["Themes"] == "Traffic"
    assert rows["Strategic matters"] == "Transport and highways"
    assert rows["Main issues"] == "Loss of Green Belt"
    assert rows["Council’s response to this representation"] == "A new junction is planned."


def test_the_public_consultation_page_links_to_you_said_we_did_once_published(client, consultation, issue):
    page = get_page(client, "respond.show", slug=consultation.slug)
    assert not page.select("a[href$='/you-said-we-did']")
    services.publish_feedback(consultation)
    page = get_page(client, "respond.show", slug=consultation.slug)
    assert page.select_one("a[href$='/you-said-we-did']")


def test_everything_tagged_with_a_theme_is_linked_to_a_main_issue_in_one_step(officer_client, consultation, issue):
    roads = add_representations(consultation, ["Roads", "Junctions", "Buses"])
    add_representations(consultation, ["Fields"])
    theme = services.create_theme(consultation, "Traffic")
    services.tag(consultation, services.Selection.of("selected", ids=[r.id for r in roads[:2]]), [theme])

    page = get_page(officer_client, "themes.index", consultation_id=consultation.id, tagged=theme.id)
    assert len(page.select("input[name=representations]")) == 2
    page = get_page(officer_client, "themes.index", consultation_id=consultation.id, tagged="none")
    assert len(page.select("input[name=representations]")) == 2
    assert page.select_one("#tagged option[selected]")["value"] == "none"

    response = officer_client.post(
        f"/themes/consultations/{consultation.id}/bulk?tagged={theme.id}",
        data={"scope": "filtered", "issue": str(issue.id), "action": "link"},
    )
    assert response.status_code == 302
    assert f"tagged={theme.id}" in response.headers["Location"]
    assert _linked(issue) == 2


def test_a_tagged_filter_that_is_not_a_theme_says_so(officer_client, consultation):
    add_representations(consultation, ["Roads"])
    page = get_page(officer_client, "themes.index", consultation_id=consultation.id, tagged="lots")
    assert error_summary(page) == ["Tagged must be a theme id, or none"]
    assert len(page.select("input[name=representations]")) == 1


def test_unlinking_nothing_ticked_says_so(officer_client, consultation, issue):
    [first] = add_representations(consultation, ["A"])
    services.link_to_issue(issue, services.Selection.of("selected", ids=[first.id]))
    response = post_form(officer_client, "themes.unlink", {}, {"issue_id": issue.id})
    assert response.status_code == 200
    assert error_summary(parse(response)) == ["Select at least one representation"]
    assert _linked(issue) == 1
