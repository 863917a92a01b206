"""Demo invitations: who each demo consultation was sent to and how, for the statement of consultation and each
stakeholder's engagement history. Recorded as already sent (no email goes out). Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Invitation, Register, Stakeholder

INVITED_REGISTERS = {
    "issues-and-options": ("members-forum", "statutory-consultees", "mps", "neighbouring-authorities"),
    "publication-plan": (
        "members-forum",
        "statutory-consultees",
        "mps",
        "government-departments",
        "neighbouring-authorities",
        "strategic-stakeholders",
        "general-consultees",
    ),
}


def load_demo_invitations() -> None:
    for slug, register_slugs in INVITED_REGISTERS.items():
        consultation = db.session.scalar(select(Consultation).where(Consultation.slug == slug))
        already = consultation is None or db.session.scalar(
            select(Invitation.id).where(Invitation.consultation_id == consultation.id).limit(1)
        )
        if not already:
            _invite(consultation, register_slugs)
    db.session.commit()


def _invite(consultation: Consultation, register_slugs: tuple[str, ...]) -> None:
    people = db.session.scalars(
        select(Stakeholder)
        .where(Stakeholder.registers.any(Register.slug.in_(register_slugs)), Stakeholder.do_not_contact.is_(False))
        .order_by(Stakeholder.id)
    )
    sent_at = consultation.opens_at - timedelta(days=3)
    for stakeholder in people:
        method = "email" if stakeholder.email and stakeholder.preferred_channel != "post" else "letter"
        db.session.add(
            Invitation(
                consultation_id=consultation.id,
                stakeholder_id=stakeholder.id,
                method=method,
                status="sent" if method == "email" else "recorded",
                created_at=sent_at,
                sent_at=sent_at,
            )
        )
