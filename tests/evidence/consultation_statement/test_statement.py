"""The statement of consultation stage by stage: who was invited (bodies named, individuals counted), how, the duly
made representations apart from late and withdrawn ones with their breakdowns, main issues, the "none" statement,
"provisional" while open and the wording of the plan's route, on the page and in the DOCX and XLSX files."""

import io
from datetime import date, timedelta

import docx
import openpyxl
import pytest
from sqlalchemy import func, select

from engage.evidence.consultation_statement.respondents import respondent_type
from engage.extensions import db
from engage.models import Invitation, MainIssue, Publicity, Representation, Respondent, utcnow
from engage.plans import wording
from tests import office_checks
from tests.factories import create_consultation, create_plan, create_stakeholder
from tests.pages import get_page


def _respond(consultation, *, organisation="", stakeholder=None, agent=None, items=(("support", 0),), **extra):
    respondent = Respondent(
        consultation_id=consultation.id,
        first_name="Pat",
        last_name="Respondent",
        organisation=organisation,
        stakeholder_id=stakeholder.id if stakeholder else None,
        agent=agent,
    )
    respondent.representations = [
        Representation(
            consultation_id=consultation.id,
            number=number,
            nature=nature,
            part_id=consultation.parts[part].id if part is not None else None,
            received_at=consultation.opens_at + timedelta(hours=number),
            **extra,
        )
        for number, (nature, part) in enumerate(items, start=1)
    ]
    db.session.add(respondent)
    db.session.commit()
    return respondent


def _closed(**overrides):
    now = utcnow().replace(second=0, microsecond=0)
    return create_consultation(opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=2), **overrides)


@pytest.fixture
def consultation():
    consultation = _closed()
    council = create_stakeholder(
        kind="organisation", organisation="Dacorum Borough Council", categories=["neighbouring-authority"]
    )
    agency = create_stakeholder(
        kind="organisation", organisation="Environment Agency", categories=["specific-consultation-body"]
    )
    resident = create_stakeholder(first_name="Private", last_name="Person", categories=["resident"])
    for stakeholder, method in ((council, "email"), (agency, "email"), (resident, "letter")):
        db.session.add(
            Invitation(consultation_id=consultation.id, stakeholder_id=stakeholder.id, method=method, status="sent")
        )
    db.session.add(
        Publicity(consultation_id=consultation.id, method="exhibition", description="Exhibition at Watford Town Hall",
                  starts_on=date(2026, 2, 1), attendance=64)
    )  # fmt: skip
    db.session.commit()
    _respond(consultation, stakeholder=council, items=(("object", 1), ("comment", 0)), legally_compliant="yes",
             sound="no", unsound_tests=["justified", "effective"], dtc_compliant="no")  # fmt: skip
    _respond(consultation, stakeholder=agency, items=(("support", 1),), sound="yes", dtc_compliant="yes")
    _respond(consultation, organisation="Bloggs Homes Ltd", items=(("object", 1),), late=True)
    _respond(consultation, items=(("object", None),), status="withdrawn")
    return consultation


def _xlsx(client, **args):
    query = "&".join(f"{k}={v}" for k, v in args.items())
    response = client.get(f"/evidence/consultation-statement.xlsx?{query}")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.data))


def _docx(client, **args):
    query = "&".join(f"{k}={v}" for k, v in args.items())
    response = client.get(f"/evidence/consultation-statement.docx?{query}")
    assert response.status_code == 200
    return docx.Document(io.BytesIO(response.data))


def _rows(workbook, sheet):
    return list(workbook[sheet].iter_rows(min_row=2, values_only=True))


def _text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize(
    ("categories", "organisation", "agent", "expected"),
    [
        ({"neighbouring-authority"}, "", False, "councils"),
        ({"specific-consultation-body", "relevant-authority"}, "", False, "councils"),
        ({"dtc-prescribed-body"}, "", False, "statutory-bodies"),
        ({"developer-landowner"}, "", False, "developers"),
        (set(), "Abbots Langley Parish Council", False, "councils"),
        (set(), "Natural England", False, "statutory-bodies"),
        (set(), "Bloggs Homes Ltd", False, "developers"),
        (set(), "Friends of the Earth", False, "groups"),
        (set(), "", True, "developers"),
        (set(), "", False, "residents"),
        (set(), "Acme", False, "other"),
        ({"resident"}, "Bloggs Homes Ltd", False, "residents"),
    ],
)
def test_respondent_type_comes_from_categories_then_organisation(categories, organisation, agent, expected):
    assert respondent_type(categories, organisation, agent) == expected


