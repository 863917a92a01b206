"""The officers' campaign pages: the groups and the three counts, finding campaigns, and a group's page with its
actions; bad input shows the error summary and changes nothing."""

import pytest
from sqlalchemy import select

from engage.campaigns import services
from engage.campaigns.grouping import find_campaigns
from engage.extensions import db
from engage.models import Campaign
from tests.campaigns.helpers import OTHER_LETTER, add, campaign_of_copies
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form


@pytest.fixture
def consultation():
    consultation = create_consultation()
    campaign_of_copies(consultation, 3)
    add(consultation, OTHER_LETTER, email="other@example.com")
    add(consultation, OTHER_LETTER, email="OTHER@example.com")  # the same person, twice
    return consultation


def _campaigns(consultation):
    db.session.expire_all()
    return list(db.session.scalars(select(Campaign).where(Campaign.consultation_id == consultation.id)))


def _ids(consultation, campaign):
    return {"consultation_id": consultation.id, "campaign_id": campaign.id}


def _counts(page) -> dict[str, str]:
    rows = page.select(".govuk-summary-list__row")
    return {
        row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(strip=True).split(" ")[0]
        for row in rows
    }


def test_finding_campaigns_lists_the_suggested_groups(officer_client, consultation):
    response = post_form(officer_client, "campaigns.find", {}, {"consultation_id": consultation.id})
    assert response.status_code == 302
    page = get_page(officer_client, "campaigns.index", consultation_id=consultation.id)
    names = [link.get_text(strip=True) for link in page.select("table a")]
    assert len(names) == 2 and names[0].startswith("Suggested group 1: I object")
    assert [cell.get_text(strip=True) for cell in page.select("table tbody tr")[0].select("td")][1:] == [
        "Suggested",
        "3",
        "3",
    ]
    assert "2 groups of 5 representations suggested" in page.get_text(" ", strip=True)


def test_the_three_counts_count_a_confirmed_campaign_once_and_a_person_once(officer_client, consultation):
    find_campaigns(consultation)
    page = get_page(officer_client, "campaigns.index", consultation_id=consultation.id)
    assert _counts(page) == {"Submissions": "5", "Distinct arguments": "5", "Distinct people": "4"}
    for campaign in _campaigns(consultation):
        services.confirm_campaign(campaign)
    page = get_page(officer_client, "campaigns.index", consultation_id=consultation.id)
    assert _counts(page) == {"Submissions": "5", "Distinct arguments": "2", "Distinct people": "4"}


