"""The themes API: themes named and listed with their counts, tags and main issue links by selection (references,
a search, a campaign), progress, suggested themes, responses and publishing "You said, we did"."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import MainIssue, utcnow
from engage.models.evidence import main_issue_representation
from tests.api.conftest import assert_matches
from tests.factories import create_consultation
from tests.themes.helpers import add_representations, create_campaign


@pytest.fixture
def consultation():
    now = utcnow()
    return create_consultation(opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1))


@pytest.fixture
def issue(consultation):
    issue = MainIssue(consultation_id=consultation.id, title="Traffic", council_response="New junction at A41.")
    db.session.add(issue)
    db.session.commit()
    return issue


def test_themes_are_named_tagged_and_listed_with_their_counts(officer_api, openapi, consultation):
    first, second = add_representations(consultation, ["Roads", "Junctions"])
    created = officer_api.post(f"/api/v1/consultations/{consultation.id}/themes", json={"name": "Traffic"})
    assert_matches(openapi, created, "/consultations/{consultation_id}/themes", "post")
    theme_id = created.json["id"]

    tagged = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/tags",
        json={"references": [first.reference, second.reference], "themes": [theme_id], "matters": ["green-belt"]},
    )
    assert_matches(openapi, tagged, "/consultations/{consultation_id}/tags", "post")
    assert tagged.json == {"changed": 4}

    listed = officer_api.get(f"/api/v1/consultations/{consultation.id}/themes")
    assert_matches(openapi, listed, "/consultations/{consultation_id}/themes")
    assert [(t["name"], t["representation_count"]) for t in listed.json["items"]] == [("Traffic", 2)]

    renamed = officer_api.patch(f"/api/v1/themes/{theme_id}", json={"name": "Traffic and roads"})
    assert_matches(openapi, renamed, "/themes/{theme_id}", "patch")
    assert renamed.json["name"] == "Traffic and roads"
    removed = officer_api.delete(f"/api/v1/themes/{theme_id}")
    assert_matches(openapi, removed, "/themes/{theme_id}", "delete")
    assert officer_api.get(f"/api/v1/consultations/{consultation.id}/themes").json["total"] == 0


def test_a_duplicate_theme_or_an_unknown_reference_is_a_422(officer_api, openapi, consultation):
    officer_api.post(f"/api/v1/consultations/{consultation.id}/themes", json={"name": "Traffic"})
    again = officer_api.post(f"/api/v1/consultations/{consultation.id}/themes", json={"name": "TRAFFIC"})
    assert again.status_code == 422
    assert again.json["errors"] == {"name": ["There is already a theme called ‘TRAFFIC’"]}
    unknown = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/tags", json={"references": ["R-99999-1"], "matters": ["green-belt"]}
    )
    assert unknown.status_code == 422
    assert list(unknown.json["errors"]) == ["representations"]
    bad_search = officer_api.post(
        f"/api/v1/consultations/{consultation.id}/tags",
        json={"scope": "filtered", "search": {"nature": "angry"}, "matters": ["green-belt"]},
    )
    assert bad_search.status_code == 422
    assert list(bad_search.json["errors"]) == ["search.nature"]


def test_a_main_issue_links_a_search_result_and_a_campaign(officer_api, openapi, consultation, issue):
    add_representations(consultation, ["Object"] * 3, nature="object")
    campaign_id = create_campaign(consultation)
    add_representations(consultation, ["Campaign"] * 4, campaign_id=campaign_id, nature="support")
    path = f"/api/v1/main-issues/{issue.id}/representations"

    by_search = officer_api.post(path, json={"scope": "filtered", "search": {"nature": "object"}})
    assert_matches(openapi, by_search, "/main-issues/{issue_id}/representations", "post")
    assert by_search.json == {"changed": 3}
    assert officer_api.post(path, json={"scope": "campaign", "campaign": campaign_id}).json == {"changed": 4}
    query = select(func.count()).select_from(main_issue_representation)
    assert db.session.scalar(query) == 7
    assert officer_api.post(path, json={"scope": "campaign", "campaign": campaign_id, "remove": True}).json == {
        "changed": 4
    }

    shown = officer_api.get(f"/api/v1/main-issues/{issue.id}")
    assert_matches(openapi, shown, "/main-issues/{issue_id}")
    assert len(shown.json["representations"]) == 3
    assert (shown.json["representation_count"], shown.json["people_count"]) == (3, 3)


def test_progress_counts_what_officers_have_done(viewer_api, officer_api, openapi, consultation, issue):
    first, second, third = add_representations(consultation, ["A", "B", "C"])
    add_representations(consultation, ["D"], campaign_id=create_campaign(consultation))
    officer_api.post(
        f"/api/v1/consultations/{consultation.id}/tags",
        json={"references": [first.reference], "matters": ["education"]},
    )
    officer_api.post(f"/api/v1/main-issues/{issue.id}/representations", json={"references": [second.reference]})
    officer_api.put(f"/api/v1/representations/{third.reference}/response", json={"text": "Noted."})

    response = viewer_api.get(f"/api/v1/consultations/{consultation.id}/progress")
    assert_matches(openapi, response, "/consultations/{consultation_id}/progress")
    assert response.json == {"total": 4, "tagged": 1, "grouped": 1, "linked": 1, "answered": 2, "redacted": 0}


def test_a_response_is_recorded_and_taken_away(officer_api, openapi, consultation):
    [representation] = add_representations(consultation, ["My fence"])
    path = f"/api/v1/representations/{representation.reference}/response"
    saved = officer_api.put(path, json={"text": "Not a planning matter."})
    assert_matches(openapi, saved, "/representations/{reference}/response", "put")
    assert saved.json["text"] == "Not a planning matter."
    removed = officer_api.put(path, json={"text": ""})
    assert removed.json == {"reference": representation.reference, "text": "", "responded_at": None}
    assert officer_api.put("/api/v1/representations/R-99999-1/response", json={"text": "x"}).status_code == 404


def test_you_said_we_did_is_published_and_taken_down(officer_api, openapi, client, consultation, issue):
    base = f"/api/v1/consultations/{consultation.id}/you-said-we-did"
    assert officer_api.get(base).json["published"] is False
    published = officer_api.post(base + "/publish")
    assert_matches(openapi, published, "/consultations/{consultation_id}/you-said-we-did/publish", "post")
    assert published.json["url"].endswith(f"/consult/{consultation.slug}/you-said-we-did")
    assert client.get(f"/consult/{consultation.slug}/you-said-we-did").status_code == 200
    assert officer_api.post(base + "/unpublish").json["published"] is False
    assert client.get(f"/consult/{consultation.slug}/you-said-we-did").status_code == 404


def test_suggested_themes_name_groups_of_untagged_representations(viewer_api, openapi, consultation):
    add_representations(consultation, ["School places for children are full"] * 3)
    add_representations(consultation, ["Traffic congestion on the roads"] * 3)
    response = viewer_api.get(f"/api/v1/consultations/{consultation.id}/suggested-themes")
    assert_matches(openapi, response, "/consultations/{consultation_id}/suggested-themes")
    names = sorted(item["name"] for item in response.json["items"])
    assert len(names) == 2 and all(len(item["representations"]) == 3 for item in response.json["items"])


def test_the_api_reads_and_changes_the_part(officer_api):
    consultation = create_consultation()
    path = f"/api/v1/consultations/{consultation.id}/main-issues"
    created = officer_api.post(path, json={"title": "Green Belt", "proposed_change": "Keep H4", "part": "policy sp1"})
    assert created.status_code == 201
    assert created.json["part"] == "Policy SP1"
    changed = officer_api.patch(f"/api/v1/main-issues/{created.json['id']}", json={"part": ""})
    assert changed.json["part"] is None
    wrong = officer_api.patch(f"/api/v1/main-issues/{created.json['id']}", json={"part": "Nowhere"})
    assert wrong.status_code == 422 and list(wrong.json["errors"]) == ["part"]


def test_a_large_consultations_suggestions_come_from_a_job(officer_api, openapi, consultation, monkeypatch):
    from engage.themes import suggest

    monkeypatch.setattr(suggest, "INLINE_LIMIT", 2)
    add_representations(consultation, ["School places for children are full"] * 3)
    add_representations(consultation, ["Traffic congestion on the roads"] * 3)
    path = f"/api/v1/consultations/{consultation.id}/suggested-themes"
    assert officer_api.get(path).json["total"] == 0
    started = officer_api.post(path)
    assert_matches(openapi, started, "/consultations/{consultation_id}/suggested-themes", "post")
    assert started.json["total_rows"] == 6
    assert officer_api.get(path).json["total"] == 2


def test_a_search_can_take_the_untagged_or_a_themes_representations(officer_api, consultation, issue):
    first, second, third = add_representations(consultation, ["A", "B", "C"])
    theme = officer_api.post(f"/api/v1/consultations/{consultation.id}/themes", json={"name": "Letters"}).json
    tags = f"/api/v1/consultations/{consultation.id}/tags"
    officer_api.post(tags, json={"references": [first.reference], "themes": [theme["id"]]})
    path = f"/api/v1/main-issues/{issue.id}/representations"
    untagged = officer_api.post(path, json={"scope": "filtered", "search": {"tagged": "none"}})
    assert untagged.json == {"changed": 2}
    by_theme = officer_api.post(path, json={"scope": "filtered", "search": {"tagged": str(theme["id"])}})
    assert by_theme.json == {"changed": 1}
    wrong = officer_api.post(path, json={"scope": "filtered", "search": {"tagged": "many"}})
    assert wrong.status_code == 422 and list(wrong.json["errors"]) == ["search.tagged"]
