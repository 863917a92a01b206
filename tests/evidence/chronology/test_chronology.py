"""The chronology of a strategic matter: first engagement per body and its stage, held engagements in date order
with outcomes, and the Statements of Common Ground positions from each statement's latest version; as pages and
a Word document."""

import io
from datetime import UTC, datetime

import docx
import pytest
from docx.shared import Cm

from engage.evidence.chronology import queries
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing, versions
from engage.extensions import db
from engage.models import StrategicMatter
from tests.evidence.common_ground import scg_data
from tests.evidence.dtc import dtc_data
from tests.pages import get_page


@pytest.fixture
def record():
    return dtc_data.build()


def _matter(slug: str) -> StrategicMatter:
    return db.session.query(StrategicMatter).filter_by(slug=slug).one()


def _positions_statement():
    """Housing need agreed by Dacorum, not agreed by Hertsmere in version 1; version 2 (the latest) has Hertsmere
    agreed too."""
    made = scg_data.two_party_statement()
    version = made.latest
    dacorum, hertsmere = version.parties
    scg_services.set_positions(version, dacorum, {"housing-need": "agreed"})
    scg_services.set_positions(version, hertsmere, {"housing-need": "not-agreed"})
    signing.change_status(version, "agreed", scg_data.AGREED_ON, scg_data.TODAY)
    latest = versions.start_new_version(made, {"change_log": "Hertsmere agrees"})
    scg_services.set_positions(latest, latest.parties[1], {"housing-need": "agreed"})
    return made


def test_bodies_are_listed_by_when_they_were_first_engaged_and_at_which_stage(record):
    dtc_data.engagement(
        record.plan, record.wbc, datetime(2026, 9, 1, 9, tzinfo=UTC), [record.officer], ["housing-need"]
    )
    db.session.commit()
    chronology = queries.chronology(_matter("housing-need"))
    firsts = [(item.body, item.day.isoformat(), item.stage) for item in chronology.first_engaged]
    assert firsts[0] == ("Environment Agency", "2026-03-10", "Regulation 18")
    assert firsts[1][:2] == ("Central Bedfordshire Council", "2027-07-02")
    assert "Rob Resident" not in [item.body for item in chronology.first_engaged]  # not a co-operation body


def test_every_held_engagement_is_listed_in_date_order_and_planned_ones_are_not(record):
    chronology = queries.chronology(_matter("housing-need"))
    assert [entry.engagement.id for entry in chronology.entries] == [record.first.id, record.later.id]
    assert [entry.after_submission for entry in chronology.entries] == [False, True]
    assert chronology.first.engagement.id == record.first.id
    assert "Priya Shah (Environment Agency)" in chronology.entries[0].attendees
    assert queries.chronology(_matter("green-belt")).entries == []  # only a planned engagement


def test_positions_come_from_each_statements_latest_version(app):
    made = _positions_statement()
    chronology = queries.chronology(_matter("housing-need"))
    (statement,) = chronology.positions
    assert statement.version.number == 2 and statement.title == made.title
    assert statement.position == "agreed"
    assert [(p.party, p.position) for p in statement.parties] == [
        ("Dacorum Borough Council", "agreed"),
        ("Hertsmere Borough Council", "agreed"),
    ]
    assert queries.chronology(_matter("education")).positions == []


def test_index_lists_every_matter_with_its_first_engagement(officer_client, record):
    _positions_statement()
    page = get_page(officer_client, "evidence.chronology.index")
    rows = {tr.select("td")[0].get_text(strip=True): tr for tr in page.select("table tbody tr")}
    housing = rows["Housing need and distribution (including unmet need)"].get_text(" ", strip=True)
    assert "10 March 2026" in housing and "Regulation 18" in housing and "2 agreed" in housing
    assert "Not yet engaged" in rows["Education"].get_text(" ", strip=True)
    lines = {line.matter.slug: line for line in queries.overview()}
    assert (lines["housing-need"].engagements, lines["housing-need"].bodies) == (2, 2)
    index = get_page(officer_client, "evidence.index")
    assert index.select_one("a[href='/evidence/chronology/']") is not None


def test_matter_page_shows_the_chronology_with_links(officer_client, record):
    _positions_statement()
    page = get_page(officer_client, "evidence.chronology.show", slug="housing-need")
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "Housing need and distribution (including unmet need)"
    assert "First engaged on 10 March 2026, at the Regulation 18 stage" in text
    assert "After submission" in text and "Examination library EL-7" in text
    assert page.select_one("a[href='https://example.org/minutes/1.pdf']") is not None
    assert page.select_one(f"a[href='/engagements/{record.later.id}']") is not None
    assert "Hertsmere Borough Council" in text and "Version 2" in text
    assert page.select_one("a[href$='/evidence/chronology/housing-need.docx']") is not None


def test_an_unknown_matter_is_not_found(officer_client):
    assert officer_client.get("/evidence/chronology/no-such-matter").status_code == 404
    assert officer_client.get("/evidence/chronology/no-such-matter.docx").status_code == 404


def test_docx_has_the_three_sections_in_word_styles(officer_client, record):
    _positions_statement()
    response = officer_client.get("/evidence/chronology/housing-need.docx")
    assert response.status_code == 200
    assert "chronology-housing-need-" in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.data))
    section = document.sections[0]
    assert abs(section.page_width - Cm(29.7)) < Cm(0.1) and abs(section.page_height - Cm(21)) < Cm(0.1)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Chronology of engagement: Housing need and distribution (including unmet need)" in headings
    for heading in ("Bodies first engaged", "Engagements in date order", "Statements of Common Ground"):
        assert heading in headings
    about = "\n".join(p.text for p in document.paragraphs)
    assert record.plan.name in about and "First engaged on 10 March 2026, at the Regulation 18 stage" in about
    first, engagements, positions = document.tables
    assert [c.text for c in first.rows[1].cells][:3] == ["Environment Agency", "10 March 2026", "Regulation 18"]
    assert len(engagements.rows) == 3
    assert engagements.rows[1].cells[7].text == "Examination library EL-7; https://example.org/minutes/1.pdf"
    assert engagements.rows[2].cells[8].text == "Yes"
    assert ["Hertsmere Borough Council", "Agreed"] in [[c.text for c in row.cells][2:] for row in positions.rows]


def test_docx_of_a_matter_with_nothing_says_so(officer_client, app):
    response = officer_client.get("/evidence/chronology/education.docx")
    document = docx.Document(io.BytesIO(response.data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "No held engagements." in text and "No Statement of Common Ground covers this matter yet." in text
    assert document.tables == []
