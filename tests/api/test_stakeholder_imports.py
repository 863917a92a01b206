import io

from engage.extensions import db
from engage.models import Stakeholder
from tests.api.conftest import assert_matches
from tests.stakeholders.test_import import xlsx_bytes

PEOPLE = (
    b"Forename,Surname,E-mail address,Notes\n"
    b"Sam,Smith,sam@example.com,Met at the forum\n"
    b"Ann,Jones,not-an-email,\n"
    b"Bob,Brown,bob@example.com,\n"
)
ONE = "/stakeholder-imports/{import_id}"


def _upload(api, data: bytes, filename: str = "people.csv", headers=None, **fields):
    return api.post(
        "/api/v1/stakeholder-imports",
        data={"file": (io.BytesIO(data), filename), **fields},
        content_type="multipart/form-data",
        headers=headers or {},
    )


def test_an_upload_matches_the_columns_and_says_what_importing_would_do(officer_api, openapi):
    response = _upload(officer_api, PEOPLE)

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/stakeholder-imports", "post")
    body = response.get_json()
    assert body["status"] == "draft" and body["rows"] == 3 and body["mapping_errors"] == {}
    assert body["mapping"]["Forename"] == "first_name" and body["mapping"]["Surname"] == "last_name"
    assert body["check"]["valid"] == 2 and body["check"]["invalid"] == 1
    assert body["check"]["invalid_rows"][0]["row"] == 3
    assert db.session.query(Stakeholder).count() == 0


def test_a_draft_is_remapped_started_and_reports_its_result(officer_api, openapi):
    created = _upload(officer_api, PEOPLE).get_json()
    url = f"/api/v1/stakeholder-imports/{created['id']}"

    remapped = officer_api.patch(url, json={"mapping": {"Notes": ""}})
    twice = officer_api.patch(url, json={"mapping": {"Notes": "first_name", "Nope": "email"}})
    started = officer_api.post(url + "/start")
    again = officer_api.post(url + "/start")
    too_late = officer_api.patch(url, json={"mapping": {"Notes": "notes"}})

    assert remapped.status_code == 200 and remapped.get_json()["mapping"]["Notes"] == ""
    assert_matches(openapi, remapped, ONE, "patch")
    assert twice.status_code == 422
    assert_matches(openapi, twice, ONE, "patch")
    assert twice.get_json()["errors"] == {
        "mapping.Nope": ["The file has no column ‘Nope’"],
        "mapping.Notes": ["‘First name’ is already chosen for ‘Forename’ – choose it once"],
    }
    assert started.status_code == 202, started.get_json()  # queued once committed; without Redis it has run since
    assert_matches(openapi, started, ONE + "/start", "post")
    assert started.get_json()["status"] == "pending" and started.get_json()["check"] is None
    result = officer_api.get(url).get_json()["result"]
    assert (result["rows"], result["imported"], result["skipped"]) == (3, 2, 1)
    assert result["skipped_rows"][0]["row"] == 3 and result["reasons"][0]["rows"] == 1
    assert again.status_code == 200 and db.session.query(Stakeholder).count() == 2
    assert too_late.status_code == 422
    shown = officer_api.get(url)
    assert_matches(openapi, shown, ONE)
    assert shown.get_json()["result"] == result


def test_an_xlsx_upload_with_start_imports_at_once(officer_api, openapi):
    data = xlsx_bytes([{"Organisation": "Environment Agency", "Email": "planning@environment-agency.gov.uk"}])

    response = _upload(officer_api, data, "bodies.xlsx", start="true")

    assert response.status_code == 201, response.get_json()
    assert_matches(openapi, response, "/stakeholder-imports", "post")
    assert response.get_json()["status"] == "pending"
    shown = officer_api.get(f"/api/v1/stakeholder-imports/{response.get_json()['id']}").get_json()
    assert shown["status"] == "done" and shown["result"]["imported"] == 1
    assert db.session.query(Stakeholder).one().organisation_name == "Environment Agency"


def test_an_upload_retried_with_its_idempotency_key_imports_once(officer_api):
    data = xlsx_bytes([{"Organisation": "Environment Agency", "Email": "planning@environment-agency.gov.uk"}])
    headers = {"Idempotency-Key": "upload-1"}

    first = _upload(officer_api, data, "bodies.xlsx", start="true", headers=headers)
    again = _upload(officer_api, data, "bodies.xlsx", start="true", headers=headers)  # a new multipart boundary
    other = _upload(officer_api, data + b"x", "bodies.xlsx", start="true", headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json()["id"] == first.get_json()["id"]
    assert other.status_code == 422 and "Idempotency-Key" in other.get_json()["errors"]
    assert db.session.query(Stakeholder).count() == 1


def test_without_a_name_column_the_import_stays_a_draft_and_says_why(officer_api, openapi):
    response = _upload(officer_api, b"Email\na@example.com\n", start="true")

    assert response.status_code == 201
    assert response.get_json()["status"] == "draft"
    assert response.get_json()["mapping_errors"] == {
        "Email": ["Choose a column for the first name, last name or organisation"]
    }
    start = officer_api.post(f"/api/v1/stakeholder-imports/{response.get_json()['id']}/start")
    assert start.status_code == 422
    assert_matches(openapi, start, ONE + "/start", "post")


def test_a_file_that_is_not_a_table_or_no_file_is_a_422(officer_api, openapi):
    wrong = _upload(officer_api, b"%PDF-1.4 not a table", "people.pdf")
    missing = officer_api.post("/api/v1/stakeholder-imports", data={}, content_type="multipart/form-data")

    assert wrong.status_code == 422 and wrong.get_json()["errors"] == {
        "file": ["The selected file must be a CSV or XLSX file"]
    }
    assert missing.status_code == 422 and "file" in missing.get_json()["errors"]
    for response in (wrong, missing):
        assert_matches(openapi, response, "/stakeholder-imports", "post")


def test_an_import_is_its_owners_and_admins(officer_api, admin_api, app, openapi):
    from tests.api.conftest import _api_client

    created = _upload(officer_api, PEOPLE).get_json()
    colleague = _api_client(app, "officer")

    assert colleague.get(f"/api/v1/stakeholder-imports/{created['id']}").status_code == 404
    assert_matches(openapi, colleague.get(f"/api/v1/stakeholder-imports/{created['id']}"), ONE)
    assert admin_api.get(f"/api/v1/stakeholder-imports/{created['id']}").status_code == 200
