"""Statements of Common Ground: pages, versions, status, signatures and the Word document."""

from sqlalchemy import func, select

from engage.extensions import db
from engage.models import CommonGroundVersion
from tests.evidence.common_ground.scg_data import signed_statement as _signed_statement
from tests.evidence.common_ground.scg_data import statement as _statement
from tests.factories import create_authority
from tests.pages import error_summary, get_page, parse, post_form


def test_new_statement_form_shows(officer_client):
    page = get_page(officer_client, "evidence.common_ground.new")
    assert page.select_one("input[name=title]") is not None
    assert page.select_one("textarea[name=housing_distribution]") is not None


def test_starting_a_statement_creates_draft_version_one(officer_client):
    create_authority("HBC", "Hertsmere Borough Council")
    response = post_form(
        officer_client,
        "evidence.common_ground.new",
        {"title": "SCG: Green Belt", "lead_authority": "HBC", "governance": "SPMG decides."},
    )
    assert response.status_code == 302
    version = db.session.scalar(select(CommonGroundVersion))
    assert (version.number, version.status, version.governance) == (1, "draft", "SPMG decides.")
    assert version.statement.lead_authority.code == "HBC"
    assert response.headers["Location"].endswith(f"/evidence/common-ground/{version.statement_id}/versions/1")


def test_starting_a_statement_without_a_title_shows_the_error_and_keeps_input(officer_client):
    response = post_form(officer_client, "evidence.common_ground.new", {"title": " ", "risks": "Infrastructure late"})
    page = parse(response)
    assert response.status_code == 200
    assert error_summary(page) == ["Enter a title for the statement"]
    assert page.select_one("textarea[name=risks]").get_text() == "Infrastructure late"
    assert page.title.get_text().startswith("Error: ")
    assert db.session.scalar(select(func.count(CommonGroundVersion.id))) == 0


def test_version_page_shows_parties_matters_and_text(viewer_client):
    statement = _signed_statement()
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=statement.id, number=1)
    text = page.get_text(" ")
    assert "Dacorum Borough Council" in text
    assert "Housing need and distribution" in text
    assert "The five districts of SW Herts." in text
    assert "Signed" in text
    assert page.select_one("a[href$='/edit']") is None  # viewers and signed versions: no edit link


def test_editing_a_draft_saves_the_text(officer_client):
    statement = _statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.edit",
        {"housing_requirement": "About 4,000 homes a year", "risks": "Slow delivery"},
        url_kwargs={"statement_id": statement.id, "number": 1},
    )
    assert response.status_code == 302
    version = db.session.get(CommonGroundVersion, statement.latest.id)
    assert version.housing_requirement == "About 4,000 homes a year"
    assert version.area_description == ""  # the form sends every field


def test_signed_version_cannot_be_edited(officer_client):
    statement = _signed_statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.edit",
        {"risks": "Changed"},
        url_kwargs={"statement_id": statement.id, "number": 1},
    )
    assert response.status_code == 302
    assert db.session.get(CommonGroundVersion, statement.latest.id).risks == ""


def test_matter_form_adds_and_then_updates_one_row(officer_client):
    statement = _statement()
    kwargs = {"statement_id": statement.id, "number": 1}
    post_form(
        officer_client, "evidence.common_ground.matter", {"matter": "green-belt", "position_status": "ongoing"}, kwargs
    )
    response = post_form(
        officer_client,
        "evidence.common_ground.matter",
        {"matter": "green-belt", "position_status": "not-agreed", "narrative": "Boundary review disputed"},
        kwargs,
    )
    assert response.status_code == 302
    version = db.session.get(CommonGroundVersion, statement.latest.id)
    assert [(m.matter.slug, m.position_status, m.narrative) for m in version.matters] == [
        ("green-belt", "not-agreed", "Boundary review disputed")
    ]


def test_matter_form_without_a_position_shows_the_error(officer_client):
    statement = _statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.matter",
        {"matter": "green-belt", "narrative": "Kept text"},
        {"statement_id": statement.id, "number": 1},
    )
    page = parse(response)
    assert error_summary(page) == ["Select whether the matter is agreed, not agreed or still being discussed"]
    assert page.select_one("textarea[name=narrative]").get_text() == "Kept text"


def test_party_form_adds_a_party_with_the_matters_it_signs(officer_client):
    create_authority("SADC", "St Albans City and District Council")
    statement = _statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.party",
        {"authority": "SADC", "signatory_name": "C Lead", "matters": ["transport", "education"]},
        {"statement_id": statement.id, "number": 1},
    )
    assert response.status_code == 302
    party = db.session.get(CommonGroundVersion, statement.latest.id).parties[0]
    assert party.name == "St Albans City and District Council"
    assert sorted(m.slug for m in party.matters) == ["education", "transport"]


def test_party_form_without_a_name_or_authority_shows_the_error(officer_client):
    statement = _statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.party",
        {"signatory_role": "Chair"},
        {"statement_id": statement.id, "number": 1},
    )
    page = parse(response)
    assert error_summary(page) == ["Enter the name of the party, or select an authority"]
    assert page.select_one("input[name=signatory_role]")["value"] == "Chair"


def test_unknown_version_is_404(viewer_client):
    assert viewer_client.get("/evidence/common-ground/99/versions/1").status_code == 404
    assert viewer_client.get("/evidence/common-ground/99/versions/1.docx").status_code == 404


def test_a_party_can_be_a_body_in_the_registers(officer_client):
    from tests.factories import create_stakeholder

    body = create_stakeholder(kind="organisation", organisation="Affinity Water", categories=["dtc-prescribed-body"])
    statement = _statement()
    kwargs = {"statement_id": statement.id, "number": 1}
    response = post_form(officer_client, "evidence.common_ground.party", {"stakeholder": "99999999"}, kwargs)
    page = parse(response)
    assert error_summary(page) == [
        "There is no stakeholder with record number 99999999",
        "Enter the name of the party, or select an authority",
    ]
    assert page.select_one("input[name=stakeholder]")["value"] == "99999999"
    response = post_form(officer_client, "evidence.common_ground.party", {"stakeholder": str(body.id)}, kwargs)
    assert response.status_code == 302
    party = db.session.get(CommonGroundVersion, statement.latest.id).parties[0]
    assert (party.name, party.stakeholder_id) == ("Affinity Water", body.id)


def test_the_change_log_of_a_later_version_can_be_edited(officer_client):
    from engage.evidence.common_ground import versions

    statement = _signed_statement()
    second = versions.start_new_version(statement, {"change_log": "First go"})
    page = get_page(officer_client, "evidence.common_ground.edit", statement_id=statement.id, number=2)
    assert page.select_one("textarea[name=change_log]").get_text() == "First go"
    response = post_form(
        officer_client,
        "evidence.common_ground.edit",
        {"change_log": "Transport added after the modelling", "area_description": second.area_description},
        {"statement_id": statement.id, "number": 2},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(CommonGroundVersion, second.id).change_log == "Transport added after the modelling"
