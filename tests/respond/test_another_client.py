"""An agent who has sent a response for one client responds for another without typing their own details again."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import Respondent
from tests.consultations.test_agent_response import AGENT
from tests.factories import create_consultation
from tests.pages import get_page, parse
from tests.respond.helpers import fill_about_you, fill_item, submit


def test_respond_for_another_client_carries_the_agents_details_over(client):
    consultation = create_consultation()
    fill_about_you(client, consultation, **AGENT)
    fill_item(client, consultation)
    confirmation = parse(submit(client, consultation, follow_redirects=True))
    assert (
        confirmation.select_one("form[action$='/another-client'] button").text.strip() == "Respond for another client"
    )

    response = client.post(f"/consult/{consultation.slug}/respond/another-client")

    assert response.headers["Location"].endswith(f"/consult/{consultation.slug}/respond/about-you")
    page = get_page(client, "respond.about_you", slug=consultation.slug)
    assert page.select_one("input[name=is_agent][checked]")["value"] == "yes"
    assert page.select_one("#agent_email")["value"] == "adam@agents.example"
    assert page.select_one("#agent_organisation")["value"] == "Agents & Co"
    assert page.select_one("#first_name").get("value", "") == ""

    second = {"first_name": "Chris", "last_name": "Second", "address": "2 Road", "postcode": "WD18 0AA"}
    second.update({key: value for key, value in AGENT.items() if key.startswith("agent_") or key == "is_agent"})
    assert fill_about_you(client, consultation, **second).status_code == 302
    fill_item(client, consultation)
    submit(client, consultation)

    clients = db.session.scalars(select(Respondent).order_by(Respondent.id)).all()
    assert [c.first_name for c in clients] == ["Clara", "Chris"]
    assert clients[0].agent == clients[1].agent and clients[1].reference != clients[0].reference


def test_someone_responding_for_themselves_is_not_offered_it(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    confirmation = parse(submit(client, consultation, follow_redirects=True))

    assert "Respond for another client" not in confirmation.text
    response = client.post(f"/consult/{consultation.slug}/respond/another-client", data={})
    assert response.headers["Location"].endswith(f"/consult/{consultation.slug}")


def test_without_a_response_sent_in_this_session_it_goes_back_to_the_consultation(client):
    consultation = create_consultation()

    response = client.post(f"/consult/{consultation.slug}/respond/another-client", data={})

    assert response.status_code == 302 and response.headers["Location"].endswith(f"/consult/{consultation.slug}")
    assert db.session.scalar(select(Respondent)) is None
