"""An administrator goes through the pages that set up a plan and its reference data, the webhooks, and the evidence
pages that check a plan before submission; every page renders its heading and passes axe."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from engage.extensions import db
from engage.models import CommonGround, Consultation, Plan, Publicity
from tests.browser.axe import assert_accessible
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
ADMIN_EMAIL = "admin@engage.example"


@pytest.fixture(scope="module")
def ids(live_app):
    with live_app.app_context():
        statement = db.session.scalar(select(CommonGround).order_by(CommonGround.id))
        version = statement.latest
        found = {
            "plan": db.session.scalar(select(Plan.id).order_by(Plan.id)),
            "statement": statement.id,
            "number": version.number,
            "party": version.parties[0].id,
            "consultation": db.session.scalar(select(Consultation.id).order_by(Consultation.id)),
            "publicity": db.session.scalar(select(Publicity.id).order_by(Publicity.id)),
        }
        db.session.remove()
    return found


PAGES = [
    ("plans", "/plans/"),
    ("plan", "/plans/{plan}"),
    ("plan-edit", "/plans/{plan}/edit"),
    ("plan-stages", "/plans/{plan}/stages"),
    ("plan-new", "/plans/new"),
    ("authority-new", "/plans/authorities/new"),
    ("reference-matters", "/admin/reference/strategic-matters"),
    ("reference-matter-new", "/admin/reference/strategic-matters/new"),
    ("reference-body-kinds", "/admin/reference/body-kinds"),
    ("webhooks", "/webhooks"),
    ("webhook-new", "/webhooks/new"),
    ("warnings", "/evidence/warnings/"),
    ("scg-version", "/evidence/common-ground/{statement}/versions/{number}"),
    ("scg-positions", "/evidence/common-ground/{statement}/versions/{number}/parties/{party}/positions"),
    ("scg-signatures", "/evidence/common-ground/{statement}/versions/{number}/signatures"),
    ("scg-new-version", "/evidence/common-ground/{statement}/new-version"),
    ("statement", "/evidence/consultation-statement?consultation={consultation}"),
    ("publicity-new", "/evidence/consultation-statement/{consultation}/publicity/new"),
    ("publicity-edit", "/evidence/consultation-statement/publicity/{publicity}/edit"),
]


def test_the_set_up_and_evidence_pages_render_and_pass_axe(page, ids):
    sign_in(page, ADMIN_EMAIL)
    for name, url in PAGES:
        response = page.goto(url.format(**ids))
        assert response.status == 200, f"{name}: {response.status} at {page.url}"
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page, name)
        screenshot(page, f"set-up-{name}")
