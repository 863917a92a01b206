"""Full copies of the representations in the statement of consultation (Regulation 22(1)(d)): a sheet in the
workbook and an annex in the document, checked against the database, with no contact details published."""

import io
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import openpyxl
import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import Question, Representation, Respondent
from tests.factories import create_consultation, create_plan

CONTACT = {"email": "pat@private.example", "phone": "01923 000111", "address": "1 Secret Lane", "postcode": "WD1 9ZZ"}
AGENT = {
    "first_name": "Alex",
    "last_name": "Agent",
    "organisation": "Agents LLP",
    "email": "alex@agents.example",
    "phone": "07700 900123",
    "address": "9 Agent Road",
    "postcode": "AL1 1AA",
}


@pytest.fixture
def consultation():
    consultation = create_consultation(title="Regulation 19 publication")
    opens = consultation.opens_at
    pat = Respondent(
        consultation_id=consultation.id,
        first_name="Pat",
        last_name="Jones",
        organisation="Jones Homes",
        agent=AGENT,
        **CONTACT,
    )
    pat.representations = [
        Representation(
            consultation_id=consultation.id,
            number=1,
            nature="object",
            part_id=consultation.parts[1].id,
            legally_compliant="yes",
            sound="no",
            unsound_tests=["justified", "effective"],
            dtc_compliant="not-specified",
            comment="The housing figure is too high.\n\nSee our evidence\x0b.",
            modification="Reduce it to 500 homes.",
            wishes_to_be_heard=True,
            heard_reason="To explain our evidence.",
            channel="email",
            received_at=opens + timedelta(hours=2),
        ),
        Representation(
            consultation_id=consultation.id,
            number=2,
            nature="support",
            channel="online",
            comment='=HYPERLINK("x")',
            received_at=opens + timedelta(days=9),
            late=True,
            status="withdrawn",
            withdrawn_at=opens + timedelta(days=10),
        ),
    ]
    anonymous = Respondent(consultation_id=consultation.id, email="anon@private.example")
    anonymous.representations = [
        Representation(consultation_id=consultation.id, number=1, nature="comment", received_at=opens)
    ]
    db.session.add_all([pat, anonymous])
    db.session.commit()
    return consultation


def _get(client, consultation, file_format):
    response = client.get(f"/evidence/consultation-statement.{file_format}?consultation={consultation.id}")
    assert response.status_code == 200
    return response


