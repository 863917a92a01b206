"""The public export (redacted, no contact details) and the inspector's (complete, not for publication), and every
other public output that prints representations' text: the statement of consultation and the hearing list."""

import csv
import io

import docx
import openpyxl
import pytest

from engage.evidence.dtc import rows as dtc
from engage.extensions import db
from engage.redaction import services
from tests.evidence.dtc import dtc_data
from tests.office_checks import assert_printable
from tests.redaction.helpers import COMMENT, PERSON, create_representation

CONTACTS = ("sam.contact@example.com", "01923 555 010", "99 Contact Road", "WD17 1AB")
IN_THE_TEXT = ("07700 900123", "12 Acacia Avenue", "AL1 3JE", "Jo Bloggs")


def _text(data: bytes, file_format: str) -> str:
    if file_format == "csv":
        return data.decode("utf-8")
    if file_format == "docx":
        document = docx.Document(io.BytesIO(data))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v)


def _redacted():
    representation = create_representation(heard_reason="Ring me on 07700 900123", wishes_to_be_heard=True)
    start = COMMENT.index("Jo Bloggs")
    services.add_redaction(representation, "comment", start, start + 9, "third-party")
    return representation


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_public_export_has_the_redacted_text_and_no_contact_details(viewer_client, file_format):
    representation = _redacted()
    response = viewer_client.get(f"/redaction/consultations/{representation.consultation_id}/register.{file_format}")
    assert response.status_code == 200
    text = _text(response.data, file_format)
    assert representation.reference in text and PERSON["organisation"] in text and "[redacted]" in text
    for personal in CONTACTS + IN_THE_TEXT:
        assert personal not in text, personal


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_inspector_export_is_complete_with_contact_details(officer_client, file_format):
    representation = _redacted()
    response = officer_client.get(f"/redaction/consultations/{representation.consultation_id}/inspector.{file_format}")
    assert "not-for-publication" in response.headers["Content-Disposition"]
    text = _text(response.data, file_format)
    for personal in CONTACTS + IN_THE_TEXT:
        assert personal in text, personal
    if file_format == "xlsx":
        assert "NOT FOR PUBLICATION" in text
        assert_printable(response.data)


def test_viewers_cannot_download_the_inspector_export(viewer_client):
    representation = create_representation()
    assert (
        viewer_client.get(f"/redaction/consultations/{representation.consultation_id}/inspector.csv").status_code == 403
    )


def test_formulas_are_neutralised_in_the_csv(viewer_client):
    representation = create_representation(comment='=HYPERLINK("http://evil")')
    response = viewer_client.get(f"/redaction/consultations/{representation.consultation_id}/register.csv")
    row = list(csv.reader(io.StringIO(response.data.decode())))[1]
    assert '\'=HYPERLINK("http://evil")' in row


def test_the_public_xlsx_reads_well(viewer_client):
    representation = _redacted()
    response = viewer_client.get(f"/redaction/consultations/{representation.consultation_id}/register.xlsx")
    assert_printable(response.data)
    sheet = openpyxl.load_workbook(io.BytesIO(response.data))["Representations"]
    assert sheet.column_dimensions["L"].width >= 60  # the representation's text
    assert sheet["L2"].alignment.wrap_text
    assert sheet.row_dimensions[2].height >= 30  # two lines of the representation: LibreOffice shows them both


@pytest.mark.parametrize("file_format", ["docx", "xlsx"])
def test_the_statement_of_consultation_prints_the_redacted_text_only(viewer_client, file_format):
    representation = _redacted()
    response = viewer_client.get(
        f"/evidence/consultation-statement.{file_format}?consultation={representation.consultation_id}"
    )
    text = _text(response.data, file_format)
    assert representation.reference in text and "The housing figure is not justified." in text
    for personal in IN_THE_TEXT:
        assert personal not in text, personal


def test_the_public_hearing_list_gives_the_redacted_reason_and_the_contact_version_the_original(officer_client):
    representation = _redacted()
    query = f"?consultation={representation.consultation_id}"
    public = officer_client.get(f"/evidence/consultation-statement/hearing-list.csv{query}").data.decode()
    assert "Ring me on [redacted]" in public and "07700 900123" not in public
    contacts = officer_client.get(f"/evidence/consultation-statement/hearing-list-contacts.csv{query}").data.decode()
    assert "Ring me on 07700 900123" in contacts


def test_the_co_operation_table_summarises_the_redacted_text():
    record = dtc_data.build()
    representation = record.representation
    representation.comment = "Flood risk evidence: ring our officer on 07700 900123"
    db.session.commit()
    [row] = [r for r in dtc.dtc_rows(dtc.DtcFilters(), "http://engage.test/") if r.ref == representation.reference]
    assert "07700 900123" not in row.summary and "[redacted]" in row.summary