def test_duly_made_representations_are_counted_apart_from_late_and_withdrawn_ones(viewer_client, consultation):
    workbook = _xlsx(viewer_client, consultation=consultation.id)
    counts = {row[1]: row[2] for row in _rows(workbook, "Counts")}
    assert counts == {
        "Received": 5,
        "Duly made (representations made in accordance with Regulation 20)": 3,
        "Late (not duly made)": 1,
        "Withdrawn": 1,
        "Distinct arguments among the duly made (a campaign counts once)": 3,
        "Distinct people who made them (the same person or email address counts once)": 2,
    }
    assert [row[1] for row in _rows(workbook, "Late")] == [
        r.reference for r in db.session.scalars(select(Representation).where(Representation.late.is_(True)))
    ]
    assert len(_rows(workbook, "Withdrawn")) == 1


def test_duly_made_representations_are_broken_down(viewer_client, consultation):
    workbook = _xlsx(viewer_client, consultation=consultation.id)
    answers = {row[1]: row[2:] for row in _rows(workbook, "Legal answers")}
    assert answers == {
        "Legally compliant": (2, 0, 1),
        "Sound": (1, 2, 0),
        "Complies with the duty to co-operate": (1, 2, 0),
    }
    assert {row[1]: row[2] for row in _rows(workbook, "Tests failed")}["Justified"] == 2
    assert ("Policy SP1: Spatial strategy", 1, 1, 0, 2) in [row[1:] for row in _rows(workbook, "By part")]
    by_type = {row[1]: row[2:] for row in _rows(workbook, "By respondent type")}
    assert by_type == {"Statutory bodies": (1, 1), "Councils": (1, 2)}


def test_bodies_are_named_and_individuals_only_counted(viewer_client, consultation):
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    text = page.get_text(" ")
    assert "Environment Agency" in text and "Dacorum Borough Council" in text
    assert "Private Person" not in text
    assert "2 bodies and 1 individuals were invited" in text
    workbook = _xlsx(viewer_client, consultation=consultation.id)
    assert [row[1:] for row in _rows(workbook, "Individuals invited")] == [("Resident", 1)]
    document = _docx(viewer_client, consultation=consultation.id)
    assert "Private Person" not in _text(document)


def test_every_method_is_listed_with_dates_and_attendance(viewer_client, consultation):
    methods = [row[1:] for row in _rows(_xlsx(viewer_client, consultation=consultation.id), "Methods")]
    assert [row[0] for row in methods] == ["Email", "Letter", "Exhibition"]
    assert methods[0][3] == "2 invited"
    assert methods[2][1:] == ("Exhibition at Watford Town Hall", "1 February 2026", "64 attended")


def test_a_plan_statement_gives_each_stage_its_own_section_in_plan_order(viewer_client):
    plan = create_plan()
    publication = _closed(title="Publication draft", stage="reg-19", plan_id=plan.id)
    options = _closed(title="Issues and options", stage="reg-18", plan_id=plan.id, form_type="questionnaire")
    assert publication.opens_at <= options.opens_at
    _respond(options, items=(("comment", None),))
    document = _docx(viewer_client, plan=plan.slug)
    stages = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert stages[:4] == [
        "Contents",
        "Summary",
        "1. Regulation 18: Issues and options",
        "2. Regulation 19: Publication draft",
    ]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    for section in ("Who was invited", "How they were invited", "Representations"):
        assert headings.count(section) == 2
    assert headings.count("Main issues raised and the council’s response") == 2
    text = _text(document)
    assert wording.LEGACY.none_made in text  # the publication stage had none
    assert "did not ask about legal compliance" in text  # the questionnaire stage


def test_a_stage_with_nothing_says_so_instead_of_empty_tables(viewer_client):
    consultation = _closed()
    document = _docx(viewer_client, consultation=consultation.id)
    text = [p.text for p in document.paragraphs]
    assert "Nobody was recorded as invited at this stage." in text
    assert wording.LEGACY.none_made in text
    assert "No main issues have been recorded for this stage yet." in text
    assert "Duly made representations by part of the plan" not in text


def test_an_open_consultation_is_provisional(viewer_client):
    consultation = create_consultation()
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    assert "Provisional: this consultation is open until" in page.get_text(" ")
    document = _docx(viewer_client, consultation=consultation.id)
    assert document.paragraphs[0].text.endswith("(provisional)")
    assert any(p.text.startswith("Provisional: this consultation is open until") for p in document.paragraphs)


def test_a_closed_consultation_is_not_provisional(viewer_client, consultation):
    document = _docx(viewer_client, consultation=consultation.id)
    assert "provisional" not in _text(document).lower()


def test_the_wording_follows_the_plans_route(viewer_client):
    plan = create_plan()
    plan.route = "2026"
    consultation = _closed(plan_id=plan.id)
    _respond(consultation, dtc_compliant="yes")
    workbook = _xlsx(viewer_client, consultation=consultation.id)
    assert [row[1] for row in _rows(workbook, "Legal answers")][-1] == wording.NEW.cooperation_question
    assert "maintained" in wording.NEW.cooperation_question and "Regulations 2026" in workbook["Summary"]["A2"].value
    headings = [cell.value for cell in workbook["Representations"][1]]
    assert wording.NEW.cooperation_question in headings and "Complies with the duty to co-operate" not in headings
    text = _text(_docx(viewer_client, consultation=consultation.id))
    assert "duty to co-operate" not in text and wording.NEW.none_made not in text
    assert "Regulation 20" not in text and "Regulation 22" not in text
    assert wording.NEW.annex_note in text


