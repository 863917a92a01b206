"""An engagement's evidence link is a real hyperlink to a published document, never a page of Engage behind the
sign-in, and its examination library reference is kept and shown: the rule, the pages and the API."""

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.engagements import services
from engage.engagements.links import SIGNED_IN_MESSAGE, evidence_link_problem, reference_problem
from engage.extensions import db
from engage.models import Engagement
from tests.factories import create_authority, create_engagement, create_plan, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form

PUBLISHED = "https://www.example.gov.uk/planning/dtc/minutes-2026-03-04.pdf"


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Engagement))


@pytest.mark.parametrize(
    "url",
    [
        "ftp://files.example.gov.uk/minutes.pdf",
        "javascript:alert(1)",
        "file:///c:/minutes.docx",
        "www.example.gov.uk/minutes.pdf",
        "https://",
        "https://user:secret@example.gov.uk/minutes.pdf",
        "https://example.gov.uk/minutes 2026.pdf",
    ],
)
def test_a_link_that_is_not_an_http_address_is_refused(app, url):
    assert evidence_link_problem(url) is not None


@pytest.mark.parametrize(
    "url", ["http://localhost/engagements/1", "https://127.0.0.1:5000/evidence/dtc-table", "http://localhost/sign-in"]
)
def test_a_page_of_engage_that_needs_signing_in_is_refused(app, url):
    assert evidence_link_problem(url) == SIGNED_IN_MESSAGE


def test_engages_configured_host_counts_as_its_own(app):
    app.config["BASE_URL"] = "https://engage.example.gov.uk"
    assert evidence_link_problem("https://engage.example.gov.uk/consultations/representations/R-00001-1")
    assert evidence_link_problem("https://engage.example.gov.uk/stakeholders/7") == SIGNED_IN_MESSAGE
    assert evidence_link_problem("https://other.example.gov.uk/stakeholders/7") is None


def test_published_documents_and_engages_public_pages_are_accepted(app):
    assert evidence_link_problem(PUBLISHED) is None
    assert evidence_link_problem("http://localhost/consult/local-plan-reg-19/documents/3") is None
    assert evidence_link_problem("") is None


@pytest.mark.parametrize("reference", ["EL-12", "SD/4.2", "EL 3.1 (a)", "CD_7"])
def test_examination_library_references_like_the_programme_officers_are_accepted(reference):
    assert reference_problem(reference) is None


@pytest.mark.parametrize("reference", ["EL<12>", "-12", "x" * 51, "EL;12"])
def test_other_examination_library_references_are_refused(reference):
    assert reference_problem(reference)


def test_the_service_refuses_a_sign_in_page_and_writes_nothing(app):
    create_plan()
    create_authority()
    data = {
        "title": "Meeting",
        "status": "planned",
        "starts_at": None,
        "lead_authority": "WBC",
        "evidence_url": "http://localhost/engagements/1",
        "examination_library_reference": "EL<1>",
    }
    with pytest.raises(ValidationError) as raised:
        services.log_engagement(data)
    assert raised.value.errors["evidence_url"] == [SIGNED_IN_MESSAGE]
    assert "examination_library_reference" in raised.value.errors
    assert _count() == 0


def _form(**overrides):
    data = {
        "status": "held",
        "starts_on": ["4", "3", "2026"],
        "start_time": "10:00",
        "kind": "meeting",
        "lead_authority": "WBC",
        "level": "officer",
        "summary": "Asked about school places",
        "outcome": "Agreed to model pupil yield",
        "agreement": "agreed",
        "matters": ["education"],
        "action_owner": "WBC",
    }
    data.update(overrides)
    return data


def test_the_form_refuses_a_link_to_engage_itself_and_keeps_what_was_typed(officer_client):
    create_plan()
    person = create_stakeholder()
    own = "http://localhost/engagements/12"
    response = post_form(
        officer_client,
        "engagements.new",
        _form(stakeholders=[str(person.id)], evidence_url=own, examination_library_reference="EL-12"),
    )
    page = parse(response)
    assert response.status_code == 200
    assert SIGNED_IN_MESSAGE in error_summary(page)
    assert page.select_one("#evidence_url")["value"] == own
    assert page.select_one("#examination_library_reference")["value"] == "EL-12"
    assert _count() == 0


def test_the_reference_is_saved_and_shown_with_the_link(officer_client):
    create_plan()
    person = create_stakeholder()
    response = post_form(
        officer_client,
        "engagements.new",
        _form(stakeholders=[str(person.id)], evidence_url=PUBLISHED, examination_library_reference=" SD/4.2 "),
    )
    assert response.status_code == 302
    engagement = db.session.scalar(select(Engagement))
    assert (engagement.evidence_url, engagement.examination_library_reference) == (PUBLISHED, "SD/4.2")
    page = get_page(officer_client, "engagements.show", engagement_id=engagement.id)
    assert "Examination library: SD/4.2" in page.get_text(" ", strip=True)
    assert page.select_one(f"a[href='{PUBLISHED}']") is not None


def test_marking_held_takes_the_reference_and_refuses_a_bad_link(officer_client):
    create_plan()
    person = create_stakeholder()
    engagement = create_engagement(stakeholders=[person.id], status="planned", matters=["education"])
    held = {"summary": "Talked", "outcome": "Agreed", "agreement": "agreed", "action_owner": "WBC"}
    response = post_form(
        officer_client,
        "engagements.held",
        {**held, "evidence_url": "ftp://x.example/1"},
        url_kwargs={"engagement_id": engagement.id},
    )
    assert response.status_code == 200 and "https://" in " ".join(error_summary(parse(response)))
    response = post_form(
        officer_client,
        "engagements.held",
        {**held, "evidence_url": PUBLISHED, "examination_library_reference": "EL-3"},
        url_kwargs={"engagement_id": engagement.id},
    )
    assert response.status_code == 302
    db.session.refresh(engagement)
    assert (engagement.status, engagement.examination_library_reference) == ("held", "EL-3")
