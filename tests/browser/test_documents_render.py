"""Every Word document Engage writes, made from the demo data and rendered through LibreOffice to PDF: each converts,
has a sane number of pages, and its first page is kept as a PNG under tests/screenshots/documents/ to look at.

Without LibreOffice (soffice) or poppler (pdfinfo, pdftoppm) the test is skipped with the reason; with
ENGAGE_REQUIRE_BROWSER=1 (set by .ci/run) it fails instead."""

import os
import shutil
import subprocess

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import CommonGroundVersion, Consultation, Invitation, Plan, StrategicMatter, User
from tests.browser.conftest import OFFICER_EMAIL, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SOFFICE = os.environ.get("ENGAGE_SOFFICE", "/usr/bin/soffice")
MAX_PAGES = 60  # the demo data's longest document (the statement with its annex) is well under this
TIMEOUT = 240  # seconds for LibreOffice to convert them all


def document_urls() -> dict[str, str]:
    """Each kind of Word document, by the name its rendered page is saved under, at a URL for the demo data."""
    plan = db.session.scalar(select(Plan).order_by(Plan.id))
    version = db.session.scalar(select(CommonGroundVersion).order_by(CommonGroundVersion.number.desc()))
    invited = db.session.scalar(select(Invitation.consultation_id).where(Invitation.method == "letter").limit(1))
    invited = invited or db.session.scalar(select(Consultation.id).order_by(Consultation.id))
    stakeholder = db.session.scalar(select(Invitation.stakeholder_id).order_by(Invitation.id).limit(1))
    lead = plan.partners_lead_first[0].code
    matter = db.session.scalar(select(StrategicMatter.slug).order_by(StrategicMatter.id))
    period = "from=2024-01-01&to=2026-12-31"
    return {
        "docx-dtc-table": "/evidence/dtc-table.docx",
        "docx-statement-of-consultation": f"/evidence/consultation-statement.docx?plan={plan.slug}",
        "docx-hearing-list": f"/evidence/consultation-statement/hearing-list.docx?plan={plan.slug}",
        "docx-hearing-list-contacts": f"/evidence/consultation-statement/hearing-list-contacts.docx?plan={plan.slug}",
        "docx-common-ground": f"/evidence/common-ground/{version.statement_id}/versions/{version.number}.docx",
        "docx-authority-summary": f"/evidence/summaries/authorities/{lead}.docx?{period}",
        "docx-stakeholder-summary": f"/evidence/summaries/stakeholders/{stakeholder}.docx?{period}",
        "docx-invitation-letters": f"/consultations/{invited}/invitations/letters.docx",
        "docx-dtc-matrix": "/evidence/dtc-matrix.docx",
        "docx-chronology": f"/evidence/chronology/{matter}.docx",
    }


def fetch_documents(app) -> dict[str, bytes]:
    """The documents as the demo officer downloads them."""
    client = app.test_client()
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.email == OFFICER_EMAIL))
        urls = document_urls()
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = officer.get_id(), True
        documents = {}
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, f"{url} gave {response.status_code}"
            documents[name] = response.data
        db.session.remove()
    return documents


def _tools() -> None:
    """Skips (fails under ENGAGE_REQUIRE_BROWSER=1) without LibreOffice or poppler."""
    missing = [tool for tool in (SOFFICE, "pdfinfo", "pdftoppm") if not shutil.which(tool)]
    if not missing:
        return
    reason = f"Rendering documents needs LibreOffice and poppler-utils; missing: {', '.join(missing)}"
    if os.environ.get("ENGAGE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browser tests are required (ENGAGE_REQUIRE_BROWSER=1) but cannot run: {reason}")
    pytest.skip(reason)


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_every_word_document_renders_to_a_sane_number_of_pages(live_app, tmp_path):
    _tools()
    documents = fetch_documents(live_app)
    for name, data in documents.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # not the user's, which may be in use
    command = [SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*command, *(str(tmp_path / f"{name}.docx") for name in documents)], timeout=TIMEOUT, check=True)
    shots = SCREENSHOTS / "documents"
    shots.mkdir(parents=True, exist_ok=True)
    for name in documents:
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}"
        assert 0 < _pages(pdf) < MAX_PAGES, f"{name} has {_pages(pdf)} pages"
        render = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(shots / name)]
        subprocess.run(render, check=True, timeout=60)
        assert (shots / f"{name}.png").stat().st_size > 0
