"""Changes to a representation after it arrived, as its pages make them: withdrawing it when the respondent asks and
reinstating it (over engage.representations.withdrawals, where the rules are), and linking its respondent to a
stakeholder on the registers."""

from flask import jsonify
from flask_login import current_user

from engage.api import bp, spec
from engage.api.http import Problem, parse_json_body, validate_body
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Stakeholder
from engage.permissions import EDIT, require_permission
from engage.representations import corrections, withdrawals
from engage.representations import services as intake
from engage.representations.schemas import (
    ReinstatementInput,
    Representation,
    RepresentationChanges,
    StakeholderLinkInput,
    WithdrawalInput,
)


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


@bp.put("/representations/<reference>/stakeholder")
@require_permission(EDIT)
@idempotent
def link_representation_stakeholder(reference: str):
    representation = _representation(reference)
    data = parse_json_body(StakeholderLinkInput)
    if "stakeholder" not in data:
        raise ValidationError({"stakeholder": ["Give the stakeholder's id, or null to take the link away"]})
    stakeholder = None
    if data["stakeholder"] is not None:
        stakeholder = db.session.get(Stakeholder, data["stakeholder"])
        if stakeholder is None:
            raise ValidationError({"stakeholder": [f"There is no stakeholder with the id {data['stakeholder']}"]})
    intake.link_stakeholder(representation.respondent, stakeholder, user=current_user)
    return jsonify(Representation.serialise(representation))


@bp.patch("/representations/<reference>")
@require_permission(EDIT)
@idempotent
def update_representation(reference: str):
    """Correct a representation as recorded: the fields sent laid over the record, checked as when it was recorded."""
    representation = _representation(reference)
    sent = parse_json_body(RepresentationChanges)
    data = validate_body(RepresentationChanges, Representation.serialise(representation))
    for owner in ("respondent", "agent"):
        if sent.get(owner) is not None and data.get(owner) is not None:
            sent[owner] = {**data[owner], **sent[owner]}
    data.update(sent)
    corrections.correct_representation(
        representation,
        data.pop("respondent", None) or {},
        data.pop("agent", None),
        data,
        reason=data.get("reason"),
        channel=data.get("channel"),
        received_at=sent.get("received_at", representation.received_at),
        user=current_user,
    )
    return jsonify(Representation.serialise(representation))


spec.document(
    tag=("Representation changes", "Correcting, withdrawing and reinstating representations, and linking respondents"),
    paths={
        "/representations/{reference}": {
            "patch": {
                "summary": "Correct a representation as it was recorded",
                "description": "For a slip when keying it in or a misread letter. Only the fields sent change; they"
                " are checked as when it was recorded, and `reason` and every change (before and after) go in the"
                " audit trail. The respondent's and agent's details are corrected for all the respondent's"
                " representations. An online representation keeps its channel and the time it was sent; a keyed-in"
                " one's `late` follows a corrected `received_at`.",
                "requestBody": spec.json_body(RepresentationChanges),
                "responses": spec.responds(Representation),
            },
        },
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
        "/representations/{reference}/stakeholder": {
            "put": {
                "summary": "Link the respondent to a stakeholder on the registers, or take the link away",
                "description": "Every representation of the respondent is linked. `stakeholder: null` unlinks.",
                "requestBody": spec.json_body(StakeholderLinkInput),
                "responses": spec.responds(Representation),
            },
        },
    },
)
