from engage.consultations.invitations import invite
from tests.factories import create_consultation, create_stakeholder
from tests.pages import get_page


def test_stakeholder_history_lists_consultation_invitations(officer_client):
    stakeholder = create_stakeholder(email="")
    consultation = create_consultation(title="Publication draft plan")
    invite(consultation, [], [stakeholder.id], "letter", user=officer_client.user)

    page = get_page(officer_client, "stakeholders.show", stakeholder_id=stakeholder.id)

    section = page.select_one("#consultation-invitations").find_next("table")
    cells = [cell.get_text(strip=True) for cell in section.select("tbody td")]
    assert "Publication draft plan" in cells
    assert "Letter" in cells


def test_stakeholder_never_invited_says_so(officer_client):
    stakeholder = create_stakeholder()
    page = get_page(officer_client, "stakeholders.show", stakeholder_id=stakeholder.id)
    assert "Not invited to any consultation yet." in page.get_text()
