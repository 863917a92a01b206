"""Browser tests: the real app served from a background thread, driven by headless Chromium through Playwright.

Each pytest worker starts one server on a free 127.0.0.1 port and one browser for the session. The server uses a
temporary SQLite file, or, when TEST_DATABASE_URL is set, a PostgreSQL database of the worker's own
(`<name>_browser_<worker>`), built with create_all and loaded with the demo data (sign in as the demo officer).

Without Playwright or Chromium the tests are skipped with the reason; with ENGAGE_REQUIRE_BROWSER=1 (set by
.ci/run) they fail instead.
"""

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from engage import create_app
from engage.extensions import db
from engage.seeds.demo import DEMO_PASSWORD, load_demo
from tests import database

CHROMIUM = os.environ.get("ENGAGE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
OFFICER_EMAIL = "officer@engage.example"


def _unavailable(reason: str):
    if os.environ.get("ENGAGE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browser tests are required (ENGAGE_REQUIRE_BROWSER=1) but cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _clean_database():
    """The live server keeps its own database for the session; nothing to wipe between browser tests."""
    yield


@pytest.fixture(scope="session")
def browser_database_url(worker_id, tmp_path_factory):
    base = database.postgres_url()
    if not base:
        return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'engage.sqlite'}"
    url = make_url(base)
    name = f"{url.database}_browser_{worker_id}"
    database.ensure_database(base, name)
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def live_app(browser_database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=browser_database_url, WTF_CSRF_ENABLED=True)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo()
        db.session.remove()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_app):
    """The base URL of the app served by werkzeug from a daemon thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install playwright)")
    if not os.path.exists(CHROMIUM):
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Error as error:
        playwright.stop()
        _unavailable(f"Chromium at {CHROMIUM} did not start: {error.message.splitlines()[0]}")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies) on the live server; fails the test on any JavaScript error and on
    anything the Content Security Policy refused (Chromium reports those on the console)."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: _note_refusal(message, errors))
    yield page
    context.close()
    assert not errors, f"JavaScript errors or Content Security Policy refusals on the page: {errors}"


def _note_refusal(message, errors: list[str]) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        errors.append(message.text)


@pytest.fixture
def signed_in_page(page):
    sign_in(page)
    return page


def sign_in(page, email: str = OFFICER_EMAIL, password: str = DEMO_PASSWORD) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under tests/screenshots/ (git-ignored) to look at by eye."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
