"""The confirmation page: the respondent's reference, each representation's reference and part, and for an agent
only, while the consultation is open, the way on to another client's response."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import Respondent
from tests.factories import create_consultation
from tests.pages import parse
from tests.respond.helpers import fill_about_you, fill_item, submit


def test_it_lists_each_representation_by_reference_with_its_part(client):
    consultation = create_consultation(form_type="model-representation-form")
    fill_about_you(client, consultation)
    fill_item(client, consultation, number=1, part="Policy SP1")
    fill_item(client, consultation, number=2, part="Chapter 3")

    page = parse(submit(client, consultation, follow_redirects=True))

    reference = db.session.scalar(select(Respondent)).reference
    assert reference in page.select_one(".govuk-panel").text
    rows = [[cell.text.strip() for cell in row.select("td, th")] for row in page.select("tbody tr")]
    assert rows == [
        [f"{reference}-1", "Policy SP1: Spatial strategy"],
        [f"{reference}-2", "Chapter 3: Spatial strategy"],
    ]
    assert "alex@example.com" in page.text
    assert page.select("form[action$='/another-client']") == []  # not an agent
