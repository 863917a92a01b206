"""The programme officer's list of those who wish to be heard: by part of the plan with references; the public
version without contact details, the contact version marked "not for publication" and for officers only."""

import csv
import io
from datetime import timedelta

import docx
import openpyxl
import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import MainIssue, Representation, Respondent, utcnow
from tests import office_checks
from tests.factories import create_consultation

AGENT = {"first_name": "Alex", "last_name": "Agent", "organisation": "Agents LLP", "email": "alex@agents.example",
         "phone": "07700 900123", "address": "9 Agent Road", "postcode": "AL1 1AA"}  # fmt: skip


def _respondent(consultation, first_name, *, part=None, agent=None, **extra):
    respondent = Respondent(consultation_id=consultation.id, first_name=first_name, last_name="Smith",
                            email=f"{first_name.lower()}@private.example", phone="01923 000111",
                            address="1 Secret Lane", postcode="WD1 9ZZ", agent=agent)  # fmt: skip
    respondent.representations = [
        Representation(consultation_id=consultation.id, number=1, part_id=part,
                       received_at=consultation.opens_at + timedelta(hours=1), **extra)
    ]  # fmt: skip
    db.session.add(respondent)
    db.session.commit()
    return respondent


@pytest.fixture
def consultation():
    consultation = create_consultation()
    policy, chapter = consultation.parts[1].id, consultation.parts[0].id
    _respondent(consultation, "Ann", part=policy, wishes_to_be_heard=True, heard_reason="Our evidence", agent=AGENT)
    _respondent(consultation, "Ben", part=chapter, wishes_to_be_heard=True, heard_reason="Site", late=True)
    _respondent(consultation, "Cat", part=policy, wishes_to_be_heard=True, heard_reason="Gone", status="withdrawn")
    _respondent(consultation, "Dan", part=policy)
    ann = db.session.scalar(select(Respondent).where(Respondent.first_name == "Ann"))
    db.session.add(MainIssue(consultation_id=consultation.id, title="Housing numbers",
                             representations=ann.representations))  # fmt: skip
    db.session.commit()
    return consultation


def _csv(client, endpoint: str, consultation) -> list[dict]:
    response = client.get(f"/evidence/consultation-statement/{endpoint}.csv?consultation={consultation.id}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_list_gives_those_who_wish_to_be_heard_by_part_with_references(viewer_client, consultation):
    rows = _csv(viewer_client, "hearing-list", consultation)
    ann, ben = (db.session.scalar(select(Respondent).where(Respondent.first_name == name)) for name in ("Ann", "Ben"))
    assert [(r["Part of the plan"], r["Representation"], r["Respondent reference"], r["Late"]) for r in rows] == [
        ("Chapter 3: Spatial strategy", f"{ben.reference}-1", ben.reference, "Yes"),
        ("Policy SP1: Spatial strategy", f"{ann.reference}-1", ann.reference, "No"),
    ]
    assert rows[1]["Agent"] == "Alex Agent, Agents LLP" and rows[1]["Why they wish to take part"] == "Our evidence"
    assert (rows[0]["Main issues"], rows[1]["Main issues"]) == ("", "Housing numbers")


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "docx"])
def test_the_public_list_has_no_contact_details(viewer_client, consultation, file_format):
    response = viewer_client.get(
        f"/evidence/consultation-statement/hearing-list.{file_format}?consultation={consultation.id}"
    )
    text = _text(response.data, file_format)
    assert "Ann Smith" in text
    for private in ("ann@private.example", "01923 000111", "1 Secret Lane", "WD1 9ZZ", "alex@agents.example"):
        assert private not in text
    assert "NOT FOR PUBLICATION" not in text


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "docx"])
def test_the_contact_list_is_marked_not_for_publication(officer_client, consultation, file_format):
    url = f"/evidence/consultation-statement/hearing-list-contacts.{file_format}?consultation={consultation.id}"
    response = officer_client.get(url)
    assert "not-for-publication" in response.headers["Content-Disposition"]
    text = _text(response.data, file_format)
    for contact in ("ann@private.example", "01923 000111", "1 Secret Lane", "WD1 9ZZ", "alex@agents.example"):
        assert contact in text
    if file_format != "csv":
        assert "NOT FOR PUBLICATION" in text


def test_the_contact_docx_says_not_for_publication_on_every_page(officer_client, consultation):
    url = f"/evidence/consultation-statement/hearing-list-contacts.docx?consultation={consultation.id}"
    document = docx.Document(io.BytesIO(officer_client.get(url).data))
    assert "NOT FOR PUBLICATION" in document.sections[0].header.paragraphs[0].text
    assert "NOT FOR PUBLICATION" in document.paragraphs[0].text


def test_viewers_cannot_download_contact_details(viewer_client, consultation):
    url = f"/evidence/consultation-statement/hearing-list-contacts.csv?consultation={consultation.id}"
    assert viewer_client.get(url).status_code == 403


def test_the_list_says_when_nobody_wishes_to_be_heard(viewer_client):
    consultation = create_consultation()
    response = viewer_client.get(f"/evidence/consultation-statement/hearing-list.docx?consultation={consultation.id}")
    assert "Nobody has asked to take part in the hearing sessions." in _text(response.data, "docx")


def _text(data: bytes, file_format: str) -> str:
    if file_format == "csv":
        return data.decode("utf-8")
    if file_format == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row if v)
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_list_of_an_open_consultation_is_provisional(viewer_client, consultation):
    response = viewer_client.get(f"/evidence/consultation-statement/hearing-list.xlsx?consultation={consultation.id}")
    text = _text(response.data, "xlsx")
    assert "(provisional)" in text and "Provisional: a consultation in this list is not closed yet" in text


def test_the_list_of_a_closed_consultation_is_not_provisional(viewer_client):
    now = utcnow()
    consultation = create_consultation(opens_at=now - timedelta(days=50), closes_at=now - timedelta(days=1))
    response = viewer_client.get(f"/evidence/consultation-statement/hearing-list.xlsx?consultation={consultation.id}")
    assert "provisional" not in _text(response.data, "xlsx").lower()


def test_the_list_files_are_laid_out_for_print(officer_client, consultation):
    for endpoint in ("hearing-list", "hearing-list-contacts"):
        url = f"/evidence/consultation-statement/{endpoint}"
        document = office_checks.word(officer_client.get(f"{url}.docx?consultation={consultation.id}").data)
        office_checks.assert_council_document(document)
        office_checks.assert_titled(document, partners=False)
        office_checks.assert_printable(officer_client.get(f"{url}.xlsx?consultation={consultation.id}").data)
