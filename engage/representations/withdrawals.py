"""Withdrawing a representation when the respondent asks, and reinstating one, each with its reason in the audit trail.

The rule for reinstating: before the consultation closes an officer may reinstate a withdrawn representation for any
reason they record (the respondent changed their mind, or it was withdrawn by mistake). After the close it may only be
reinstated when it was withdrawn by mistake, and the officer says so: otherwise reinstating would let a respondent
make a representation after the deadline. Either way it keeps the date it was received, so its late flag stays right.
"""

from datetime import datetime

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Representation, utcnow

REASON_LIMIT = 1000


def _reason(value: str | None, doing: str) -> str:
    reason = (value or "").strip()
    if not reason:
        raise ValidationError({"reason": [f"Enter why the representation is being {doing}"]})
    if len(reason) > REASON_LIMIT:
        raise ValidationError({"reason": [f"The reason must be {REASON_LIMIT:,} characters or fewer"]})
    return reason


def withdraw_representation(
    representation: Representation, reason: str | None, *, user=None, moment: datetime | None = None
) -> None:
    """Withdraw on the respondent's request; only before the consultation closes."""
    moment = moment or utcnow()
    if representation.status == "withdrawn":
        raise ValidationError({"reason": ["This representation has already been withdrawn"]})
    if not before_close(representation, moment):
        raise ValidationError({"reason": ["Representations can only be withdrawn before the consultation closes"]})
    reason = _reason(reason, "withdrawn")
    representation.status = "withdrawn"
    representation.withdrawn_at = moment
    audit.record(
        "withdraw",
        "representation",
        representation.id,
        f"{representation.reference} withdrawn: {reason}",
        user=user,
        changes={"status": ["submitted", "withdrawn"], "reason": reason},
    )
    db.session.commit()


def before_close(representation: Representation, moment: datetime | None = None) -> bool:
    """Whether the representation's consultation is still open: withdrawing needs it, and so does reinstating for
    any reason other than a mistaken withdrawal."""
    return (moment or utcnow()) < representation.consultation.closes_at


def reinstate_representation(
    representation: Representation,
    reason: str | None,
    *,
    by_mistake: bool = False,
    user=None,
    moment: datetime | None = None,
) -> None:
    """Undo a withdrawal (see the rule at the top of this module)."""
    if representation.status != "withdrawn":
        raise ValidationError({"reason": ["This representation has not been withdrawn"]})
    if not by_mistake and not before_close(representation, moment):
        message = "The consultation has closed: a representation can only be reinstated if it was withdrawn by mistake"
        raise ValidationError({"by_mistake": [message]})
    reason = _reason(reason, "reinstated")
    withdrawn_at = representation.withdrawn_at
    representation.status = "submitted"
    representation.withdrawn_at = None
    audit.record(
        "reinstate",
        "representation",
        representation.id,
        f"{representation.reference} reinstated{' (withdrawn by mistake)' if by_mistake else ''}: {reason}",
        user=user,
        changes={
            "status": ["withdrawn", "submitted"],
            "withdrawn_at": [withdrawn_at.isoformat() if withdrawn_at else None, None],
            "reason": reason,
            "by_mistake": by_mistake,
        },
    )
    db.session.commit()
