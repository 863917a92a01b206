"""The pre-submission warnings page: each check, with links to the records to put right."""

from datetime import date, datetime, timedelta

from engage.common.dates import LONDON
from engage.evidence.common_ground import services as scg_services
from engage.evidence.warnings import queries
from engage.extensions import db
from engage.models import Engagement, utcnow
from engage.representations.services import key_in
from tests.factories import create_authority, create_consultation, create_engagement, create_plan, create_stakeholder
from tests.pages import get_page


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time().replace(hour=10), LONDON)


def _body(name="Natural England"):
    return create_stakeholder(kind="organisation", organisation=name, categories=["dtc-prescribed-body"])


def test_a_matter_first_engaged_after_publication_is_listed(viewer_client):
    create_plan()  # Regulation 19 from 11 January 2027
    body = _body()
    create_engagement(starts_at=_at(date(2026, 3, 4)), stakeholders=[body.id], matters=["green-infrastructure"])
    create_engagement(starts_at=_at(date(2027, 2, 1)), stakeholders=[body.id], matters=["green-infrastructure"])
    create_engagement(starts_at=_at(date(2027, 2, 1)), stakeholders=[body.id], matters=["transport"])
    found = queries.late_matters()
    assert [(i.body, i.matter, i.first_engaged, i.published) for i in found.items] == [
        ("Natural England", "Transport and highways", date(2027, 2, 1), date(2027, 1, 11))
    ]
    page = get_page(viewer_client, "evidence.warnings.index")
    link = page.select_one("#late ~ table a")
    assert link.get_text(strip=True) == "Natural England"
    assert f"body={body.id}" in link["href"] and "matter=transport" in link["href"]


def test_held_engagements_missing_evidence_are_listed_with_what_is_missing(viewer_client):
    create_plan()
    authority = create_authority()
    old = Engagement(title="Imported meeting", status="held", starts_at=_at(date(2026, 3, 4)), lead_authority=authority)
    db.session.add(old)
    db.session.commit()
    complete = create_engagement(stakeholders=[_body().id], matters=["transport"], incomplete_reason="")
    found = queries.incomplete_held()
    assert [(e.id, gaps) for e, gaps in found.items] == [
        (old.id, ["no outcome", "no attendees", "no strategic matter"])
    ]
    assert complete.id not in [e.id for e, _ in found.items]
    page = get_page(viewer_client, "evidence.warnings.index")
    assert page.select_one(f"#incomplete ~ table a[href$='/engagements/{old.id}/edit']") is not None


def test_past_planned_engagements_are_listed_to_close(viewer_client):
    create_plan()
    passed = create_engagement(status="planned", outcome="", incomplete_reason="")
    coming = create_engagement(
        status="planned", outcome="", incomplete_reason="", starts_at=utcnow() + timedelta(days=3)
    )
    found = queries.past_planned()
    assert [e.id for e in found.items] == [passed.id]
    assert coming.id not in [e.id for e in found.items]
    page = get_page(viewer_client, "evidence.warnings.index")
    assert page.select_one(f"#planned ~ table a[href$='/engagements/{passed.id}']") is not None


def _objection(body, days_ago: int):
    consultation = create_consultation()
    person = {"first_name": "Jo", "last_name": "Planner", "organisation": body.name, "email": "jo@example.org"}
    item = {"part": "Policy SP1", "nature": "object", "dtc_compliant": "no", "comment": "No co-operation on water."}
    received = utcnow() - timedelta(days=days_ago)
    return key_in(consultation, person, None, item, channel="email", received_at=received, stakeholder_id=body.id)


def test_a_body_saying_the_plan_fails_the_duty_with_no_engagement_since_is_listed(viewer_client):
    create_plan()
    body = _body("Environment Agency")
    create_engagement(starts_at=_at(date(2026, 3, 4)), stakeholders=[body.id], matters=["utilities"])
    respondent = _objection(body, 5)
    found = queries.duty_objections()
    assert [(o.body, o.references, o.last_engaged) for o in found.items] == [
        ("Environment Agency", [respondent.representations[0].reference], date(2026, 3, 4))
    ]
    page = get_page(viewer_client, "evidence.warnings.index")
    assert page.select_one(f"#duty ~ table a[href$='/{respondent.representations[0].reference}']") is not None


def test_engagement_after_the_objection_clears_it():
    create_plan()
    body = _body("Environment Agency")
    _objection(body, 30)
    create_engagement(starts_at=utcnow() - timedelta(days=2), stakeholders=[body.id], matters=["utilities"])
    assert queries.duty_objections().items == []


def test_unsigned_parties_of_a_statement_are_listed(viewer_client):
    create_authority("DBC", "Dacorum Borough Council")
    statement = scg_services.create_statement({"title": "SCG: water"})
    scg_services.add_party(statement.latest, {"authority": "DBC"})
    page = get_page(viewer_client, "evidence.warnings.index")
    section = page.select_one("#statements").find_next("ul").get_text(" ")
    assert "Not signed by 1 of 1 parties: Dacorum Borough Council" in section


def test_the_evidence_index_links_to_the_warnings(viewer_client):
    page = get_page(viewer_client, "evidence.index")
    assert page.select_one("a[href='/evidence/warnings/']") is not None