def test_a_group_page_shows_its_members_and_confirming_it(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    page = get_page(officer_client, "campaigns.show", **_ids(consultation, campaign))
    assert len(page.select("table tbody tr")) == 3
    assert page.select_one("h1").get_text(" ", strip=True).endswith("Suggested")
    response = post_form(officer_client, "campaigns.confirm", {}, _ids(consultation, campaign))
    assert response.status_code == 302
    assert _campaigns(consultation)[0].status == "confirmed"


def test_a_viewer_sees_the_group_without_its_actions(viewer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    page = get_page(viewer_client, "campaigns.show", **_ids(consultation, campaign))
    assert page.select("main form") == []


def test_editing_renames_and_confirms(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    page = get_page(officer_client, "campaigns.edit", **_ids(consultation, campaign))
    assert page.select_one("input[name=name]")["value"] == campaign.name
    data = {"name": "Save Bricket Wood", "template_text": "The letter.", "confirmed": "y"}
    response = post_form(officer_client, "campaigns.edit", data, _ids(consultation, campaign))
    assert response.status_code == 302
    saved = _campaigns(consultation)[0]
    assert (saved.name, saved.template_text, saved.status) == ("Save Bricket Wood", "The letter.", "confirmed")


def test_editing_without_a_name_shows_the_error_and_keeps_what_was_typed(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    name = campaign.name
    data = {"name": "", "template_text": "Kept as typed"}
    page = parse(post_form(officer_client, "campaigns.edit", data, _ids(consultation, campaign)))
    assert error_summary(page) == ["Enter a name for the campaign"]
    assert page.select_one("title").get_text().startswith("Error: ")
    assert page.select_one("textarea[name=template_text]").get_text() == "Kept as typed"
    assert _campaigns(consultation)[0].name == name


def test_splitting_from_the_page(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    reference = services.members(campaign)[0].reference
    response = post_form(
        officer_client, "campaigns.split", {"representations": [reference]}, _ids(consultation, campaign)
    )
    assert response.status_code == 302
    assert len(services.members(campaign)) == 2


def test_splitting_out_a_representation_not_in_the_group_shows_the_error(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    data = {"representations": ["R-99999-1"]}
    response = post_form(officer_client, "campaigns.split", data, _ids(consultation, campaign))
    assert response.status_code == 422
    assert error_summary(parse(response)) == ["R-99999-1 is not a representation in this group"]
    assert len(services.members(campaign)) == 3


def test_merging_from_the_page_and_a_group_of_another_consultation_refused(officer_client, consultation):
    find_campaigns(consultation)
    first, second = sorted(_campaigns(consultation), key=lambda campaign: campaign.id)
    elsewhere = create_consultation()
    campaign_of_copies(elsewhere, 2)
    find_campaigns(elsewhere)
    [foreign] = _campaigns(elsewhere)
    response = post_form(officer_client, "campaigns.merge", {"campaign": str(foreign.id)}, _ids(consultation, first))
    assert response.status_code == 422
    assert error_summary(parse(response)) == [
        "That group belongs to another consultation: only groups of the same consultation can be merged"
    ]
    response = post_form(officer_client, "campaigns.merge", {"campaign": "not-an-id"}, _ids(consultation, first))
    assert error_summary(parse(response)) == ["Select the group to merge into this one"]
    response = post_form(officer_client, "campaigns.merge", {"campaign": str(second.id)}, _ids(consultation, first))
    assert response.status_code == 302
    assert [campaign.id for campaign in _campaigns(consultation)] == [first.id]


def test_dissolving_from_the_page(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    response = post_form(officer_client, "campaigns.dissolve", {}, _ids(consultation, campaign))
    assert response.status_code == 302
    assert len(_campaigns(consultation)) == 1


def test_a_campaign_of_another_consultation_is_not_found_under_this_one(officer_client, consultation):
    find_campaigns(consultation)
    campaign = _campaigns(consultation)[0]
    other = create_consultation()
    get_page(officer_client, "campaigns.show", 404, consultation_id=other.id, campaign_id=campaign.id)
    get_page(officer_client, "campaigns.show", 404, consultation_id=consultation.id, campaign_id=2_000_000_000)


def test_the_representations_list_filters_by_campaign(officer_client, consultation):
    find_campaigns(consultation)
    campaign = sorted(_campaigns(consultation), key=lambda each: each.id)[0]
    page = get_page(officer_client, "consultations.representations", consultation_id=consultation.id)
    options = [option.get_text(strip=True) for option in page.select("select[name=campaign] option")]
    assert options[:2] == ["Any", "Not in a campaign"] and campaign.name in options
    page = get_page(
        officer_client, "consultations.representations", consultation_id=consultation.id, campaign=campaign.id
    )
    listed = [link.get_text(strip=True) for link in page.select("table tbody a")]
    assert listed == [member.reference for member in services.members(campaign)]
    assert page.select_one(f"select[name=campaign] option[value='{campaign.id}']").has_attr("selected")


def test_a_representation_page_links_to_its_campaign(officer_client, consultation):
    find_campaigns(consultation)
    campaign = sorted(_campaigns(consultation), key=lambda each: each.id)[0]
    member = services.members(campaign)[0]
    page = get_page(officer_client, "consultations.representation", reference=member.reference)
    link = page.find("a", string=campaign.name)
    assert link["href"].endswith(f"/consultations/{consultation.id}/campaigns/{campaign.id}")
