from sqlalchemy import func, select

from engage.extensions import db
from engage.models.evidence import CommonGround
from engage.seeds.demo import load_demo
from engage.seeds.demo_evidence import PARTIES, TITLE


def test_demo_statement_of_common_ground_has_parties_and_matters_and_loads_once():
    load_demo()
    load_demo()

    assert db.session.scalar(select(func.count(CommonGround.id)).where(CommonGround.title == TITLE)) == 1
    version = db.session.scalar(select(CommonGround).where(CommonGround.title == TITLE)).latest
    assert version.status == "draft"
    assert [party.authority.code for party in version.parties] == PARTIES
    assert {row.matter.slug for row in version.matters} >= {"housing-need", "green-belt", "transport"}
    assert version.governance.startswith("Strategic Planning Members Group")


def test_demo_has_co_operation_activity_with_prescribed_bodies():
    from engage.evidence.dtc.rows import DtcFilters, dtc_rows

    load_demo()

    rows = list(dtc_rows(DtcFilters()))
    bodies = {row.body for row in rows}
    assert {"Environment Agency", "National Highways", "Buckinghamshire Council"} <= bodies
    assert all(row.plan_stage for row in rows if row.ref.startswith("E"))
