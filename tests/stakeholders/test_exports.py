"""Downloading a filtered list of stakeholders as CSV and Excel."""

import csv
import io

import openpyxl
from sqlalchemy import select

from engage.extensions import db
from engage.models import AuditEvent
from engage.stakeholders import exports
from tests.factories import create_stakeholder


def _csv_rows(response) -> list[dict]:
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_export_starts_with_a_bom_and_uses_api_field_names(viewer_client):
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace", registers=["mps", "members-forum"])
    response = viewer_client.get("/stakeholders/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=stakeholders-all-")
    rows = _csv_rows(response)
    assert list(rows[0].keys()) == exports.COLUMNS
    assert rows[0]["id"] == str(stakeholder.id)
    assert rows[0]["name"] == "Ada Lovelace"
    assert rows[0]["registers"] == "members-forum; mps"
    assert rows[0]["do_not_contact"] == "false"


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(viewer_client):
    create_stakeholder(first_name="=SUM(1)", last_name="@cmd", phone="+44 1923 000000", notes="-2+3")
    row = _csv_rows(viewer_client.get("/stakeholders/export.csv"))[0]
    assert row["first_name"] == "'=SUM(1)"
    assert row["last_name"] == "'@cmd"
    assert row["phone"] == "'+44 1923 000000"
    assert row["notes"] == "'-2+3"


def test_csv_export_quotes_commas_quotes_and_new_lines(viewer_client):
    create_stakeholder(first_name="Ada", last_name='O"Brien, Jr', address="1 High Street\nWatford")
    row = _csv_rows(viewer_client.get("/stakeholders/export.csv"))[0]
    assert row["last_name"] == 'O"Brien, Jr'
    assert row["address"] == "1 High Street\nWatford"


def test_export_follows_the_filters_and_is_audited(viewer_client):
    create_stakeholder(first_name="Mo", last_name="Member", registers=["members-forum"])
    create_stakeholder(first_name="Gen", last_name="Eral", registers=["general-consultees"])
    response = viewer_client.get("/stakeholders/export.csv?register=members-forum&sort=-name")
    assert [row["name"] for row in _csv_rows(response)] == ["Mo Member"]
    assert "stakeholders-members-forum-" in response.headers["Content-Disposition"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert event.user_id == viewer_client.user.id
    assert event.changes == {"filters": {"register": "members-forum", "sort": "-name"}, "rows": 1, "format": "csv"}


def test_xlsx_export_has_a_bold_frozen_filtered_header_and_text_cells(viewer_client):
    create_stakeholder(first_name="Ada", last_name="Lovelace", notes="=SUM(1)")
    create_stakeholder(first_name="Bob", last_name="Byron")
    response = viewer_client.get("/stakeholders/export.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exports.COLUMNS
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:AF3"
    names = [row[exports.COLUMNS.index("name")] for row in rows[1:]]
    assert names == ["Bob Byron", "Ada Lovelace"]
    notes = sheet.cell(row=3, column=exports.COLUMNS.index("notes") + 1)
    assert notes.value == "=SUM(1)" and notes.data_type == "s"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert event.changes["format"] == "xlsx" and event.changes["rows"] == 2


def test_empty_export_still_has_the_header(viewer_client):
    assert _csv_rows(viewer_client.get("/stakeholders/export.csv?q=nobody")) == []
    response = viewer_client.get("/stakeholders/export.xlsx?q=nobody")
    sheet = openpyxl.load_workbook(io.BytesIO(response.get_data())).active
    assert [cell.value for cell in sheet[1]] == exports.COLUMNS
    assert sheet.max_row == 1


def test_export_needs_sign_in(client):
    response = client.get("/stakeholders/export.csv")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "export")) is None


def test_csv_is_written_in_chunks_not_all_at_once():
    person = {column: "" for column in exports.COLUMNS} | {
        "linked_organisation": None,
        "organisation_name": "",
        "kind": "person",
    }
    person |= {"registers": ["mps"], "categories": [], "body_kinds": [], "do_not_contact": False}
    chunks = list(exports.csv_chunks([person] * 1200))
    assert len(chunks) == 3
    assert chunks[0].startswith("\ufeffid,kind,")
    assert sum(chunk.count("\r\n") for chunk in chunks) == 1201


def test_export_has_linked_organisation_authority_slugs_and_iso_dates(viewer_client):
    organisation = create_stakeholder(kind="organisation", organisation="Thames Water", registers=[], categories=[])
    create_stakeholder(
        first_name="Wat",
        last_name="Er",
        organisation_id=str(organisation.id),
        authority="WBC",
        categories=["business", "resident"],
        body_kinds=["religious", "coal-authority"],
    )
    rows = {row["name"]: row for row in _csv_rows(viewer_client.get("/stakeholders/export.csv"))}
    person = rows["Wat Er"]
    assert person["organisation"] == "Thames Water"
    assert person["organisation_id"] == str(organisation.id)
    assert person["authority"] == "WBC"
    assert person["categories"] == "resident; business"
    assert person["body_kinds"] == "coal-authority; religious"
    assert person["created_at"].endswith("+00:00")
    assert rows["Thames Water"]["organisation"] == "" and rows["Thames Water"]["kind"] == "organisation"
