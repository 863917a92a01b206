"""Unknown filter values in a list page's query string are named on the page, next to the filter, instead of being
ignored (which would list everything as if no filter had been given)."""

import pytest

from tests.factories import create_authority, create_plan
from tests.pages import parse


@pytest.mark.parametrize(
    ("url", "field", "message"),
    [
        ("/engagements/?status=maybe", "status", "Status must be one of: planned, held, cancelled"),
        ("/engagements/?kind=seance", "kind", "Kind must be one of"),
        ("/engagements/?authority=XX", "authority", "There is no authority with the code ‘XX’"),
        ("/engagements/?matter=unicorns", "matter", "There is no strategic matter ‘unicorns’"),
        ("/engagements/?from=31/02/2027", "from", "From must be a date in the format YYYY-MM-DD"),
        ("/engagements/?stakeholder=2147483648", "stakeholder", "Stakeholder must be a stakeholder id"),
        ("/engagements/calendar?status=maybe", "status", "Status must be one of"),
        ("/actions/?status=lost", "status", "Status must be one of: open, done, cancelled"),
        ("/actions/?owner=XX", "owner", "There is no authority with the code ‘XX’"),
        ("/stakeholders/?register=nope", "register", "There is no register ‘nope’"),
        ("/stakeholders/?category=nope", "category", "There is no category ‘nope’"),
        ("/stakeholders/?sort=shoe-size", "sort", "Sort must be one of"),
    ],
)
def test_an_unknown_filter_value_is_named_next_to_the_filter(viewer_client, url, field, message):
    create_plan()
    create_authority()
    response = viewer_client.get(url)

    assert response.status_code == 200
    page = parse(response)
    assert page.title.get_text().startswith("Error:")
    summary = page.select_one(".govuk-error-summary")
    assert message in summary.get_text()
    assert summary.select_one("a")["href"] == f"#{field}"
    assert message in page.select_one(f"#{field}-error").get_text()


@pytest.mark.parametrize("url", ["/engagements/?status=held&authority=WBC", "/actions/?status=open", "/stakeholders/"])
def test_known_filter_values_give_no_message(viewer_client, url):
    create_plan()
    create_authority()
    page = parse(viewer_client.get(url))
    assert page.select_one(".govuk-error-summary") is None
    assert not page.title.get_text().startswith("Error:")


@pytest.mark.parametrize("month", ["9999-12", "0-1", "2027-13", "²-1"])
def test_a_calendar_month_out_of_range_shows_this_month(viewer_client, month):
    assert viewer_client.get(f"/engagements/calendar?month={month}").status_code == 200
