"""An agent responds online for a client: the client is the respondent, the agent gets the acknowledgement."""

from sqlalchemy import select

from engage.extensions import db
from engage.mail import outbox
from engage.models import Respondent
from tests.factories import create_consultation
from tests.pages import get_page, parse
from tests.respond.helpers import fill_about_you, fill_item, submit

AGENT = {
    "is_agent": "yes",
    "first_name": "Clara",
    "last_name": "Client",
    "email": "",
    "address": "1 High Street\nWatford",
    "postcode": "wd17 1ab",
    "agent_first_name": "Adam",
    "agent_last_name": "Agent",
    "agent_organisation": "Agents & Co",
    "agent_email": "adam@agents.example",
}


def test_an_agent_responds_for_a_client_and_gets_the_acknowledgement(client, officer_client):
    outbox.clear()
    consultation = create_consultation()

    assert fill_about_you(client, consultation, **AGENT).status_code == 302
    fill_item(client, consultation)
    check = get_page(client, "respond.check", slug=consultation.slug)
    assert "Adam Agent, Agents & Co" in check.text
    confirmation = parse(submit(client, consultation, follow_redirects=True))

    respondent = db.session.scalar(select(Respondent))
    assert (respondent.first_name, respondent.email, respondent.postcode) == ("Clara", "", "WD17 1AB")
    assert respondent.agent["email"] == "adam@agents.example"
    assert respondent.agent["organisation"] == "Agents & Co"
    assert "adam@agents.example" in confirmation.text
    assert outbox[-1]["To"] == "adam@agents.example"
    reference = respondent.representations[0].reference
    page = get_page(officer_client, "consultations.representation", reference=reference)
    assert "Adam Agent, Agents & Co, adam@agents.example" in page.text


def test_an_agent_needs_their_own_name_and_contact(client):
    consultation = create_consultation()

    response = fill_about_you(
        client, consultation, **{**AGENT, "agent_first_name": "", "agent_organisation": "", "agent_email": ""}
    )

    page = parse(response)
    assert page.select_one("#agent_first_name-error") and page.select_one("#agent_email-error")
    assert page.select_one("#first_name")["value"] == "Clara"
    assert db.session.scalar(select(Respondent)) is None
