"""Signature and status forms sent empty, with dates outside the accepted years, ids that are not ids and NUL
characters: a page with messages (or the change made), never a 500."""

import pytest

from engage.evidence.common_ground import signing
from tests.evidence.common_ground.scg_data import AGREED_ON, TODAY, two_party_statement


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"party": "1"},
        {"party": "1", "signed_on": ["", "", ""]},
        {"party": "²", "signed_on": ["1", "1", "1800"]},
        {"party": "1", "name": "a\x00b", "signed_on": ["1", "1", "2026"]},
        {"party": "99999999999", "signed_on": "x"},
    ],
)
def test_a_hostile_signature_post_is_answered_with_a_page(officer_client, body):
    made = two_party_statement()
    signing.change_status(made.latest, "agreed", AGREED_ON, TODAY)
    response = officer_client.post(f"/evidence/common-ground/{made.id}/versions/1/signatures", data=body)
    assert response.status_code == 200
    assert "There is a problem" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "body", [{}, {"status": "agreed"}, {"status": "agreed", "on": ["", "", ""]}, {"status": "a\x00", "on": "3000"}]
)
def test_a_hostile_status_post_is_answered_with_a_page(officer_client, body):
    made = two_party_statement()
    response = officer_client.post(f"/evidence/common-ground/{made.id}/versions/1/status", data=body)
    assert response.status_code == 200
    assert "There is a problem" in response.get_data(as_text=True)
