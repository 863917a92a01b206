"""The demo has a planning agent with several clients, sent in one spreadsheet."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Respondent
from engage.seeds.demo import load_demo
from engage.seeds.demo_agents import AGENT


def _clients() -> list[Respondent]:
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
    found = db.session.scalars(select(Respondent).where(Respondent.consultation_id == consultation.id))
    return [r for r in found if (r.agent or {}).get("email") == AGENT["email"]]


def test_the_demo_agent_acts_for_four_clients_with_a_reference_each_and_loading_again_adds_nothing():
    load_demo()

    clients = _clients()
    assert [c.organisation or c.name for c in clients] == [
        "Ashdown Estates", "Chiltern Homes", "Bovingdon Parish Meeting", "Margaret Doyle",
    ]  # fmt: skip
    assert [len(c.representations) for c in clients] == [2, 1, 1, 1]
    assert clients[0].representations[1].unsound_tests == ["justified", "effective"]
    load_demo()
    assert len(_clients()) == 4