def test_the_route_decides_the_wording():
    plan = create_plan()
    assert wording.for_plan(plan) is wording.LEGACY and wording.for_plan(None) is wording.LEGACY
    plan.route = "2026"
    assert wording.for_plan(plan) is wording.NEW


def test_docx_tables_are_sized_to_their_content(viewer_client, consultation):
    document = _docx(viewer_client, consultation=consultation.id)
    methods = next(t for t in document.tables if t.rows[0].cells[0].text == "Method")
    widths = [column.width for column in methods.columns]
    assert len(set(widths)) > 1 and widths[1] == max(widths)


def test_page_lists_main_issues_per_stage(viewer_client, consultation):
    representation = db.session.scalar(select(Representation).where(Representation.nature == "support"))
    db.session.add(MainIssue(consultation_id=consultation.id, title="Flood risk", council_response="Policy amended",
                             representations=[representation]))  # fmt: skip
    db.session.commit()
    document = _docx(viewer_client, consultation=consultation.id)
    issues = next(t for t in document.tables if t.rows[0].cells[0].text == "Main issue")
    assert [c.text for c in issues.rows[1].cells] == ["Flood risk", representation.reference, "Policy amended", ""]
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation=consultation.id)
    assert "Flood risk" in page.select_one(f"#main-issues-{consultation.id}").find_next("table").get_text()


def test_page_with_an_unknown_consultation_says_so(viewer_client):
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation="999999")
    assert "No consultation or plan matches" in page.get_text(" ")
    page = get_page(viewer_client, "evidence.consultation_statement.show", consultation="not-a-number")
    assert "No consultation or plan matches" in page.get_text(" ")


def test_plan_without_consultations_says_there_is_nothing(viewer_client):
    create_plan("empty-plan")
    page = get_page(viewer_client, "evidence.consultation_statement.show", plan="empty-plan")
    assert "has no consultations yet" in page.get_text(" ")


def test_docx_and_xlsx_for_a_plan_without_consultations_are_valid(viewer_client):
    create_plan("empty-plan")
    workbook = _xlsx(viewer_client, plan="empty-plan")
    assert _rows(workbook, "Main issues") == [("No main issues have been recorded for this stage yet.",) + (None,) * 4]
    document = _docx(viewer_client, plan="empty-plan")
    assert "Statement of consultation" in document.paragraphs[0].text
    assert "There are no consultations to report yet." in [p.text for p in document.paragraphs]


def test_download_without_a_scope_redirects_with_a_message(viewer_client):
    assert viewer_client.get("/evidence/consultation-statement.docx").status_code == 302
    assert viewer_client.get("/evidence/consultation-statement/hearing-list.csv").status_code == 302


def test_invitations_counted_match_the_database(viewer_client, consultation):
    methods = _rows(_xlsx(viewer_client, consultation=consultation.id), "Methods")
    invited = sum(int(row[4].split()[0]) for row in methods if row[4] and row[4].endswith("invited"))
    assert invited == db.session.scalar(select(func.count(Invitation.id)))


def test_an_earlier_stage_is_not_described_in_the_publication_stages_terms(viewer_client):
    consultation = _closed(form_type="questionnaire", stage="reg-18")
    text = _text(_docx(viewer_client, consultation=consultation.id))
    assert wording.EARLY_NONE_MADE in text and "Regulation 20" not in text
    _respond(consultation, items=(("comment", None),))
    counts = [row[1] for row in _rows(_xlsx(viewer_client, consultation=consultation.id), "Counts")]
    assert f"Duly made ({wording.EARLY_DULY_MADE})" in counts


def test_a_consultation_not_open_yet_is_provisional_too(viewer_client):
    now = utcnow()
    consultation = create_consultation(opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=50))
    document = _docx(viewer_client, consultation=consultation.id)
    assert "Provisional: this consultation has not opened yet." in [p.text for p in document.paragraphs]


def test_docx_is_laid_out_like_a_council_document_with_contents_and_xlsx_prints(viewer_client):
    plan = create_plan()
    _respond(_closed(title="Publication draft", stage="reg-19", plan_id=plan.id))
    response = viewer_client.get(f"/evidence/consultation-statement.docx?plan={plan.slug}")
    document = office_checks.word(response.data)
    office_checks.assert_council_document(document)
    office_checks.assert_titled(document, partners=False)
    assert plan.name in document.paragraphs[1].text
    assert " TOC " in document.element.body.xml  # a contents field Word fills in
    contents = [p.text for p in document.paragraphs[: len(document.paragraphs) // 2]]
    assert "Annex: full copies of the representations" in contents  # its entries, until Word updates it
    office_checks.assert_printable(viewer_client.get(f"/evidence/consultation-statement.xlsx?plan={plan.slug}").data)
