"""POST /api/v1/consultations/{id}/representation-uploads: an agent's spreadsheet, all or nothing."""

import io

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Representation
from tests.api.conftest import assert_matches
from tests.factories import create_consultation
from tests.representations.test_uploads import GOOD

PATH = "/consultations/{consultation_id}/representation-uploads"
FIELDS = {
    "channel": "email",
    "received_at": "2026-11-01T10:00:00+00:00",
    "agent_first_name": "Adam",
    "agent_last_name": "Agent",
    "agent_email": "adam@agents.example",
}


def _post(api, consultation, text=GOOD, headers=None, **changes):
    data = {**FIELDS, **changes}
    if text is not None:
        data["file"] = (io.BytesIO(text.encode() if isinstance(text, str) else text), "clients.csv")
    return api.post(
        f"/api/v1/consultations/{consultation.id}/representation-uploads",
        data=data,
        content_type="multipart/form-data",
        headers=headers or {},
    )


def _count() -> int:
    return db.session.scalar(select(func.count(Representation.id)))


def test_a_spreadsheet_makes_a_representation_per_row_with_references(officer_api, openapi):
    consultation = create_consultation()

    response = _post(officer_api, consultation)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, PATH, "post")
    body = response.get_json()
    assert len(body["respondents"]) == 2 and body["filename"] == "clients.csv"
    references = [r["reference"] for r in body["representations"]]
    assert references == [f"{body['respondents'][0]}-1", f"{body['respondents'][0]}-2", f"{body['respondents'][1]}-1"]
    assert {r["agent"]["email"] for r in body["representations"]} == {"adam@agents.example"}
    assert all(r["channel"] == "email" for r in body["representations"])


def test_bad_rows_are_a_422_by_row_and_field_and_write_nothing(officer_api, openapi):
    consultation = create_consultation()
    bad = GOOD.replace("WD17 1AB,Policy SP1,object", "NOPE,Policy SP1,=cmd", 1)

    response = _post(officer_api, consultation, bad)

    assert response.status_code == 422
    assert_matches(openapi, response, PATH, "post")
    assert response.get_json()["errors"] == {
        "row-2.nature": [
            "Starts with ‘=’, so a spreadsheet would run it as a formula – remove the ‘=’",
            "Enter one of: support, object, comment",
        ],
        "row-2.postcode": ["Enter a real postcode, like AL1 3JE"],
    }
    assert _count() == 0


def test_the_fields_and_the_file_are_checked(officer_api):
    consultation = create_consultation()

    missing = _post(officer_api, consultation, None, channel="online", agent_email="nope")
    assert missing.status_code == 422
    assert set(missing.get_json()["errors"]) >= {"channel", "agent_email", "file"}
    bad_date = _post(officer_api, consultation, received_at="yesterday")
    assert bad_date.status_code == 422 and set(bad_date.get_json()["errors"]) == {"received_at"}
    unknown = _post(officer_api, consultation, colour="blue")
    assert unknown.status_code == 422 and set(unknown.get_json()["errors"]) == {"colour"}
    nul = _post(officer_api, consultation, agent_first_name="A\x00")
    assert nul.status_code == 422 and set(nul.get_json()["errors"]) == {"agent.first_name"}
    twice = _post(officer_api, consultation, "First name,first name,Comments\nA,B,C\n")
    assert twice.status_code == 422 and set(twice.get_json()["errors"]) == {"file"}
    assert _count() == 0


def test_an_idempotency_key_saves_once(officer_api):
    consultation = create_consultation()
    headers = {"Idempotency-Key": "agent-upload-1"}

    first = _post(officer_api, consultation, headers=headers)
    second = _post(officer_api, consultation, headers=headers)

    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert _count() == 3


def test_viewers_cannot_upload_and_an_unknown_consultation_is_404(viewer_api, officer_api):
    consultation = create_consultation()
    assert _post(viewer_api, consultation).status_code == 403
    missing = officer_api.post("/api/v1/consultations/999999/representation-uploads", data=FIELDS)
    assert missing.status_code == 404
