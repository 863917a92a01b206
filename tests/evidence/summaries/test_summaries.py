"""Engagement summaries per authority and per stakeholder, and their CSV files."""

import csv
import io
from datetime import UTC, date, datetime

from sqlalchemy import select

from engage.extensions import db
from engage.models import Action, Engagement, Invitation, Representation, Respondent, StrategicMatter
from tests.factories import create_authority, create_consultation, create_stakeholder
from tests.pages import error_summary, get_page

PERIOD = {"from": "2026-01-01", "to": "2026-06-30"}


def _engagement(title, when, stakeholders, authority, agreement="ongoing", matters=(), actions=()):
    engagement = Engagement(title=title, status="held", starts_at=when, lead_authority=authority, agreement=agreement)
    engagement.stakeholders = list(stakeholders)
    engagement.matters = [db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == m)) for m in matters]
    engagement.actions = list(actions)
    db.session.add(engagement)
    db.session.commit()
    return engagement


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_index_counts_engagements_and_actions_per_authority(viewer_client):
    watford = create_authority()
    dacorum = create_authority("DBC", "Dacorum Borough Council")
    agency = create_stakeholder()
    overdue = Action(description="Send figures", owner_authority=dacorum, status="open", due_on=date(2026, 2, 1))
    _engagement("One", datetime(2026, 1, 5, 10, tzinfo=UTC), [agency], watford, actions=[overdue])
    _engagement("Two", datetime(2026, 2, 5, 10, tzinfo=UTC), [agency], watford)
    _engagement("Old", datetime(2025, 2, 5, 10, tzinfo=UTC), [agency], dacorum)  # before the period
    page = get_page(viewer_client, "evidence.summaries.index", **PERIOD)
    rows = [[c.get_text(strip=True) for c in r.select("th, td")] for r in page.select("table")[0].select("tbody tr")]
    assert rows == [
        ["Dacorum Borough Council", "0", "0", "1", "1", "0"],
        ["Watford Borough Council", "2", "2", "0", "0", "0"],
    ]
    assert agency.name in page.select("table")[1].get_text()


def test_authority_summary_and_csv_list_the_engagements_it_led(viewer_client):
    watford = create_authority()
    agency = create_stakeholder(kind="organisation", organisation="Environment Agency")
    _engagement(
        "Flood risk", datetime(2026, 3, 5, 10, tzinfo=UTC), [agency], watford, "agreed", ["water-and-flood-risk"]
    )
    page = get_page(viewer_client, "evidence.summaries.authority", code="wbc", **PERIOD)
    assert "Flood risk" in page.get_text(" ")
    response = viewer_client.get("/evidence/summaries/authorities/WBC.csv?from=2026-01-01&to=2026-06-30")
    assert response.mimetype == "text/csv"
    rows = _csv_rows(response)
    assert rows[0][:4] == ["Date", "Engagement", "Status", "Kind"]
    assert rows[1][0:2] == ["2026-03-05", "Flood risk"]
    assert rows[1][2] == "Held"
    assert rows[1][6:10] == ["Environment Agency", "Water quality and flood risk", "", "Agreed"]
    assert rows[0][-1] == "After submission" and rows[1][-1] == "No"


def test_stakeholder_summary_brings_engagements_invitations_and_representations_together(viewer_client):
    stakeholder = create_stakeholder(kind="organisation", organisation="Natural England")
    _engagement(
        "Biodiversity",
        datetime(2026, 2, 2, 10, tzinfo=UTC),
        [stakeholder],
        create_authority(),
        "not-agreed",
        ["green-infrastructure"],
    )
    consultation = create_consultation(
        opens_at=datetime(2026, 4, 1, 9, tzinfo=UTC), closes_at=datetime(2026, 5, 1, 9, tzinfo=UTC)
    )
    db.session.add(
        Invitation(
            consultation_id=consultation.id, stakeholder_id=stakeholder.id, created_at=datetime(2026, 3, 30, tzinfo=UTC)
        )
    )
    respondent = Respondent(
        consultation_id=consultation.id, stakeholder_id=stakeholder.id, organisation="Natural England"
    )
    respondent.representations = [
        Representation(
            consultation_id=consultation.id, number=1, nature="object", received_at=datetime(2026, 4, 10, tzinfo=UTC)
        )
    ]
    db.session.add(respondent)
    db.session.commit()
    page = get_page(viewer_client, "evidence.summaries.stakeholder", stakeholder_id=stakeholder.id, **PERIOD)
    matters = [[c.get_text(strip=True) for c in r.select("td")] for r in page.select("table")[0].select("tbody tr")]
    assert matters == [["Green infrastructure and biodiversity", "Not agreed", "2 February 2026"]]
    response = viewer_client.get(f"/evidence/summaries/stakeholders/{stakeholder.id}.csv?from=2026-01-01&to=2026-06-30")
    rows = _csv_rows(response)
    assert [row[0] for row in rows[1:]] == ["Engagement", "Invitation", "Representation"]
    assert rows[3][2] == respondent.representations[0].reference


def test_summary_with_a_reversed_period_shows_the_error_and_an_empty_csv(viewer_client):
    stakeholder = create_stakeholder()
    page = get_page(
        viewer_client,
        "evidence.summaries.stakeholder",
        stakeholder_id=stakeholder.id,
        **{"from": "2026-05-01", "to": "2026-01-01"},
    )
    assert error_summary(page) == ["End date must be the same as or after the start date"]
    response = viewer_client.get(f"/evidence/summaries/stakeholders/{stakeholder.id}.csv?from=2026-05-01&to=2026-01-01")
    assert response.status_code == 200
    assert len(_csv_rows(response)) == 1  # the header only


def test_summary_of_an_empty_period_says_so(viewer_client):
    create_authority()
    page = get_page(viewer_client, "evidence.summaries.index", **PERIOD)
    assert "No engagements or actions in this period." in page.get_text(" ")
    page = get_page(viewer_client, "evidence.summaries.authority", code="WBC", **PERIOD)
    assert "led no engagements in this period" in page.get_text(" ")


def test_unknown_authority_or_stakeholder_is_404(viewer_client):
    assert viewer_client.get("/evidence/summaries/authorities/NOPE").status_code == 404
    assert viewer_client.get("/evidence/summaries/stakeholders/999999.csv").status_code == 404
