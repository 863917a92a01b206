from sqlalchemy import func, select

from engage.extensions import db
from engage.models.evidence import CommonGround
from engage.seeds.demo import load_demo
from engage.seeds.demo_evidence import CHANGE_LOG, NEIGHBOUR_TITLE, PARTIES, TITLE


def test_demo_statement_of_common_ground_has_parties_and_matters_and_loads_once():
    load_demo()
    load_demo()

    assert db.session.scalar(select(func.count(CommonGround.id)).where(CommonGround.title == TITLE)) == 1
    statement = db.session.scalar(select(CommonGround).where(CommonGround.title == TITLE))
    first, version = statement.versions
    assert (first.status, first.signature_status, first.superseded_by) == ("signed", "Signed by all parties", None)
    assert (version.status, version.signature_status) == ("agreed", "Partly signed (4 of 6)")
    assert version.change_log == CHANGE_LOG
    assert [party.authority.code for party in version.parties] == PARTIES
    assert {row.matter.slug for row in version.matters} >= {"housing-need", "green-belt", "transport"}
    assert version.governance.startswith("Strategic Planning Members Group")
    green_belt = {
        p.authority.code: p.position_on(m.matter_id)
        for p in version.parties
        for m in version.matters
        if m.matter.slug == "green-belt"
    }
    assert green_belt["HBC"] == "not-agreed" and green_belt["DBC"] == "agreed"
    assert all(s.signed_on >= version.agreed_on for s in version.signatures)


def test_demo_shows_an_agreement_the_engagement_log_contradicts():
    from engage.evidence.common_ground.checks import contradictions

    load_demo()

    statement = db.session.scalar(select(CommonGround).where(CommonGround.title == NEIGHBOUR_TITLE))
    found = contradictions(statement.latest)
    assert [(c.party, c.agreement) for c in found] == [("Buckinghamshire Council", "not-agreed")]


def test_demo_has_co_operation_activity_with_prescribed_bodies():
    from engage.evidence.dtc.rows import DtcFilters, dtc_rows

    load_demo()

    rows = list(dtc_rows(DtcFilters()))
    bodies = {row.body for row in rows}
    assert {"Environment Agency", "National Highways", "Buckinghamshire Council"} <= bodies
    assert all(row.plan_stage for row in rows if row.ref.startswith("E"))
