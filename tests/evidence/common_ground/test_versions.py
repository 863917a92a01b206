"""Versions of a Statement of Common Ground: the change log, the differences worked out from the data, positions
per party per matter, and "superseded by"."""

from datetime import date

from sqlalchemy import func, select

from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing, versions
from engage.extensions import db
from engage.models import CommonGroundVersion
from tests.evidence.common_ground.scg_data import TODAY, signed_statement, statement, two_party_statement
from tests.pages import error_summary, get_page, parse, post_form


def test_positions_page_records_where_one_party_stands(officer_client):
    made = two_party_statement()
    version = made.latest
    party = version.parties[1]
    kwargs = {"statement_id": made.id, "number": 1, "party_id": party.id}
    page = get_page(officer_client, "evidence.common_ground.positions", **kwargs)
    assert {fieldset.legend.get_text(strip=True) for fieldset in page.select("fieldset")} >= {
        "Housing need and distribution (including unmet need)",
        "Green Belt",
    }
    response = post_form(
        officer_client,
        "evidence.common_ground.positions",
        {"matter-housing-need": "not-agreed", "matter-green-belt": "ongoing"},
        kwargs,
    )
    assert response.status_code == 302
    version = db.session.get(CommonGroundVersion, version.id)
    hertsmere = version.parties[1]
    assert {(p.matter.slug, p.position) for p in hertsmere.positions} == {
        ("housing-need", "not-agreed"),
        ("green-belt", "ongoing"),
    }
    assert version.parties[0].positions == []


def test_the_positions_table_shows_a_disagreement(viewer_client):
    made = two_party_statement()
    version = made.latest
    scg_services.set_positions(version, version.parties[0], {"housing-need": "agreed"})
    scg_services.set_positions(version, version.parties[1], {"housing-need": "not-agreed"})
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=made.id, number=1)
    table = page.select_one("#positions ~ table")
    head = [th.get_text(strip=True) for th in table.select("thead th")]
    assert head == ["Strategic matter", "Statement", "DBC", "HBC"]
    housing = [cell.get_text(strip=True) for cell in table.select("tbody tr")[0].select("th, td")]
    assert housing == ["Housing need and distribution (including unmet need)", "Agreed", "Agreed", "Not agreed"]


def test_a_bad_position_is_refused_and_nothing_changes(officer_client):
    made = two_party_statement()
    party = made.latest.parties[0]
    response = post_form(
        officer_client,
        "evidence.common_ground.positions",
        {"matter-housing-need": "maybe"},
        {"statement_id": made.id, "number": 1, "party_id": party.id},
    )
    assert error_summary(parse(response)) == ["Select agreed, not agreed or ongoing"]
    assert db.session.get(CommonGroundVersion, made.latest.id).parties[0].positions == []


def test_positions_of_a_party_of_another_version_are_404(officer_client):
    made = two_party_statement()
    assert (
        officer_client.get(f"/evidence/common-ground/{made.id}/versions/1/parties/999999/positions").status_code == 404
    )


def test_new_version_needs_a_change_log_and_copies_positions(officer_client):
    made = signed_statement()
    scg_version = made.latest
    kwargs = {"statement_id": made.id}
    response = post_form(officer_client, "evidence.common_ground.new_version", {"change_log": " "}, kwargs)
    assert error_summary(parse(response)) == ["Enter what changes in version 2 and why"]
    assert db.session.scalar(select(func.count(CommonGroundVersion.id))) == 1
    response = post_form(
        officer_client, "evidence.common_ground.new_version", {"change_log": "Green Belt review finished"}, kwargs
    )
    assert response.status_code == 302
    second = db.session.scalar(select(CommonGroundVersion).where(CommonGroundVersion.number == 2))
    assert (second.status, second.change_log, second.signatures) == ("draft", "Green Belt review finished", [])
    assert [p.name for p in second.parties] == [p.name for p in scg_version.parties]


def test_differences_list_matters_positions_parties_and_text():
    made = two_party_statement()
    first = made.latest
    scg_services.set_positions(first, first.parties[1], {"green-belt": "ongoing"})
    signing.change_status(first, "agreed", date(2026, 11, 2), TODAY)
    second = versions.start_new_version(made, {"change_log": "After the Green Belt review"})
    scg_services.set_matter(second, {"matter": "green-belt", "position_status": "agreed"})
    scg_services.set_matter(second, {"matter": "transport", "position_status": "ongoing"})
    scg_services.set_positions(second, second.parties[1], {"green-belt": "agreed"})
    scg_services.add_party(second, {"name": "Hertfordshire County Council"})
    scg_services.update_version(second, {"risks": "Slow delivery", "area_description": first.area_description})
    assert versions.differences(second) == [
        "Transport and highways added (ongoing)",
        "Green Belt: ongoing → agreed",
        "Hertfordshire County Council joined as a party",
        "Hertsmere Borough Council's positions: Green Belt ongoing → agreed",
        "Risks and how they will be managed changed",
    ]
    assert versions.differences(first) == []


def test_the_version_page_shows_change_log_differences_and_superseded_by(viewer_client):
    made = signed_statement()
    second = versions.start_new_version(made, {"change_log": "Transport added"})
    scg_services.set_matter(second, {"matter": "transport", "position_status": "agreed"})
    signing.change_status(second, "agreed", date(2026, 11, 21), TODAY)
    signing.add_signature(second, {"party": second.parties[0].id, "signed_on": date(2026, 11, 22)}, TODAY)
    signing.change_status(second, "signed", date(2026, 11, 23), TODAY)
    first = made.versions[0]
    assert (first.status, first.superseded_on, first.superseded_by.number) == ("superseded", date(2026, 11, 23), 2)
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=made.id, number=2)
    text = page.get_text(" ")
    assert "Transport added" in text
    assert "Transport and highways added (agreed)" in text
    old = get_page(viewer_client, "evidence.common_ground.version", statement_id=made.id, number=1).get_text(" ")
    assert "Superseded on 23 November 2026 by version 2" in " ".join(old.split())


def test_new_version_is_refused_while_the_latest_is_a_draft(officer_client):
    made = statement()
    post_form(officer_client, "evidence.common_ground.new_version", {"change_log": "x"}, {"statement_id": made.id})
    assert db.session.scalar(select(func.count(CommonGroundVersion.id))) == 1
