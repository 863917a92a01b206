"""Signing a Statement of Common Ground: only parties sign, on the dates written on the document, and "signed"
means every party signed."""

from datetime import date

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing
from engage.extensions import db
from engage.models import CommonGroundSignature, CommonGroundVersion
from tests.evidence.common_ground.scg_data import AGREED_ON, TODAY, statement, two_party_statement
from tests.pages import error_summary, get_page, parse, post_form


def _agreed(on=AGREED_ON):
    made = two_party_statement()
    signing.change_status(made.latest, "agreed", on, TODAY)
    return made.latest


def _sign(version, party_index, day):
    return signing.add_signature(version, {"party": version.parties[party_index].id, "signed_on": day}, TODAY)


def _errors(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.errors


def test_agreeing_keeps_the_date_entered_not_the_day_of_the_click(officer_client):
    made = two_party_statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.status",
        {"status": "agreed", "on": ["2", "11", "2026"]},
        {"statement_id": made.id, "number": 1},
    )
    assert response.status_code == 302
    version = db.session.get(CommonGroundVersion, made.latest.id)
    assert (version.status, version.agreed_on) == ("agreed", date(2026, 11, 2))


def test_agreeing_without_a_date_shows_the_error_and_changes_nothing(officer_client):
    made = two_party_statement()
    response = post_form(
        officer_client, "evidence.common_ground.status", {"status": "agreed"}, {"statement_id": made.id, "number": 1}
    )
    page = parse(response)
    assert error_summary(page) == ["Enter the date it was agreed, like 27 3 2026"]
    assert page.title.get_text().startswith("Error: ")
    assert db.session.get(CommonGroundVersion, made.latest.id).status == "draft"


def test_a_date_in_the_future_is_refused():
    made = two_party_statement()
    errors = _errors(lambda: signing.change_status(made.latest, "agreed", date(2026, 12, 1), TODAY))
    assert errors == {"on": ["The date it was agreed must be today or in the past"]}


def test_only_a_party_can_sign(officer_client):
    version = _agreed()
    other = statement(title="Another statement")
    stranger = scg_services.add_party(other.latest, {"name": "Not a party here"})
    errors = _errors(lambda: signing.add_signature(version, {"party": stranger.id, "signed_on": TODAY}, TODAY))
    assert errors["party"] == ["Select the party they signed for: only a party to the statement can sign it"]
    response = post_form(
        officer_client,
        "evidence.common_ground.signature",
        {"party": str(stranger.id), "name": "Someone", "signed_on": ["20", "11", "2026"]},
        {"statement_id": version.statement_id, "number": 1},
    )
    page = parse(response)
    assert error_summary(page) == ["Select the party they signed for: only a party to the statement can sign it"]
    assert page.select_one("input[name=name]")["value"] == "Someone"
    assert db.session.scalar(select(func.count(CommonGroundSignature.id))) == 0
    assert other.latest.signatures == []


def test_a_party_signs_once():
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    errors = _errors(lambda: _sign(version, 0, date(2026, 11, 11)))
    assert errors["party"] == ["Dacorum Borough Council has already signed version 1"]


def test_a_signature_cannot_predate_the_agreement():
    version = _agreed()
    errors = _errors(lambda: _sign(version, 0, date(2026, 11, 1)))
    assert errors["signed_on"] == ["The date they signed cannot be before the version was agreed, 2 November 2026"]


def test_a_signature_in_the_future_is_refused():
    version = _agreed()
    errors = _errors(lambda: _sign(version, 0, date(2026, 11, 25)))
    assert errors["signed_on"] == ["The date they signed must be today or in the past"]


def test_signature_takes_the_partys_signatory_when_no_name_is_given(officer_client):
    version = _agreed()
    response = post_form(
        officer_client,
        "evidence.common_ground.signature",
        {"party": str(version.parties[1].id), "signed_on": ["20", "11", "2026"]},
        {"statement_id": version.statement_id, "number": 1},
    )
    assert response.status_code == 302
    signature = db.session.scalar(select(CommonGroundSignature))
    assert (signature.name, signature.organisation, signature.signed_on) == (
        "B Leader",
        "Hertsmere Borough Council",
        date(2026, 11, 20),
    )


def test_signed_needs_every_party_and_shows_partly_signed_meanwhile(viewer_client):
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    errors = _errors(lambda: signing.change_status(version, "signed", date(2026, 11, 10), TODAY))
    assert errors == {"status": ["Signed means every party has signed: 1 of 2 have. Record the others first"]}
    assert version.signature_status == "Partly signed (1 of 2)"
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=version.statement_id, number=1)
    assert "Partly signed (1 of 2)" in page.get_text(" ")


def test_the_version_cannot_be_signed_before_its_last_signature():
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    _sign(version, 1, date(2026, 11, 18))
    errors = _errors(lambda: signing.change_status(version, "signed", date(2026, 11, 12), TODAY))
    assert errors == {"on": ["The date it was signed cannot be before the last signature, 18 November 2026"]}
    signing.change_status(version, "signed", date(2026, 11, 18), TODAY)
    assert (version.status, version.signed_on, version.signature_status) == (
        "signed",
        date(2026, 11, 18),
        "Signed by all parties",
    )


def test_a_signed_version_takes_no_more_signatures():
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    _sign(version, 1, date(2026, 11, 11))
    signing.change_status(version, "signed", date(2026, 11, 11), TODAY)
    errors = _errors(lambda: _sign(version, 0, date(2026, 11, 12)))
    assert errors == {"party": ["Version 1 is signed: it cannot take more signatures"]}


def test_a_signed_version_cannot_go_back_to_draft():
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    errors = _errors(lambda: signing.change_status(version, "draft", None, TODAY))
    assert errors == {"status": ["Signatures have been recorded on this version: start a new version to make changes"]}


def test_signatures_need_an_agreed_version(officer_client):
    made = two_party_statement()
    response = post_form(
        officer_client,
        "evidence.common_ground.signature",
        {"party": str(made.latest.parties[0].id), "signed_on": ["1", "11", "2026"]},
        {"statement_id": made.id, "number": 1},
    )
    assert error_summary(parse(response)) == ["Mark this version agreed before recording signatures"]


def test_signature_with_an_impossible_date_shows_the_error_and_keeps_input(officer_client):
    version = _agreed()
    response = post_form(
        officer_client,
        "evidence.common_ground.signature",
        {"party": str(version.parties[0].id), "role": "Leader", "signed_on": ["31", "2", "2026"]},
        {"statement_id": version.statement_id, "number": 1},
    )
    page = parse(response)
    assert error_summary(page) == ["Enter a real date, like 27 3 2027"]
    assert page.select_one("input[name=role]")["value"] == "Leader"


def test_signature_page_offers_only_the_parties_still_to_sign(officer_client):
    version = _agreed()
    _sign(version, 0, date(2026, 11, 10))
    page = get_page(officer_client, "evidence.common_ground.signature", statement_id=version.statement_id, number=1)
    labels = [label.get_text(strip=True) for label in page.select(".govuk-radios__label")]
    assert labels == ["Hertsmere Borough Council"]


def test_status_cannot_jump_from_draft_to_signed():
    made = statement()
    errors = _errors(lambda: signing.change_status(made.latest, "signed", TODAY, TODAY))
    assert errors == {"status": ["A draft version can only become agreed"]}
