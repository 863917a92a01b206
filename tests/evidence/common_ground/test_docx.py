"""The Statement of Common Ground as a Word document: A4 with "Page n of m", the template's parts, the version
history with its change log, each party's position on each matter, signature status and the annexes."""

import io
from datetime import UTC, date, datetime

import docx
from docx.oxml.ns import qn
from docx.shared import Cm
from sqlalchemy import select

from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing, versions
from engage.extensions import db
from engage.models import Engagement, StrategicMatter
from tests.evidence.common_ground.scg_data import TODAY, signed_statement, two_party_statement
from tests.factories import create_authority, create_stakeholder


def _log_engagement(matter_slug: str, title: str) -> Engagement:
    engagement = Engagement(
        title=title,
        status="held",
        starts_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
        lead_authority=create_authority(),
        agreement="agreed",
        outcome="Agreed the figures",
        summary="Talked about housing",
        evidence_url="https://example.gov.uk/minutes.pdf",
        examination_library_reference="EL-12",
    )
    engagement.matters = [db.session.scalar(select(StrategicMatter).where(StrategicMatter.slug == matter_slug))]
    engagement.stakeholders = [
        create_stakeholder(
            kind="organisation",
            organisation="Environment Agency",
            registers=["statutory-consultees"],
            categories=["specific-consultation-body"],
        )
    ]
    db.session.add(engagement)
    db.session.commit()
    return engagement


def _document(client, statement_id: int, number: int) -> docx.document.Document:
    response = client.get(f"/evidence/common-ground/{statement_id}/versions/{number}.docx")
    assert response.status_code == 200
    return docx.Document(io.BytesIO(response.data))


def _table(document, first_heading: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == first_heading)


def _texts(row) -> list[str]:
    return [cell.text for cell in row.cells]


def test_docx_has_the_template_parts_and_the_annexes(viewer_client):
    statement = signed_statement()
    _log_engagement("housing-need", "Housing officers meeting")
    _log_engagement("green-belt", "Green Belt meeting")  # not one of the statement's matters
    document = _document(viewer_client, statement.id, 1)
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "Statement of Common Ground: housing") in headings
    for part in (
        "Version history",
        "Parties and signatories",
        "Part 1: Strategic context",
        "Part 2: Policy scope and evidence base",
        "Part 3: Decision-making and project management",
        "Part 4: Risk assessment and management",
        "Part 5: Monitoring and review",
        "Signatures",
        "Annex A: Engagement history by strategic matter",
        "Annex B: Duty to co-operate activity table",
    ):
        assert ("Heading 1", part) in headings
    parties = _table(document, "Party")
    assert _texts(parties.rows[1]) == [
        "Dacorum Borough Council",
        "A Leader",
        "Housing need and distribution (including unmet need)",
        "20 November 2026",
        "No",
    ]
    history = _table(document, "Date")
    assert _texts(history.rows[1])[:2] == ["4 March 2026", "Housing officers meeting"]
    dtc = _table(document, "Ref")
    assert len(dtc.rows) == 2  # the head and the one housing engagement
    assert "Environment Agency" in dtc.rows[1].cells[2].text
    assert dtc.rows[0].cells[-1].text == "After submission"
    head = _texts(dtc.rows[0])
    assert dtc.rows[1].cells[head.index("Examination library reference")].text == "EL-12"
    links = dtc.rows[1].cells[head.index("Evidence link")]._tc.findall(".//" + qn("w:hyperlink"))
    assert len(links) == 1  # the evidence link is a real hyperlink


def test_docx_pages_are_a4_numbered_with_repeating_headers_and_unbroken_rows(viewer_client):
    statement = signed_statement()
    _log_engagement("housing-need", "Housing officers meeting")
    document = _document(viewer_client, statement.id, 1)
    first, annex = document.sections[0], document.sections[-1]
    assert (round(first.page_width.cm, 1), round(first.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(annex.page_width.cm, 1), round(annex.page_height.cm, 1)) == (29.7, 21.0)
    footer = first.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "Page " in first.footer.paragraphs[0].text
    for table in document.tables:
        head = table.rows[0]._tr.trPr
        assert head.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        widths = [cell.width for cell in table.rows[0].cells]
        assert all(widths) and sum(widths) <= Cm(27.2)  # the text width of a landscape A4 page


def test_docx_shows_positions_signature_status_and_version_history(viewer_client):
    made = two_party_statement()
    first = made.latest
    signing.change_status(first, "agreed", date(2026, 11, 2), TODAY)
    second = versions.start_new_version(made, {"change_log": "Hertsmere disagrees on housing need"})
    scg_services.set_positions(second, second.parties[0], {"housing-need": "agreed"})
    scg_services.set_positions(second, second.parties[1], {"housing-need": "not-agreed"})
    signing.change_status(second, "agreed", date(2026, 11, 10), TODAY)
    signing.add_signature(second, {"party": second.parties[0].id, "signed_on": date(2026, 11, 12)}, TODAY)
    document = _document(viewer_client, made.id, 2)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Partly signed (1 of 2)" in text
    assert (
        "Hertsmere Borough Council's positions: "
        "Housing need and distribution (including unmet need) not recorded → not agreed" in text
    )
    versions_table = _table(document, "Version")
    assert [_texts(row)[:3] for row in versions_table.rows[1:]] == [
        ["1", "2 November 2026", "Agreed"],
        ["2 (this version)", "10 November 2026", "Agreed"],
    ]
    assert versions_table.rows[2].cells[-1].text == "Hertsmere disagrees on housing need"
    positions = _table(document, "Strategic matter")
    assert _texts(positions.rows[0]) == ["Strategic matter", "Statement", "DBC", "HBC"]
    assert _texts(positions.rows[1]) == [
        "Housing need and distribution (including unmet need)",
        "Agreed",
        "Agreed",
        "Not agreed",
    ]
    signatures = _table(document, "Party")
    assert [row.cells[3].text for row in signatures.rows[1:]] == ["12 November 2026", "Not signed"]
