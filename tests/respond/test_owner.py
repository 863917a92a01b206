"""The public pages name the plan and the councils running it from the plan's own data, never from a template."""

from sqlalchemy import update

from engage.common import kept
from engage.extensions import db
from engage.models import Plan
from engage.plans import queries
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


def test_the_lead_authority_comes_first_then_the_others_by_name(client):
    plan = create_plan()
    lead = create_authority("ZED", "Zed District Council")
    plan.partners = [create_authority("BEE", "Bee Borough Council"), lead, create_authority("AYE", "Aye Council")]
    plan.lead_authority_id = lead.id
    db.session.commit()
    consultation = create_consultation()

    page = client.get(f"/consult/{consultation.slug}").get_data(as_text=True)

    assert "This service is run by Zed District Council, Aye Council and Bee Borough Council." in page


def test_a_process_keeps_who_runs_the_pages_and_forgets_it_when_a_plan_changes(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "OWNER_CACHE_SECONDS", 60)
    queries._owners.forget()
    plan = create_plan()
    plan.name = "Northshire Local Plan"
    db.session.commit()
    consultation = create_consultation()
    reads = []
    monkeypatch.setattr(queries, "_read_owner", lambda read=queries._read_owner: reads.append(1) or read())

    for _ in range(3):
        assert "Northshire Local Plan</a>" in client.get(f"/consult/{consultation.slug}").get_data(as_text=True)
    assert len(reads) == 1

    plan.name = "Southshire Local Plan"  # a change that is rolled back is not a change
    db.session.flush()
    db.session.rollback()
    assert "Northshire Local Plan</a>" in client.get(f"/consult/{consultation.slug}").get_data(as_text=True)
    assert len(reads) == 1

    db.session.get(Plan, plan.id).name = "Southshire Local Plan"
    db.session.commit()
    assert "Southshire Local Plan</a>" in client.get(f"/consult/{consultation.slug}").get_data(as_text=True)
    assert len(reads) == 2


def test_the_kept_answer_runs_out(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "OWNER_CACHE_SECONDS", 60)
    queries._owners.forget()
    create_plan()
    consultation = create_consultation()
    now = [1000.0]
    monkeypatch.setattr(kept.time, "monotonic", lambda: now[0])
    client.get(f"/consult/{consultation.slug}")
    db.session.execute(update(Plan).values(name="Renamed outside this process"))
    db.session.commit()

    assert "Renamed outside" not in client.get(f"/consult/{consultation.slug}").get_data(as_text=True)
    now[0] += 61
    assert "Renamed outside this process</a>" in client.get(f"/consult/{consultation.slug}").get_data(as_text=True)
