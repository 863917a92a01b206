from sqlalchemy.exc import OperationalError

from engage.extensions import db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_503_when_database_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "error"}


def test_unknown_page_is_a_404_page(officer_client):
    response = officer_client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_static_pages_are_public(client):
    for path in ("/accessibility", "/privacy", "/cookies"):
        assert client.get(path).status_code == 200


def test_layout_uses_generic_header_and_own_footer(client):
    html = client.get("/accessibility").get_data(as_text=True)
    assert "govuk-generic-header" in html
    assert "govuk-header__logotype" not in html
    assert "open-source software" in html
