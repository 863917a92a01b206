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
