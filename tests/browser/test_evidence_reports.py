"""An officer downloads an authority's engagement summary and the statement of consultation in Excel and Word (each
file opened and checked against the database), filters the dashboard, and every page passes axe."""

import io

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Authority, Consultation, Engagement, Representation
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in
from tests.browser.test_evidence_downloads import download

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PERIOD = "from=2025-01-01&to=2027-12-31"


@pytest.fixture(scope="module")
def counts(live_app):
    """What the demo database holds: Watford's engagements in the period and the Regulation 18 representations."""
    with live_app.app_context():
        watford = db.session.scalar(select(Authority).where(Authority.code == "WBC"))
        led = db.session.scalar(
            select(func.count(Engagement.id)).where(
                Engagement.lead_authority_id == watford.id, Engagement.status != "cancelled"
            )
        )
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
        representations = db.session.scalars(
            select(Representation)
            .where(Representation.consultation_id == consultation.id)
            .order_by(Representation.respondent_id, Representation.number)
        ).all()
        found = {"led": led, "consultation": consultation.title, "references": [r.reference for r in representations]}
        db.session.remove()
    return found


def test_officer_downloads_an_authority_summary(page, counts):
    sign_in(page)
    page.goto(f"/evidence/summaries?{PERIOD}")
    page.get_by_role("link", name="Watford Borough Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Watford Borough Council")
    assert_accessible(page, "evidence-summary-authority")
    screenshot(page, "evidence-summary-authority")

    workbook = load_workbook(io.BytesIO(download(page, "Excel (XLSX)")))
    sheet = workbook["Engagements led"]
    assert sheet.max_row - 1 == counts["led"]
    assert sheet.freeze_panes == "A2" and sheet["A2"].is_date
    document = Document(io.BytesIO(download(page, "Word (DOCX)")))
    assert document.paragraphs[0].text == "Engagement summary: Watford Borough Council"
    assert len(document.tables[0].rows) - 1 == counts["led"]


def test_officer_downloads_the_statement_of_consultation_with_every_representation(page, counts):
    sign_in(page)
    page.goto("/evidence/consultation-statement")
    page.get_by_label("Consultation", exact=True).select_option(label=counts["consultation"])
    page.get_by_role("button", name="Show the statement").click()
    expect(page.get_by_role("heading", level=2, name=counts["consultation"], exact=True)).to_be_visible()
    assert_accessible(page, "evidence-statement-of-consultation")

    sheet = load_workbook(io.BytesIO(download(page, "Excel (XLSX)")))["Representations"]
    assert [sheet.cell(row=n, column=1).value for n in range(2, sheet.max_row + 1)] == counts["references"]
    document = Document(io.BytesIO(download(page, "Word (DOCX)")))
    annex = next(  # the heading itself, not its line in the contents list
        n
        for n, p in enumerate(document.paragraphs)
        if p.text == "Annex: full copies of the representations" and p.style.name.startswith("Heading")
    )
    headings = [p.text.split(":")[0] for p in document.paragraphs[annex:] if p.style.name == "Heading 2"]
    assert headings == counts["references"]


def test_officer_filters_the_dashboard_and_a_bad_value_is_explained(page, counts):
    sign_in(page)
    page.goto(f"/evidence/dashboard?{PERIOD}")
    page.get_by_label("Lead authority").select_option(label="Watford Borough Council")
    page.get_by_label("Plan stage").select_option(label="Adoption")
    page.get_by_role("button", name="Show the charts").click()
    expect(page.get_by_text("No engagements in this period match these filters.")).to_be_visible()
    expect(page.get_by_text("Lead authority: Watford Borough Council")).to_be_visible()
    assert_accessible(page, "evidence-dashboard-filtered")
    page.goto(f"/evidence/dashboard?{PERIOD}&register=nope")
    assert page.title().startswith("Error: ")
    expect(page.locator("#register-error")).to_contain_text("Select a register from the list")
    assert_accessible(page, "evidence-dashboard-error")
