"""The public pages name the plan and the councils running it from the plan's own data, never from a template."""

from engage.extensions import db
from tests.factories import create_authority, create_consultation, create_plan


def test_the_public_pages_name_the_plan_and_its_partner_authorities(client):
    plan = create_plan()
    plan.name = "Northshire Local Plan"
    north, south = create_authority("NDC", "North District Council"), create_authority("SBC", "South Borough Council")
    plan.partners = [north, south]
    db.session.commit()
    consultation = create_consultation()

    page = client.get(f"/consult/{consultation.slug}").get_data(as_text=True)

    assert "Northshire Local Plan</a>" in page
    assert "This service is run by North District Council and South Borough Council." in page
    assert "Dacorum" not in page and "South West Hertfordshire" not in page


def test_before_any_plan_the_public_pages_name_no_council(client):
    page = client.get("/consult/").get_data(as_text=True)

    assert "Have your say on planning</a>" in page
    assert "This service is run by" not in page
    assert "Engage is open-source software." in page


def test_officer_pages_name_no_council_in_the_footer(officer_client):
    page = officer_client.get("/").get_data(as_text=True)

    assert "Dacorum" not in page and "Hertfordshire" not in page and "Engage is open-source software." in page


def test_the_accessibility_statement_names_the_partner_authorities(client):
    plan = create_plan()
    plan.partners = [create_authority("NDC", "North District Council")]
    db.session.commit()

    page = client.get("/accessibility").get_data(as_text=True)

    assert "Engage is run by North District Council." in page
