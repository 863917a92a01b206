"""Withdrawing a representation when the respondent asks, and reinstating one, over
engage.representations.withdrawals (the rules are there), as the representation's pages do."""

from flask import jsonify
from flask_login import current_user

from engage.api import bp, spec
from engage.api.http import Problem, parse_json_body
from engage.api.idempotency import idempotent
from engage.permissions import EDIT, require_permission
from engage.representations import services as intake
from engage.representations import withdrawals
from engage.representations.schemas import ReinstatementInput, Representation, WithdrawalInput


def _representation(reference: str):
    representation = intake.find_representation(reference)
    if representation is None:
        raise Problem(404, f"There is no representation with the reference {reference[:40]}")
    return representation


@bp.post("/representations/<reference>/withdraw")
@require_permission(EDIT)
@idempotent
def withdraw_representation(reference: str):
    representation = _representation(reference)
    data = parse_json_body(WithdrawalInput)
    withdrawals.withdraw_representation(representation, data.get("reason"), user=current_user)
    return jsonify(Representation.serialise(representation))


@bp.post("/representations/<reference>/reinstate")
@require_permission(EDIT)
@idempotent
def reinstate_representation(reference: str):
    representation = _representation(reference)
    data = parse_json_body(ReinstatementInput)
    withdrawals.reinstate_representation(
        representation, data.get("reason"), by_mistake=bool(data.get("by_mistake")), user=current_user
    )
    return jsonify(Representation.serialise(representation))


spec.document(
    tag=("Withdrawals", "Withdrawing representations when respondents ask, and reinstating them"),
    paths={
        "/representations/{reference}/withdraw": {
            "post": {
                "summary": "Withdraw a representation at the respondent's request",
                "description": "Only before the consultation closes, and only once; the reason goes in the audit"
                " trail. The representation keeps its reference and is counted as withdrawn.",
                "requestBody": spec.json_body(WithdrawalInput),
                "responses": spec.responds(Representation),
            },
        },
        "/representations/{reference}/reinstate": {
            "post": {
                "summary": "Reinstate a withdrawn representation",
                "description": "Before the consultation closes, for any reason given; after it, only when it was"
                " withdrawn by mistake (`by_mistake: true`). It keeps the date it was received.",
                "requestBody": spec.json_body(ReinstatementInput),
                "responses": spec.responds(Representation),
            },
        },
    },
)
