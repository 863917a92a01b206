"""The security headers every response carries, from engage/security.py."""

import re

import pytest

from engage import create_app
from tests.pages import parse


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in policy.split("; ")}


def test_scripts_run_only_from_the_site_or_with_the_pages_nonce(client):
    response = client.get("/sign-in")
    policy = directives(response)
    nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9_-]{16,})'", policy["script-src"]).group(1)
    assert [name for name, value in policy.items() if "unsafe" in value] == ["style-src-attr"]
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    for script in parse(response).select("script:not([src])"):
        assert script["nonce"] == nonce


def test_every_inline_script_on_a_page_carries_the_nonce(officer_client):
    response = officer_client.get("/")
    scripts = parse(response).select("script:not([src])")
    assert scripts
    nonce = directives(response)["script-src"].split("'nonce-")[1].rstrip("'")
    assert [script.get("nonce") for script in scripts] == [nonce] * len(scripts)


def test_each_response_gets_a_nonce_of_its_own(client):
    first = directives(client.get("/sign-in"))["script-src"]
    second = directives(client.get("/sign-in"))["script-src"]
    assert first != second


def test_no_page_may_be_framed(client):
    response = client.get("/sign-in")
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_browsers_must_not_guess_content_types(client):
    assert client.get("/sign-in").headers["X-Content-Type-Options"] == "nosniff"


def test_referrer_sends_only_the_origin_to_other_sites(client):
    assert client.get("/sign-in").headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", ["/api/v1/authorities", "/no-such-page", "/static/dist/app.css"])
def test_api_errors_and_static_files_carry_the_headers_too(client, path):
    response = client.get(path)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hsts_is_not_sent_outside_production(client):
    assert "Strict-Transport-Security" not in client.get("/sign-in").headers


def test_production_sends_hsts_for_a_year(monkeypatch, database_url):
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = create_app("production", SQLALCHEMY_DATABASE_URI=database_url)
    response = app.test_client().get("/sign-in")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_every_rate_limit_is_on_a_write_so_reads_can_skip_the_limiter(app):
    from engage.extensions import limiter

    manager = limiter.limit_manager
    limits = [limit for group in manager._decorated_limits.values() for limit in group]
    limits += [limit for group in manager._blueprint_limits.values() for limit in group]
    assert limits and all(limit.methods and set(limit.methods) <= {"post"} for limit in limits)
    assert not manager._application_limits and not manager._default_limits


def test_reading_a_page_does_not_count_against_a_limit(app, client):
    from engage.extensions import limiter
    from tests.factories import create_consultation

    app.config["CONSULT_SAVE_RATE_LIMIT"] = "1 per minute"
    limiter.reset()
    try:
        consultation = create_consultation()
        url = f"/consult/{consultation.slug}/respond/about-you"
        assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
        assert client.post(url, data={}).status_code == 200  # the first save is let through (and asks for answers)
        assert client.post(url, data={}).status_code == 429
    finally:
        app.config["CONSULT_SAVE_RATE_LIMIT"] = "10000 per minute"
        limiter.reset()