def _all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_xlsx_representations_sheet_has_every_representation_in_full(viewer_client, consultation):
    workbook = openpyxl.load_workbook(io.BytesIO(_get(viewer_client, consultation, "xlsx").data))
    sheet = workbook["Representations"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:U4"
    rows = [
        dict(zip([c.value for c in sheet[1]], row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    expected = db.session.scalars(select(Representation).order_by(Representation.respondent_id, Representation.number))
    assert [(row["Reference"], row["Respondent reference"]) for row in rows] == [
        (r.reference, r.respondent.reference) for r in expected
    ]
    first = rows[0]
    assert first["Respondent"] == "Pat Jones" and first["Organisation"] == "Jones Homes"
    assert first["Agent"] == "Alex Agent, Agents LLP"
    assert first["Part of the plan"] == "Policy SP1: Spatial strategy"
    assert (first["Nature"], first["Legally compliant"], first["Sound"]) == ("Object", "Yes", "No")
    assert first["Tests of soundness not met"] == "Justified, Effective"
    assert first["Complies with the duty to co-operate"] == "Not specified"
    assert first["Representation"] == "The housing figure is too high.\n\nSee our evidence."
    assert first["Modification sought"] == "Reduce it to 500 homes."
    assert (first["Wishes to take part in the hearings"], first["Why they wish to be heard"]) == (
        "Yes",
        "To explain our evidence.",
    )
    assert first["Channel"] == "Email" and isinstance(first["Received"], datetime)
    assert (first["Late"], first["Withdrawn"], first["Withdrawn on"]) == ("No", "No", None)
    second = rows[1]
    assert (second["Late"], second["Withdrawn"]) == ("Yes", "Yes") and isinstance(second["Withdrawn on"], datetime)
    assert second["Representation"] == '=HYPERLINK("x")' and sheet["M3"].data_type == "s"
    assert second["Part of the plan"] == "The plan as a whole"
    assert rows[2]["Respondent"] == "Name not recorded"


@pytest.mark.parametrize("file_format", ["xlsx", "docx"])
def test_no_contact_details_are_published(viewer_client, consultation, file_format):
    text = _all_text(_get(viewer_client, consultation, file_format).data)
    assert "Pat Jones" in text or "Pat" in text
    for value in [*CONTACT.values(), AGENT["email"], AGENT["phone"], AGENT["address"], "anon@private.example"]:
        assert value not in text


def test_docx_annex_has_each_representation_with_its_details(viewer_client, consultation):
    document = docx.Document(io.BytesIO(_get(viewer_client, consultation, "docx").data))
    paragraphs = document.paragraphs
    assert "Annex: full copies of the representations" in [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert any(p.text.startswith("Generated on ") for p in paragraphs)
    paragraphs = paragraphs[[(p.style.name, p.text) for p in paragraphs].index(("Heading 1", "Summary")) :]
    annex = [p.text for p in paragraphs].index("Annex: full copies of the representations")
    headings = [p.text for p in paragraphs[annex:] if p.style.name == "Heading 2"]
    pat = db.session.scalar(select(Respondent).where(Respondent.first_name == "Pat"))
    assert headings[:2] == [
        f"{pat.reference}-1: Pat Jones, Jones Homes",
        f"{pat.reference}-2: Pat Jones, Jones Homes (withdrawn)",
    ]
    index = [p.text for p in paragraphs].index(headings[0])
    details = paragraphs[index + 1].text
    for line in (
        "Agent: Alex Agent, Agents LLP",
        "Part of the plan: Policy SP1: Spatial strategy",
        "Nature: Object",
        "Sound: No (tests not met: Justified, Effective)",
        "Wishes to take part in the hearings: Yes: To explain our evidence.",
        f"Respondent reference: {pat.reference}",
        "Complies with the duty to co-operate: Not specified",
    ):
        assert line in details.split("\n")
    assert [p.text for p in paragraphs[index + 2 : index + 7]] == [
        "Representation",
        "The housing figure is too high.",
        "See our evidence.",
        "Modification sought",
        "Reduce it to 500 homes.",
    ]
    withdrawn = paragraphs[[p.text for p in paragraphs].index(headings[1]) + 1].text
    assert "Late: Yes: received after the consultation closed" in withdrawn and "Withdrawn: Yes, on " in withdrawn
    assert len(headings) == 3


def test_questionnaire_answers_are_part_of_the_full_text(viewer_client):
    consultation = create_consultation(form_type="questionnaire")
    question = Question(consultation_id=consultation.id, text="Which site do you prefer?", kind="free-text")
    db.session.add(question)
    db.session.flush()
    respondent = Respondent(consultation_id=consultation.id, first_name="Sam")
    respondent.representations = [
        Representation(
            consultation_id=consultation.id,
            number=1,
            answers={str(question.id): "Site B"},
            received_at=datetime(2026, 3, 1, tzinfo=UTC),
        )
    ]
    db.session.add(respondent)
    db.session.commit()
    workbook = openpyxl.load_workbook(io.BytesIO(_get(viewer_client, consultation, "xlsx").data))
    assert workbook["Representations"]["M2"].value == "Which site do you prefer?\nSite B"
    document = docx.Document(io.BytesIO(_get(viewer_client, consultation, "docx").data))
    answer = next(p for p in document.paragraphs if p.text == "Which site do you prefer?\nSite B")
    assert answer.runs[0].bold and answer.runs[0].text == "Which site do you prefer?"
    details = next(p.text for p in document.paragraphs if p.text.startswith("Respondent reference: "))
    assert "Legal compliance and soundness: Not specified" in details.split("\n")
    assert "No text was given." not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("file_format", ["xlsx", "docx"])
def test_files_without_representations_say_there_were_none(viewer_client, file_format):
    consultation = create_consultation()
    data = _get(viewer_client, consultation, file_format).data
    if file_format == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))["Representations"]
        assert list(sheet.iter_rows(min_row=2, values_only=True))[0][0] == "There were no representations."
    else:
        texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
        assert texts[-1] == "There were no representations."


def test_a_plan_statement_covers_each_consultation(viewer_client):
    plan = create_plan()
    first = create_consultation(title="Issues and options", stage="reg-18")
    second = create_consultation(title="Publication")
    for consultation in (first, second):
        consultation.plan_id = plan.id
        respondent = Respondent(consultation_id=consultation.id, organisation="Natural England")
        respondent.representations = [Representation(consultation_id=consultation.id, number=1)]
        db.session.add(respondent)
    db.session.commit()
    response = viewer_client.get(f"/evidence/consultation-statement.xlsx?plan={plan.slug}")
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.data))["Representations"].iter_rows(min_row=2, values_only=True)
    )
    assert sorted(row[2] for row in rows) == ["Issues and options", "Publication"]
    assert {row[4] for row in rows} == {"Natural England"} and {row[3] for row in rows} == {None}
