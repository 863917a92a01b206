"""Helpers to fetch pages and read them as HTML."""

from bs4 import BeautifulSoup
from flask import url_for


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def get_page(client, endpoint: str, expected_status: int = 200, **kwargs) -> BeautifulSoup:
    with client.application.test_request_context():
        url = url_for(endpoint, **kwargs)
    response = client.get(url)
    assert response.status_code == expected_status, response.get_data(as_text=True)[:2000]
    return parse(response)


def post_form(client, endpoint: str, data: dict, url_kwargs: dict | None = None, follow_redirects: bool = False):
    with client.application.test_request_context():
        url = url_for(endpoint, **(url_kwargs or {}))
    return client.post(url, data=data, follow_redirects=follow_redirects)


def error_summary(page: BeautifulSoup) -> list[str]:
    summary = page.select_one(".govuk-error-summary")
    return [a.get_text(strip=True) for a in summary.select("a")] if summary else []
