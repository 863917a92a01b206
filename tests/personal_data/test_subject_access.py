import csv
import io
import json
import zipfile

from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent
from tests.factories import create_consultation, create_stakeholder
from tests.personal_data.test_erasure import PDF, PERSON, _respond


def test_the_subject_access_zip_holds_everything_on_the_person_and_is_audited(officer_client):
    first, second = create_consultation(stage="reg-18"), create_consultation()
    stakeholder = create_stakeholder(email="jo@example.com")
    respondent = _respond(first)
    elsewhere = _respond(second, {**PERSON, "email": "Jo@Example.com"}, comment="Second letter")
    _respond(second, {**PERSON, "first_name": "Sam", "email": "sam@example.com"})

    response = officer_client.get(f"/personal-data/respondents/{respondent.id}/subject-access.zip")

    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    assert {"README.txt", "everything.json", "representations.csv"} <= set(names)
    held = json.loads(archive.read("everything.json"))
    assert [r["reference"] for r in held["respondents"]] == [respondent.reference, elsewhere.reference]
    assert held["respondents"][0]["address"] == "3 Oak Road, Watford"
    assert held["respondents"][0]["agent"]["email"] == "agent@example.com"
    assert held["respondents"][1]["representations"][0]["comment"] == "Second letter"
    assert [s["id"] for s in held["stakeholders"]] == [stakeholder.id]
    assert {e["entity_type"] for e in held["audit"]} >= {"respondent", "stakeholder"}
    file_path = held["respondents"][0]["representations"][0]["attachments"][0]["file"]
    assert archive.read(file_path) == PDF
    rows = list(csv.DictReader(io.StringIO(archive.read("representations.csv").decode())))
    assert [r["Comment"] for r in rows] == ["Jo Bloggs objects to the homes.", "Second letter"]
    assert "sam@example.com" not in archive.read("everything.json").decode()
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert audit.summary == f"Subject access export for respondent {respondent.reference} (2 respondent records)"
    assert "Jo" not in audit.summary
